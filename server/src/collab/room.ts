import { CLOSE_REASONS } from '@fc/shared'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { Connection } from './connection.js'
import { HeldUpdates, applyApart, retryDocPending } from './held-updates.js'
import { LimitExceeded } from './limits.js'
import { serverDoc } from './server-doc.js'
import {
  type AwarenessEntry,
  type ClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol.js'

/** Origins of changes that did not come from a socket of this room. */
export const STORE_ORIGIN = Symbol('store')
export const REMOTE_ORIGIN = Symbol('remote')

export interface RoomHooks {
  /**
   * A change made here (by a socket of this room), for other instances: called before this
   * room's own sockets get it, so their readers do not wait for this instance's fan-out.
   */
  relayUpdate?(docId: string, update: Uint8Array): void
  /** A change made here, after this room's sockets got it: persist it (and whatever follows edits). */
  onLocalUpdate(docId: string, update: Uint8Array): void
  onLocalAwareness?(docId: string, update: Uint8Array): void
  /**
   * A socket's update waits on structs this room lacks (it began holding some): with other
   * instances, another one may have them; storage is read again.
   */
  onWaiting?(docId: string): void
  /** False while storage cannot write: updates are then dropped unapplied, as a read-only socket's. */
  canStore?(): boolean
  /** Before the room loads (attribution sets its observers, reads its bindings). */
  attach?(room: Room): Promise<void>
  /** Before the room is destroyed: what is pending for it (corrections) is done. */
  detach?(room: Room): Promise<void>
}

/** What the room enforces per socket (the rest of SocketLimits is the socket route's). */
export interface RoomLimits {
  pendingUpdates: number
  pendingBytes: number
  presenceIds: number
}

/** One open document: its Y.Doc, its awareness, and the sockets on it. */
export class Room {
  readonly doc: Y.Doc
  /** Made on the first presence message: see `awareness`. */
  private presence: awarenessProtocol.Awareness | undefined
  readonly conns = new Set<Connection>()
  /** Its document was deleted (a workshop removed): nothing it holds may be written back. */
  discarded = false
  /** The socket whose sync step 2 is being applied right now: its structs may be other clients' (attribution). */
  relaying: Connection | undefined

  constructor(
    readonly docId: string,
    private readonly hooks: RoomHooks,
    private readonly limits: RoomLimits,
  ) {
    this.doc = serverDoc(docId)
    this.doc.on('update', this.onDocUpdate)
  }

  /**
   * The document's presence, made when someone first sends or asks for it. An Awareness is three
   * maps, observers and a 3 s timer per document: on a server holding many documents that readers
   * (or bots) only sync, that was a third of what each document cost beyond its sockets.
   */
  get awareness(): awarenessProtocol.Awareness {
    if (this.presence) return this.presence
    const awareness = new awarenessProtocol.Awareness(this.doc)
    // The server is not a participant: it must not appear in anyone's presence list.
    awareness.setLocalState(null)
    awareness.on('update', this.onAwarenessUpdate)
    this.presence = awareness
    return awareness
  }

  /** Applies stored state without echoing it back to storage. */
  loadFrom(updates: Uint8Array[]): void {
    this.applyInOneTransaction(updates, STORE_ORIGIN)
  }

  /** An update from another instance (or from storage catch-up): relay, do not re-persist. */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN)
    this.retryHeld()
  }

  /**
   * A storage re-read (scale-out healing): every stored row in one transaction, as `loadFrom`
   * does. Row by row, each already-known row ran a transaction of its own (observers, update
   * encoding): a few ms of the room's core per hundred rows, in the middle of its fan-out.
   * What is new in them goes out as one update.
   */
  applyRemoteAll(updates: Uint8Array[]): void {
    this.applyInOneTransaction(updates, REMOTE_ORIGIN)
    this.retryHeld()
  }

  private applyInOneTransaction(updates: Uint8Array[], origin: symbol): void {
    Y.transact(
      this.doc,
      () => {
        for (const update of updates) Y.applyUpdate(this.doc, update, origin)
      },
      origin,
    )
  }

  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
  }

  add(conn: Connection): void {
    this.conns.add(conn)
    conn.send(encodeSyncStep1(this.doc))
    const states = this.presence?.getStates()
    if (this.presence && states?.size) conn.send(encodeAwareness(this.presence, Array.from(states.keys())))
  }

  remove(conn: Connection): void {
    this.dropHeld(conn)
    if (!this.conns.delete(conn)) return
    if (this.presence && conn.awarenessIds && conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.presence, Array.from(conn.awarenessIds), conn)
    }
  }

  receive(conn: Connection, message: ClientMessage): void {
    switch (message.kind) {
      case 'sync-step1':
        conn.send(encodeSyncStep2(this.doc, message.stateVector))
        return
      case 'update':
        // Every new client's sync step 2 is empty (no structs, no deletions): applying it would run
        // a transaction and every observer of the document for nothing, on each socket that joins.
        if (isEmptyUpdate(message.update)) return
        // A read-only socket still syncs down; what it sends is dropped unapplied. So is
        // everything while storage is full: nothing is relayed that could not be stored.
        if (conn.access.canWrite && this.hooks.canStore?.() !== false) {
          this.relaying = message.step2 ? conn : undefined
          try {
            this.applyFromSocket(conn, message.update)
          } finally {
            this.relaying = undefined
          }
        }
        return
      case 'awareness':
        if (introducedIds(this.awareness, conn, message.entries) + conn.presenceIds > this.limits.presenceIds) {
          throw new LimitExceeded(CLOSE_REASONS.presenceIdsLimit)
        }
        for (const { clientId, removes } of message.entries) {
          const announced = (conn.announcedIds ??= new Set())
          if (!removes && announced.size < this.limits.presenceIds) announced.add(clientId)
        }
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, conn)
        return
      case 'query-awareness':
        conn.send(encodeAwareness(this.awareness, Array.from(this.awareness.getStates().keys())))
        return
      case 'auth':
        return
    }
  }

  /**
   * What of the update cannot integrate yet is held for this socket, not left in the document
   * (held-updates.ts); past its bound the socket is refused and what it held is dropped.
   */
  private applyFromSocket(conn: Connection, update: Uint8Array): void {
    const left = applyApart(this.doc, update, conn)
    let over = false
    if (left) {
      const held = (conn.held ??= new HeldUpdates(this.doc, conn))
      const wasEmpty = held.empty
      held.add(left)
      over = held.updates > this.limits.pendingUpdates || held.bytes > this.limits.pendingBytes
      if (over) this.dropHeld(conn)
      else if (wasEmpty) this.hooks.onWaiting?.(this.docId)
    }
    // What of it did integrate may be what others wait for. The document's own pending set came
    // from other instances or storage: applied as theirs.
    retryDocPending(this.doc, REMOTE_ORIGIN)
    this.retryHeld()
    if (over) throw new LimitExceeded(CLOSE_REASONS.pendingStructsLimit)
  }

  /**
   * After the document moved: sockets' held updates whose predecessors arrived integrate now.
   * Only those whose wait the document met are looked at (held-updates.ts indexes them).
   */
  private retryHeld(): void {
    // Held updates wait while storage is full, like anything a socket sends then.
    if (this.hooks.canStore?.() === false) return
    for (let ready = HeldUpdates.takeReady(this.doc); ready.length > 0; ready = HeldUpdates.takeReady(this.doc)) {
      for (const held of ready) {
        const conn = held.origin as Connection
        if (conn.held !== held) continue
        // A socket that lost write access since: what it held is dropped like what it sends now.
        if (!conn.access.canWrite) {
          this.dropHeld(conn)
          continue
        }
        held.retry()
        if (held.empty) this.dropHeld(conn)
      }
    }
  }

  private dropHeld(conn: Connection): void {
    if (!conn.held) return
    conn.held.drop()
    conn.held = undefined
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Everything else is this instance's to store and relay: sockets' updates and the server's own corrections.
    const local = origin !== STORE_ORIGIN && origin !== REMOTE_ORIGIN
    // Other instances first: the hop over Redis then overlaps this room's fan-out instead of following it.
    if (local) this.hooks.relayUpdate?.(this.docId, update)
    // Encoded once and sent to every socket, the sender included, as y-websocket's own server
    // does: the stock client drops a socket that hears nothing for 30 s, and a lone editor
    // would otherwise hear nothing at all.
    const frame = encodeUpdate(update)
    for (const conn of this.conns) conn.send(frame)
    if (local) this.hooks.onLocalUpdate(this.docId, update)
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed)
    if (changed.length === 0) return
    // A leaving socket's removals are also its own: they must reach other instances too.
    const source = origin instanceof Connection ? origin : undefined
    if (source) {
      // A client that reconnects before its old socket is noticed dead updates its entry from the
      // new socket: the new socket takes the entry over, so the old one's close cannot remove it.
      for (const id of added.concat(updated)) {
        if (source.awarenessIds?.has(id)) continue
        for (const other of this.conns) if (other !== source) other.awarenessIds?.delete(id)
        ;(source.awarenessIds ??= new Set()).add(id)
        source.presenceIds++
      }
      for (const id of removed) source.awarenessIds?.delete(id)
    }
    // To everyone, the sender too: its own renewals every 15 s keep an idle reader's socket alive.
    const frame = encodeAwareness(this.awareness, changed)
    for (const conn of this.conns) conn.send(frame)
    if (source && this.hooks.onLocalAwareness) {
      this.hooks.onLocalAwareness(this.docId, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    }
  }

  destroy(): void {
    this.presence?.destroy()
    this.doc.destroy()
  }
}

/** A Yjs (v1) update with no structs and an empty delete set: what a client with nothing new sends. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

/**
 * How many presence ids this update would give the socket that it does not have yet: entries
 * awareness would apply (newer clock, as applyAwarenessUpdate decides) that set a state, or that
 * name an id nobody has (each would stay in awareness's meta table). Stock clients echo other
 * people's entries back with the clock they got, which awareness ignores, so those do not count.
 */
function introducedIds(awareness: awarenessProtocol.Awareness, conn: Connection, entries: AwarenessEntry[]): number {
  let count = 0
  for (const { clientId, clock, removes } of entries) {
    if (conn.awarenessIds?.has(clientId)) continue
    const meta = awareness.meta.get(clientId)
    if (clock <= (meta?.clock ?? 0)) continue
    if (!removes || meta === undefined) count++
  }
  return count
}
