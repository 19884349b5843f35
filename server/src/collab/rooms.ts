import { log } from '../log.js';
import type { DocStore } from '../storage/doc-store.js';
import { encodeAccessMessage, encodePermissionDenied } from './access-message.js';
import type { Connection } from './connection.js';
import { CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED, CLOSE_UNKNOWN_DOC } from './gate.js';
import { encodeSyncStep1 } from './protocol.js';
import { Room, type RoomHooks } from './room.js';

export interface RoomEvents {
  /**
   * A room is about to load from storage. Subscribing to other instances here,
   * before the load, means no update can fall between the two.
   */
  opening?(room: Room): void | Promise<void>;
  /** A room's last socket left; it is unloaded once this resolves. */
  closing?(room: Room): void | Promise<void>;
  /** A member's access changed on this instance: other instances must apply it too. */
  accessChanged?(change: AccessChange): void;
}

/**
 * A member's new write permission on a workspace's documents (`null` when they
 * were removed) and the role that gave it (for their client to show; absent in
 * changes published by older instances), or a session/token that was revoked
 * (logout, token deleted).
 */
export type AccessChange =
  | { kind: 'member'; workspaceId: string; userId: string; canWrite: boolean | null; role?: string }
  | { kind: 'credential'; credentialId: string }
  | WorkshopCopiesChange;

/**
 * A workshop was revealed (its participants' sockets become read-only; trainers' keep
 * their rights), or its participants' copies were deleted (every socket on them closes).
 */
export type WorkshopCopiesChange = { kind: 'workshop-revealed'; workshopId: string } | { kind: 'copies-deleted'; docIds: string[] };

/** Close reason of a socket whose workshop was deleted; the participant's client words it. */
export const REASON_WORKSHOP_DELETED = 'workshop deleted';

/**
 * Open documents by id. A document is loaded once however many sockets ask at
 * the same moment, and unloaded (after a final flush) when its last socket leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly ready = new Map<string, Room>();
  private readonly unloading = new Set<Promise<void>>();
  events: RoomEvents = {};

  constructor(
    private readonly store: DocStore,
    private readonly hooks: RoomHooks,
  ) {}

  get openRooms(): ReadonlyMap<string, Room> {
    return this.ready;
  }

  async join(docId: string, conn: Connection): Promise<Room> {
    let pending = this.rooms.get(docId);
    if (!pending) {
      pending = this.load(docId);
      this.rooms.set(docId, pending);
      pending.catch(() => this.rooms.delete(docId));
    }
    const room = await pending;
    if (conn.closed) {
      this.maybeUnload(room);
      throw new Error('connection closed while the document loaded');
    }
    room.add(conn);
    return room;
  }

  leave(room: Room, conn: Connection): void {
    room.remove(conn);
    this.maybeUnload(room);
  }

  private async load(docId: string): Promise<Room> {
    const room = new Room(docId, this.hooks);
    try {
      await this.events.opening?.(room);
      room.loadFrom(await this.store.load(docId));
    } catch (err) {
      await this.events.closing?.(room);
      room.destroy();
      throw err;
    }
    this.ready.set(docId, room);
    return room;
  }

  private maybeUnload(room: Room): void {
    if (room.conns.size > 0 || this.ready.get(room.docId) !== room) return;
    this.rooms.delete(room.docId);
    this.ready.delete(room.docId);
    // The room's updates are already queued in the store; folding the log now keeps the next load fast.
    const job = Promise.resolve(this.events.closing?.(room))
      .finally(() => room.destroy())
      .then(() => this.store.flush())
      // A discarded document is about to be dropped from storage: folding it would be wasted work.
      .then(() => (room.discarded ? undefined : this.store.compact(room.docId)))
      .catch((err) => log('unload flush/compaction failed', { docId: room.docId, error: String(err) }))
      .finally(() => this.unloading.delete(job));
    this.unloading.add(job);
  }

  /** Closes every socket matching a predicate (e.g. a member just removed from a workspace). */
  closeWhere(match: (conn: Connection) => boolean, code: number, reason: string): number {
    let count = 0;
    for (const room of this.ready.values()) {
      for (const conn of Array.from(room.conns)) {
        if (match(conn)) {
          conn.close(code, reason);
          this.leave(room, conn);
          count++;
        }
      }
    }
    return count;
  }

  /** Applies a member's access change here and announces it to other instances. */
  changeAccess(change: AccessChange): void {
    this.applyAccess(change);
    this.events.accessChanged?.(change);
  }

  /**
   * A removed member's sockets close at once (4403), a revoked credential's too (4401);
   * a changed role takes effect on the next frame, and the member's open sockets are told
   * (docs/api.md, "Access changes"), so an open editor can follow instead of typing into the void.
   */
  applyAccess(change: AccessChange): void {
    if (change.kind === 'workshop-revealed') return this.lockParticipants(change.workshopId);
    if (change.kind === 'copies-deleted') return this.discardDocuments(change.docIds);
    if (change.kind === 'credential') {
      this.closeWhere((conn) => conn.access.credentialId === change.credentialId, CLOSE_UNAUTHENTICATED, 'signed out');
      return;
    }
    const { workspaceId, userId, canWrite, role } = change;
    const theirs = (conn: Connection) => conn.access.userId === userId && conn.access.workspaceId === workspaceId;
    if (canWrite === null) {
      this.closeWhere(theirs, CLOSE_FORBIDDEN, 'removed from workspace');
      return;
    }
    // Read every socket's old permission before flipping any: sockets of one member share
    // one Access object, so the first flip would hide the change from the others.
    const affected: { room: Room; conn: Connection; couldWrite: boolean }[] = [];
    for (const room of this.ready.values()) {
      for (const conn of room.conns) if (theirs(conn)) affected.push({ room, conn, couldWrite: conn.access.canWrite });
    }
    for (const { conn } of affected) conn.access.canWrite = canWrite;
    if (affected.length === 0) return;
    const notice = encodeAccessMessage(role === undefined ? { canWrite } : { canWrite, role });
    const denied = canWrite ? undefined : encodePermissionDenied(`read-only: your role changed${role ? ` to ${role}` : ''}; the updates you send are no longer applied`);
    const resyncs = new Map<Room, Uint8Array>();
    for (const { room, conn, couldWrite } of affected) {
      if (denied && couldWrite) conn.send(denied);
      conn.send(notice);
      if (canWrite && !couldWrite) {
        // What it sent while read-only was dropped, yet its Yjs clock moved past it: its next
        // updates would wait on the server for those forever. Sync step 1 makes the client
        // answer with everything we lack (sync step 2), applied now that it may write.
        let step1 = resyncs.get(room);
        if (!step1) resyncs.set(room, (step1 = encodeSyncStep1(room.doc)));
        conn.send(step1);
      }
    }
  }

  /**
   * The reveal makes answers final: the workshop's participants' sockets stop writing and
   * are told why (a trainer's socket keeps its rights, it may still leave a note).
   */
  private lockParticipants(workshopId: string): void {
    // Old permissions first: a participant's tabs share one Access object (access-pool.ts).
    const affected: Connection[] = [];
    for (const room of this.ready.values()) {
      for (const conn of room.conns) if (conn.access.workshopId === workshopId && conn.access.canWrite) affected.push(conn);
    }
    if (affected.length === 0) return;
    for (const conn of affected) conn.access.canWrite = false;
    const denied = encodePermissionDenied('read-only: the trainer revealed the answers; the updates you send are no longer applied');
    const notice = encodeAccessMessage({ canWrite: false, reason: 'workshop-revealed' });
    for (const conn of affected) {
      conn.send(denied);
      conn.send(notice);
    }
  }

  /** Deleted documents: every socket closes (4404, they no longer exist) and nothing is written back. */
  private discardDocuments(docIds: readonly string[]): void {
    for (const docId of docIds) {
      const room = this.ready.get(docId);
      if (!room) continue;
      room.discarded = true;
      for (const conn of Array.from(room.conns)) {
        conn.close(CLOSE_UNKNOWN_DOC, REASON_WORKSHOP_DELETED);
        this.leave(room, conn);
      }
    }
  }

  /** Resolves once every room that is unloading now has been flushed and compacted. */
  async unloaded(): Promise<void> {
    await Promise.allSettled(Array.from(this.unloading));
  }

  /** Closes every socket and waits until every room has been unloaded and written back. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.closeWhere(() => true, code, reason);
    await Promise.allSettled(Array.from(this.unloading));
  }
}
