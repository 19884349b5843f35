import { log } from '../log.js';
import type { DocStore } from '../storage/doc-store.js';
import type { Connection } from './connection.js';
import { Room, type RoomHooks } from './room.js';

export interface RoomEvents {
  /** A room was just loaded (e.g. to subscribe to other instances' updates). */
  opened?(room: Room): void | Promise<void>;
  /** A room's last socket left and it was unloaded. */
  closed?(docId: string): void;
}

/**
 * Open documents by id. A document is loaded once however many sockets ask at
 * the same moment, and unloaded (after a final flush) when its last socket leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly ready = new Map<string, Room>();
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
    room.loadFrom(await this.store.load(docId));
    this.ready.set(docId, room);
    await this.events.opened?.(room);
    return room;
  }

  private maybeUnload(room: Room): void {
    if (room.conns.size > 0 || this.ready.get(room.docId) !== room) return;
    this.rooms.delete(room.docId);
    this.ready.delete(room.docId);
    room.destroy();
    this.events.closed?.(room.docId);
    // The room's updates are already queued in the store; folding the log now keeps the next load fast.
    void this.store
      .flush()
      .then(() => this.store.compact(room.docId))
      .catch((err) => log('unload flush/compaction failed', { docId: room.docId, error: String(err) }));
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

  closeAll(code: number, reason: string): void {
    this.closeWhere(() => true, code, reason);
  }
}
