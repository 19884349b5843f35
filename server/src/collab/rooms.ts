import { ACCESS_REASONS } from '@fc/shared';
import { log } from '../log.js';
import type { DocStore } from '../storage/doc-store.js';
import { type AccessTarget, setAccess, tellAccess } from './access-notice.js';
import type { Connection } from './connection.js';
import { type Closing, closingFor } from './access-closes.js';
import type { AccessChange } from './access-change.js';

export type { AccessChange, WorkshopCopiesChange } from './access-change.js';
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './limits.js';
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

/** Kinds this version applies; a newer instance may publish others during a rolling upgrade. */
const KNOWN_KINDS: ReadonlySet<string> = new Set<AccessChange['kind']>(['member', 'credential', 'workshop-revealed', 'copies-deleted']);

/** Changes remembered for sockets still being admitted (admission.ts); far more than can land in one admission. */
const RECENT_CHANGES = 64;

/**
 * Open documents by id. A document is loaded once however many sockets ask at
 * the same moment, and unloaded (after a final flush) when its last socket leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly ready = new Map<string, Room>();
  private readonly unloading = new Set<Promise<void>>();
  private epoch = 0;
  /** The last few changes with the epoch each moved to, oldest first. */
  private readonly recent: Array<{ epoch: number; change: AccessChange }> = [];
  events: RoomEvents = {};

  constructor(
    private readonly store: DocStore,
    private readonly hooks: RoomHooks,
    /** Per-socket bounds: the rooms enforce some, the socket route the rest. */
    readonly limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  ) {}

  get openRooms(): ReadonlyMap<string, Room> {
    return this.ready;
  }

  /**
   * Moves on every access change applied here. applyAccess reaches only sockets already in
   * a room: one the gate let in before a change but that joins after it compares epochs
   * and asks the gate again (admission.ts).
   */
  get accessEpoch(): number {
    return this.epoch;
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
    // Opened while storage is full: read-only for now, told as the open sockets were.
    if (this.store.storageFull && conn.access.canWrite) this.tellStorageFull([{ room, conn, couldWrite: true }]);
    return room;
  }

  /**
   * Storage stopped (disk full) or resumed taking writes: every socket that may write is told
   * it cannot, or can again; its permission itself is unchanged. Resuming sends sync step 1
   * too, so what such a socket typed meanwhile (dropped, still in its history) is sent again.
   */
  storageWritable(writable: boolean): void {
    const targets = this.collect((conn) => conn.access.canWrite);
    if (writable) tellAccess(targets.map((t) => ({ ...t, couldWrite: false })), { canWrite: true });
    else this.tellStorageFull(targets);
  }

  private tellStorageFull(targets: readonly AccessTarget[]): void {
    tellAccess(targets.map((t) => ({ ...t, couldWrite: true })), { canWrite: false, reason: ACCESS_REASONS.storageFull });
  }

  leave(room: Room, conn: Connection): void {
    room.remove(conn);
    this.maybeUnload(room);
  }

  private async load(docId: string): Promise<Room> {
    const room = new Room(docId, this.hooks, this.limits);
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

  /** Closes one socket and takes it out of its room (the room unloads if it was the last). */
  closeSocket(room: Room, conn: Connection, { code, reason }: Closing): void {
    conn.close(code, reason);
    this.leave(room, conn);
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
   * Which sockets a change closes, and with which words, is access-closes.ts.
   */
  applyAccess(change: AccessChange): void {
    // Moved even for a change not understood here: sockets being let in ask the gate again,
    // which reads the truth from the database whatever the change was.
    this.epoch++;
    if (!KNOWN_KINDS.has(change.kind)) {
      log('ignored an access change of a kind this version does not know', { kind: String(change.kind) });
      return;
    }
    this.recent.push({ epoch: this.epoch, change });
    if (this.recent.length > RECENT_CHANGES) this.recent.shift();
    if (change.kind === 'workshop-revealed') return this.lockParticipants(change.workshopId);
    // Deleted documents: nothing of them is written back when their sockets leave.
    if (change.kind === 'copies-deleted') for (const docId of change.docIds) this.discard(docId);
    this.closeEach((conn, room) => closingFor(change, conn, room.docId));
    if (change.kind === 'member' && change.canWrite !== null) {
      const { workspaceId, userId, canWrite, role } = change;
      const theirs = (conn: Connection) => conn.access.userId === userId && conn.access.workspaceId === workspaceId;
      const targets = this.collect(theirs);
      setAccess(targets, role === undefined ? { canWrite } : { canWrite, role });
      // Promoted while storage is full: they may write once it has space, not before.
      if (canWrite && this.store.storageFull) this.tellStorageFull(targets);
    }
  }

  /**
   * How the changes applied after `epoch` would have closed this socket, had it been in its
   * room then (the newest that closes it), or undefined: none did (or none still remembered).
   */
  closingSince(epoch: number, conn: Connection, docId: string): Closing | undefined {
    for (let i = this.recent.length - 1; i >= 0 && this.recent[i]!.epoch > epoch; i--) {
      const closing = closingFor(this.recent[i]!.change, conn, docId);
      if (closing) return closing;
    }
    return undefined;
  }

  /** Closes every socket `closing` gives a reason for. */
  private closeEach(closing: (conn: Connection, room: Room) => Closing | undefined): void {
    for (const room of this.ready.values()) {
      for (const conn of Array.from(room.conns)) {
        const why = closing(conn, room);
        if (why) this.closeSocket(room, conn, why);
      }
    }
  }

  /**
   * The reveal makes answers final: the workshop's participants' sockets stop writing and
   * are told why (a trainer's socket keeps its rights, it may still leave a note).
   */
  private lockParticipants(workshopId: string): void {
    const affected = this.collect((conn) => conn.access.workshopId === workshopId && conn.access.canWrite);
    setAccess(affected, { canWrite: false, reason: ACCESS_REASONS.workshopRevealed });
  }

  /** Sockets in rooms matching a predicate, each with its permission before any is changed. */
  private collect(match: (conn: Connection) => boolean): AccessTarget[] {
    const targets: AccessTarget[] = [];
    for (const room of this.ready.values()) {
      for (const conn of room.conns) if (match(conn)) targets.push({ room, conn, couldWrite: conn.access.canWrite });
    }
    return targets;
  }

  private discard(docId: string): void {
    const room = this.ready.get(docId);
    if (room) room.discarded = true;
  }

  /** Resolves once every room that is unloading now has been flushed and compacted. */
  async unloaded(): Promise<void> {
    await Promise.allSettled(Array.from(this.unloading));
  }

  /** Closes every socket and waits until every room has been unloaded and written back. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.closeEach(() => ({ code, reason }));
    await Promise.allSettled(Array.from(this.unloading));
  }
}
