import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import * as Y from 'yjs'
import type { Room } from '../collab/room.js'
import type { AccessChange } from '../collab/rooms.js'
import { log } from '../log.js'
import type { DocStore } from '../storage/doc-store.js'
import { withStoredDocument } from '../storage/stored-doc.js'

const ACCESS_CHANNEL = 'fc:access'
const KIND_UPDATE = 0
const KIND_AWARENESS = 1
const ID_BYTES = 8
/** Shortest time between two re-reads of one document that its sockets' held updates ask for. */
const SOCKET_HEAL_INTERVAL_MS = 1000
/** Longer than any instance's group-commit window (GROUP_COMMIT_MS ≤ 50). */
const GAP_RECHECK_MS = 1000

/**
 * Fan-out between server instances over Redis pub/sub, one channel per document.
 *
 * Why no update can be missed for good:
 * - an instance subscribes to a document's channel *before* it loads it from
 *   storage, so anything published after the load started arrives over Redis;
 * - anything published before the subscription was committed by its origin
 *   within the group-commit window; the instance re-reads storage after that
 *   window (and later once more), and applying a known update is a no-op in Yjs;
 * - a remote update whose causal predecessors are missing leaves Yjs with
 *   pending structs: that is detected and healed by another storage read (and one
 *   more after the commit window; a gap storage still cannot fill, because the row
 *   that held it was quarantined, is not asked for again);
 * - after a Redis reconnect every open document is re-read from storage;
 * - when a room closes, whatever it holds that storage lacks (its origin died
 *   inside its commit window) is written back.
 */
export class RedisFanout {
  private readonly instanceId = randomBytes(ID_BYTES)
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly rooms = new Map<string, Room>()
  private readonly healTimers = new Map<string, NodeJS.Timeout[]>()
  /** When sockets last had a document re-read, and the re-read waiting for its slot. */
  private readonly socketHeals = new Map<string, { at: number; timer?: NodeJS.Timeout }>()
  private connectedOnce = false
  /** Set by the server: applies an access change announced by another instance. */
  onRemoteAccess: ((change: AccessChange) => void) | undefined

  constructor(
    url: string,
    private readonly store: DocStore,
    private readonly healDelaysMs: number[] = [150, 1000, 5000],
  ) {
    this.pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null })
    this.sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null })
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message))
    this.sub.on('ready', () => {
      // Messages published while we were disconnected are gone: re-read what we hold.
      if (this.connectedOnce) for (const room of this.rooms.values()) this.heal(room, 'redis reconnect')
      this.connectedOnce = true
    })
    for (const client of [this.pub, this.sub]) client.on('error', (err) => log('redis error', { error: String(err) }))
  }

  async connect(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()])
    await this.sub.subscribe(ACCESS_CHANNEL)
  }

  /** A member removed or re-roled here must lose (or gain) write access on every instance at once. */
  publishAccess(change: AccessChange): void {
    const message = JSON.stringify({ from: this.instanceId.toString('hex'), change })
    this.pub
      .publish(ACCESS_CHANNEL, message)
      .catch((err) => log('redis publish failed', { channel: ACCESS_CHANNEL, error: String(err) }))
  }

  private onAccessMessage(message: Buffer): void {
    try {
      const { from, change } = JSON.parse(message.toString()) as { from: string; change: AccessChange }
      if (from !== this.instanceId.toString('hex')) this.onRemoteAccess?.(change)
    } catch (err) {
      log('dropped a malformed access message from redis', { error: String(err) })
    }
  }

  private channel(docId: string): string {
    return `fc:doc:${docId}`
  }

  /** RoomEvents.opening: subscribe first; storage is read afterwards. */
  async opening(room: Room): Promise<void> {
    this.rooms.set(room.docId, room)
    await this.sub.subscribe(this.channel(room.docId))
    this.healTimers.set(
      room.docId,
      this.healDelaysMs.map((ms) => setTimeout(() => this.heal(room, 'late commit window'), ms)),
    )
  }

  /** RoomEvents.closing: unsubscribe, and write back anything storage does not have. */
  async closing(room: Room): Promise<void> {
    if (this.rooms.get(room.docId) === room) {
      this.rooms.delete(room.docId)
      for (const t of this.healTimers.get(room.docId) ?? []) clearTimeout(t)
      this.healTimers.delete(room.docId)
      clearTimeout(this.socketHeals.get(room.docId)?.timer)
      this.socketHeals.delete(room.docId)
      this.unfillable.delete(room.docId)
      await this.sub.unsubscribe(this.channel(room.docId)).catch(() => undefined)
    }
    if (room.discarded) return
    await this.writeBackMissing(room).catch((err) =>
      log('write-back failed', { docId: room.docId, error: String(err) }),
    )
  }

  publishUpdate(docId: string, update: Uint8Array): void {
    this.publish(docId, KIND_UPDATE, update)
  }

  publishAwareness(docId: string, update: Uint8Array): void {
    this.publish(docId, KIND_AWARENESS, update)
  }

  private publish(docId: string, kind: number, payload: Uint8Array): void {
    const message = Buffer.allocUnsafe(1 + ID_BYTES + payload.byteLength)
    message[0] = kind
    this.instanceId.copy(message, 1)
    message.set(payload, 1 + ID_BYTES)
    this.pub
      .publish(this.channel(docId), message)
      .catch((err) => log('redis publish failed', { docId, error: String(err) }))
  }

  private onMessage(channel: string, message: Buffer): void {
    if (channel === ACCESS_CHANNEL) return this.onAccessMessage(message)
    const room = this.rooms.get(channel.slice('fc:doc:'.length))
    if (!room || message.length < 1 + ID_BYTES) return
    if (message.subarray(1, 1 + ID_BYTES).equals(this.instanceId)) return
    const payload = new Uint8Array(message.buffer, message.byteOffset + 1 + ID_BYTES, message.length - 1 - ID_BYTES)
    try {
      if (message[0] === KIND_UPDATE) {
        room.applyRemote(payload)
        // Once per gap: a gap storage could not fill (its row was quarantined, quarantine.ts)
        // would otherwise send every later update of the room back to storage for it.
        const gap = gapOf(room.doc)
        if (gap !== undefined && this.unfillable.get(room.docId) !== gap) this.heal(room, 'missing predecessors')
      } else if (message[0] === KIND_AWARENESS) {
        room.applyRemoteAwareness(payload)
      }
    } catch (err) {
      log('dropped a malformed message from redis', { channel, error: String(err) })
    }
  }

  /**
   * RoomHooks.onWaiting: a socket's update waits on structs this instance may have missed.
   * Each re-read loads the whole document, so sockets get at most one per document every
   * SOCKET_HEAL_INTERVAL_MS (a later ask waits for the next slot instead of being dropped).
   */
  healDoc(docId: string, why: string): void {
    const room = this.rooms.get(docId)
    if (!room) return
    const last = this.socketHeals.get(docId)
    if (last?.timer) return
    const wait = last ? last.at + SOCKET_HEAL_INTERVAL_MS - Date.now() : 0
    const run = () => {
      this.socketHeals.set(docId, { at: Date.now() })
      if (this.rooms.get(docId) === room) this.heal(room, why)
    }
    if (wait <= 0) return run()
    this.socketHeals.set(docId, { at: last!.at, timer: setTimeout(run, wait) })
  }

  private healing = new Set<string>()
  /** Per open document, the gap left after its last storage read, which storage could not fill. */
  private readonly unfillable = new Map<string, string>()
  private heal(room: Room, why: string): void {
    if (this.healing.has(room.docId)) return
    this.healing.add(room.docId)
    void this.store
      .load(room.docId)
      .then((updates) => {
        if (this.rooms.get(room.docId) !== room) return
        room.applyRemoteAll(updates)
        const gap = gapOf(room.doc)
        const before = this.unfillable.get(room.docId)
        if (gap === undefined) return void this.unfillable.delete(room.docId)
        this.unfillable.set(room.docId, gap)
        // A new gap gets one more read, after every instance's commit window: its row may only
        // have been in flight. Still there then, storage lacks it, and nobody asks again.
        if (gap !== before)
          this.healTimers
            .get(room.docId)
            ?.push(setTimeout(() => this.heal(room, 'gap left by a storage read'), GAP_RECHECK_MS))
      })
      .catch((err) => log('heal from storage failed', { docId: room.docId, why, error: String(err) }))
      .finally(() => this.healing.delete(room.docId))
  }

  private async writeBackMissing(room: Room): Promise<void> {
    // State vectors alone miss a deletion held only here (deleting advances no clock), so the
    // diff is tried on the stored copy: Yjs emits 'update' only when a transaction changed it.
    // When nothing is missing the diff is just our delete set, already applied in storage.
    const missing = await withStoredDocument(this.store, room.docId, (stored) => {
      const diff = Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(stored))
      let changed = false
      stored.on('update', () => (changed = true))
      Y.applyUpdate(stored, diff)
      return changed ? diff : undefined
    })
    if (missing) {
      this.store.appendUpdate(room.docId, missing)
      log('wrote back updates storage was missing', { docId: room.docId })
    }
  }

  async close(): Promise<void> {
    for (const timers of this.healTimers.values()) for (const t of timers) clearTimeout(t)
    for (const { timer } of this.socketHeals.values()) clearTimeout(timer)
    this.pub.disconnect()
    this.sub.disconnect()
  }
}

/**
 * What a document waits for, as a comparable key (undefined: nothing): per client, the first
 * clock its pending structs need, and whether a delete set waits for structs not seen yet.
 */
function gapOf(doc: Y.Doc): string | undefined {
  const { pendingStructs, pendingDs } = doc.store
  if (!pendingStructs && !pendingDs) return undefined
  const missing = pendingStructs ? Array.from(pendingStructs.missing).sort(([a], [b]) => a - b) : []
  return `${missing.map(([client, clock]) => `${client}:${clock}`).join(',')}${pendingDs ? '+ds' : ''}`
}
