import type { DocStore } from '../storage/doc-store.js'
import { log } from '../log.js'
import { AccessApplier } from './access/access-applier.js'
import type { AccessChange } from './access/access-change.js'
import type { Closing } from './access/access-closes.js'
import type { Connection } from './connection.js'
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './limits.js'
import { Room, type RoomHooks } from './room.js'

export type { AccessChange, WorkshopCopiesChange } from './access/access-change.js'

export interface RoomEvents {
  /**
   * A room is about to load from storage. Subscribing to other instances here,
   * before the load, means no update can fall between the two.
   */
  opening?(room: Room): void | Promise<void>
  /** A room's last socket left; it is unloaded once this resolves. */
  closing?(room: Room): void | Promise<void>
  /** A member's access changed on this instance: other instances must apply it too. */
  accessChanged?(change: AccessChange): void
  /** A socket joined a room (after its sync step 1 went out). */
  joined?(room: Room, conn: Connection): void
  /** A socket that had joined left its room (before the room may unload). */
  left?(room: Room, conn: Connection): void
}

/**
 * Open documents by id. A document is loaded once however many sockets ask at
 * the same moment, and unloaded (after a final flush) when its last socket leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>()
  private readonly ready = new Map<string, Room>()
  private readonly unloading = new Set<Promise<void>>()
  /** Access changes reaching the sockets in these rooms (access/access-applier.ts). */
  private readonly access = new AccessApplier({
    openRooms: this.ready,
    storageFull: () => this.store.storageFull,
    closeEach: (closing) => this.closeEach(closing),
    discard: (docId) => this.discard(docId),
  })
  events: RoomEvents = {}

  constructor(
    private readonly store: DocStore,
    private readonly hooks: RoomHooks,
    /** Per-socket bounds: the rooms enforce some, the socket route the rest. */
    readonly limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  ) {}

  get openRooms(): ReadonlyMap<string, Room> {
    return this.ready
  }

  /** Moves on every access change applied here (access/access-applier.ts). */
  get accessEpoch(): number {
    return this.access.accessEpoch
  }

  async join(docId: string, conn: Connection): Promise<Room> {
    let pending = this.rooms.get(docId)
    if (!pending) {
      pending = this.load(docId)
      this.rooms.set(docId, pending)
      pending.catch(() => this.rooms.delete(docId))
    }
    const room = await pending
    if (conn.closed) {
      this.maybeUnload(room)
      throw new Error('connection closed while the document loaded')
    }
    room.add(conn)
    this.events.joined?.(room, conn)
    // Opened while storage is full: read-only for now, told as the open sockets were.
    if (this.store.storageFull && conn.access.canWrite) this.access.tellStorageFull([{ room, conn, couldWrite: true }])
    return room
  }

  /** Storage stopped (disk full) or resumed taking writes: the sockets that may write are told. */
  storageWritable(writable: boolean): void {
    this.access.storageWritable(writable)
  }

  leave(room: Room, conn: Connection): void {
    const joined = room.conns.has(conn)
    room.remove(conn)
    if (joined) this.events.left?.(room, conn)
    this.maybeUnload(room)
  }

  private async load(docId: string): Promise<Room> {
    const room = new Room(docId, this.hooks, this.limits)
    try {
      await this.hooks.attach?.(room)
      await this.events.opening?.(room)
      room.loadFrom(await this.store.load(docId))
    } catch (err) {
      await this.events.closing?.(room)
      await this.hooks.detach?.(room).catch(() => undefined)
      room.destroy()
      throw err
    }
    this.ready.set(docId, room)
    return room
  }

  private maybeUnload(room: Room): void {
    if (room.conns.size > 0 || this.ready.get(room.docId) !== room) return
    this.rooms.delete(room.docId)
    this.ready.delete(room.docId)
    // The room's updates are already queued in the store; folding the log now keeps the next load fast.
    // Attribution first: a correction it still owes the document is stored and relayed before the room goes.
    const job = Promise.resolve(this.hooks.detach?.(room))
      .catch((err) => log('unload: attribution failed', { docId: room.docId, error: String(err) }))
      .then(() => this.events.closing?.(room))
      .finally(() => room.destroy())
      .then(() => this.store.flush())
      // A discarded document is about to be dropped from storage: folding it would be wasted work.
      .then(() => (room.discarded ? undefined : this.store.compact(room.docId)))
      .catch((err) => log('unload flush/compaction failed', { docId: room.docId, error: String(err) }))
      .finally(() => this.unloading.delete(job))
    this.unloading.add(job)
  }

  /** Closes one socket and takes it out of its room (the room unloads if it was the last). */
  closeSocket(room: Room, conn: Connection, { code, reason }: Closing): void {
    conn.close(code, reason)
    this.leave(room, conn)
  }

  /** Applies a member's access change here and announces it to other instances. */
  changeAccess(change: AccessChange): void {
    this.applyAccess(change)
    this.events.accessChanged?.(change)
  }

  /** Applies an access change to the sockets here (access/access-applier.ts). */
  applyAccess(change: AccessChange): void {
    this.access.applyAccess(change)
  }

  /** How the changes applied after `epoch` would have closed this socket (access/access-applier.ts). */
  closingSince(epoch: number, conn: Connection, docId: string): Closing | undefined {
    return this.access.closingSince(epoch, conn, docId)
  }

  /** Closes every socket `closing` gives a reason for. */
  private closeEach(closing: (conn: Connection, room: Room) => Closing | undefined): void {
    for (const room of this.ready.values()) {
      for (const conn of Array.from(room.conns)) {
        const why = closing(conn, room)
        if (why) this.closeSocket(room, conn, why)
      }
    }
  }

  private discard(docId: string): void {
    const room = this.ready.get(docId)
    if (room) room.discarded = true
  }

  /** Resolves once every room that is unloading now has been flushed and compacted. */
  async unloaded(): Promise<void> {
    await Promise.allSettled(Array.from(this.unloading))
  }

  /** Closes every socket and waits until every room has been unloaded and written back. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.closeEach(() => ({ code, reason }))
    await Promise.allSettled(Array.from(this.unloading))
  }
}
