import * as Y from 'yjs'

/**
 * What of one update could not integrate yet, in Yjs's own pending shape (V2 blobs): structs
 * waiting on structs the document lacks, deletions of items it does not have yet, and for
 * each the lowest clock per client it waits for.
 */
interface HeldPart {
  structs: Uint8Array | null
  structsWait: Map<number, number> | null
  ds: Uint8Array | null
  dsWait: Map<number, number> | null
  bytes: number
}

/**
 * The updates of one socket that wait on structs its document lacks, kept beside the
 * document instead of in `doc.store.pendingStructs`/`pendingDs`. Yjs re-merges its whole
 * pending set on every update that leaves more pending, on the one event loop; a socket that
 * sends updates whose predecessors never come would grow that set, and the cost of every
 * later update, without end, and hand the junk to every joiner and to storage. Held here,
 * each socket's backlog is bounded (count and bytes), costs nothing until what it waits for
 * arrives, and goes away with the socket. An honest client that sends edits before its sync
 * step 2 (after a restart or a failover) waits here a moment and gets through.
 *
 * "Costs nothing": the document's held parts are indexed by the (client, clock) they wait
 * for (DocWaits), so an update only looks at the waits it meets; it neither re-checks nor
 * re-applies the others, however many sit held.
 */
export class HeldUpdates {
  private readonly parts = new Set<HeldPart>()
  /** Parts whose wait the document met since the last retry. */
  private met: HeldPart[] = []
  private readonly waits: DocWaits
  /** Socket updates that left something here since it last held nothing. */
  updates = 0
  bytes = 0

  /** `origin`: the socket, the origin its parts are applied with once they integrate. */
  constructor(
    private readonly doc: Y.Doc,
    readonly origin: unknown,
  ) {
    this.waits = DocWaits.of(doc)
  }

  /** The held updates of this document's sockets with a part whose wait was met, to retry. */
  static takeReady(doc: Y.Doc): HeldUpdates[] {
    return docWaits.get(doc)?.takeReady() ?? []
  }

  get empty(): boolean {
    return this.parts.size === 0
  }

  add(part: HeldPart): void {
    this.parts.add(part)
    this.updates++
    this.bytes += part.bytes
    this.waits.add(this, part)
  }

  /** Called by DocWaits: the document now has what `part` waits for (or some of it). */
  meet(part: HeldPart): void {
    this.met.push(part)
  }

  /**
   * Applies the parts whose waits the document met; what still waits stays, indexed by
   * what it waits for now. Returns whether anything moved (a part integrated at least partly).
   */
  retry(): boolean {
    const met = this.met
    this.met = []
    let moved = false
    for (const part of met) {
      if (!this.parts.delete(part)) continue // met twice, or already retried
      this.waits.remove(part)
      const next = retryPart(this.doc, part, this.origin)
      this.bytes -= part.bytes
      // Same bytes left: nothing integrated (the wait was met but another reference is still missing).
      if (!next || next.bytes !== part.bytes) moved = true
      if (next) {
        this.parts.add(next)
        this.bytes += next.bytes
        this.waits.add(this, next)
      }
    }
    if (this.parts.size === 0) this.updates = 0
    return moved
  }

  /** The socket is gone or refused: nothing it held may integrate any more. */
  drop(): void {
    for (const part of this.parts) this.waits.remove(part)
    this.waits.forget(this)
    this.parts.clear()
    this.met = []
    this.bytes = 0
  }
}

/** One wait of a held part: it can move once `client`'s state passes `clock`. */
interface Wait {
  client: number
  clock: number
  part: HeldPart
  held: HeldUpdates
}

const docWaits = new WeakMap<Y.Doc, DocWaits>()

/**
 * The waits of all held parts of one document, per client sorted by clock, and after every
 * transaction the ones it met. A transaction costs O(min(clients it may have moved, clients
 * waited on)) plus O(log n) per wait it met: nothing for the waits it did not meet.
 */
class DocWaits {
  /** Per client, its waits sorted by clock, highest first: the next to be met is last. */
  private readonly byClient = new Map<number, Wait[]>()
  private readonly ready = new Set<HeldUpdates>()

  static of(doc: Y.Doc): DocWaits {
    let waits = docWaits.get(doc)
    if (!waits) {
      waits = new DocWaits(doc)
      docWaits.set(doc, waits)
    }
    return waits
  }

  private constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.onTransaction)
  }

  add(held: HeldUpdates, part: HeldPart): void {
    for (const waits of [part.structsWait, part.dsWait]) {
      if (!waits) continue
      for (const [client, clock] of waits) {
        if (clock < Y.getState(this.doc.store, client)) {
          // Already met (Yjs reports what is missing, so not expected): retry it with the rest.
          this.remove(part)
          held.meet(part)
          this.ready.add(held)
          return
        }
        const list = this.byClient.get(client) ?? []
        if (list.length === 0) this.byClient.set(client, list)
        list.splice(firstBelow(list, clock), 0, { client, clock, part, held })
      }
    }
  }

  /** Takes a part's waits out of the index (it is being retried or dropped). */
  remove(part: HeldPart): void {
    for (const waits of [part.structsWait, part.dsWait]) {
      if (!waits) continue
      for (const [client, clock] of waits) {
        const list = this.byClient.get(client)
        if (!list) continue
        // Entries of this clock sit from the first one at or below it (highest first).
        for (let i = firstAtOrBelow(list, clock); i < list.length && list[i]!.clock === clock; i++) {
          if (list[i]!.part === part) {
            list.splice(i, 1)
            break
          }
        }
        if (list.length === 0) this.byClient.delete(client)
      }
    }
  }

  forget(held: HeldUpdates): void {
    this.ready.delete(held)
  }

  takeReady(): HeldUpdates[] {
    if (this.ready.size === 0) return []
    const ready = [...this.ready]
    this.ready.clear()
    return ready
  }

  private readonly onTransaction = (tr: Y.Transaction): void => {
    if (this.byClient.size === 0) return
    // Whichever is smaller: the clients waited on, or the document's (only their states moved).
    if (this.byClient.size <= tr.afterState.size) {
      for (const [client, list] of this.byClient) this.metBy(client, list, tr.afterState.get(client) ?? 0)
    } else {
      for (const [client, state] of tr.afterState) {
        if (tr.beforeState.get(client) === state) continue
        const list = this.byClient.get(client)
        if (list) this.metBy(client, list, state)
      }
    }
  }

  private metBy(client: number, list: Wait[], state: number): void {
    while (list.length > 0 && list[list.length - 1]!.clock < state) {
      const wait = list.pop()!
      wait.held.meet(wait.part)
      this.ready.add(wait.held)
    }
    if (list.length === 0) this.byClient.delete(client)
  }
}

/** In a list sorted highest clock first: the index of the first entry with a clock below `clock`. */
function firstBelow(list: Wait[], clock: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]!.clock >= clock) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** In a list sorted highest clock first: the index of the first entry with a clock at or below `clock`. */
function firstAtOrBelow(list: Wait[], clock: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]!.clock > clock) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Applies what of a part the document now has the predecessors for. What is left comes back
 * with the waits Yjs reports for it now (not the met ones, or it would be retried on every
 * later update for nothing).
 */
function retryPart(doc: Y.Doc, part: HeldPart, origin: unknown): HeldPart | undefined {
  const structsReady = part.structs !== null && satisfied(doc, part.structsWait!)
  const dsReady = part.ds !== null && satisfied(doc, part.dsWait!)
  if (!structsReady && !dsReady) return part
  const structsLeft = structsReady ? applyApart(doc, part.structs!, origin, true) : keepStructs(part)
  const dsLeft = dsReady ? applyApart(doc, part.ds!, origin, true) : keepDs(part)
  return combine(structsLeft, dsLeft)
}
/**
 * Applies an update with the document's own pending set set aside, so that Yjs's pending set
 * afterwards holds exactly what of this update could not integrate: that is returned, and the
 * document's pending set (from other instances or storage, which the scale-out healing relies
 * on) is put back untouched. Undefined when the whole update integrated.
 */
export function applyApart(doc: Y.Doc, update: Uint8Array, origin: unknown, v2 = false): HeldPart | undefined {
  const store = doc.store
  const structs = store.pendingStructs
  const ds = store.pendingDs
  store.pendingStructs = null
  store.pendingDs = null
  let left: HeldPart | undefined
  try {
    if (v2) Y.applyUpdateV2(doc, update, origin)
    else Y.applyUpdate(doc, update, origin)
  } finally {
    // Typed as null since it was set so above; applying the update may have set them.
    const restStructs = store.pendingStructs as typeof structs
    const restDs = store.pendingDs as typeof ds
    store.pendingStructs = structs
    store.pendingDs = ds
    left = combine(
      restStructs ? { structs: restStructs.update, structsWait: new Map(restStructs.missing) } : undefined,
      restDs ? { ds: restDs, dsWait: deletionWaits(restDs) } : undefined,
    )
  }
  return left
}

const EMPTY_UPDATE_V2 = Y.encodeStateAsUpdateV2(new Y.Doc())

/**
 * What Yjs would have done inside the update applyApart set the document's pending set aside
 * for: retry it, now that the update may have brought what it waited for.
 */
export function retryDocPending(doc: Y.Doc, origin: unknown): void {
  const store = doc.store
  const pending = store.pendingStructs
  if (pending && satisfied(doc, pending.missing)) {
    store.pendingStructs = null
    Y.applyUpdateV2(doc, pending.update, origin)
  } else if (store.pendingDs) {
    // Yjs re-reads its pending deletions on every update; an empty update does just that.
    Y.applyUpdateV2(doc, EMPTY_UPDATE_V2, origin)
  }
}

function satisfied(doc: Y.Doc, waits: Map<number, number>): boolean {
  for (const [client, clock] of waits) if (clock < Y.getState(doc.store, client)) return true
  return false
}

/** For each client, the lowest clock a pending delete set deletes (Yjs applies what it has of it). */
function deletionWaits(ds: Uint8Array): Map<number, number> {
  const waits = new Map<number, number>()
  for (const [client, items] of Y.decodeUpdateV2(ds).ds.clients) {
    let lowest = Infinity
    for (const item of items) lowest = Math.min(lowest, item.clock)
    waits.set(client, lowest)
  }
  return waits
}

type StructsLeft = Pick<HeldPart, 'structs' | 'structsWait'>
type DsLeft = Pick<HeldPart, 'ds' | 'dsWait'>

function keepStructs(part: HeldPart): StructsLeft | undefined {
  return part.structs ? { structs: part.structs, structsWait: part.structsWait } : undefined
}

function keepDs(part: HeldPart): DsLeft | undefined {
  return part.ds ? { ds: part.ds, dsWait: part.dsWait } : undefined
}

function combine(structs: StructsLeft | HeldPart | undefined, ds: DsLeft | HeldPart | undefined): HeldPart | undefined {
  const s = structs?.structs ?? null
  const d = ds?.ds ?? null
  if (!s && !d) return undefined
  return {
    structs: s,
    structsWait: s ? structs!.structsWait : null,
    ds: d,
    dsWait: d ? ds!.dsWait : null,
    bytes: (s?.byteLength ?? 0) + (d?.byteLength ?? 0),
  }
}
