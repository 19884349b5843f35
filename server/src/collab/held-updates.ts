import * as Y from 'yjs';

/**
 * What of one update could not integrate yet, in Yjs's own pending shape (V2 blobs): structs
 * waiting on structs the document lacks, deletions of items it does not have yet, and for
 * each the lowest clock per client it waits for.
 */
interface HeldPart {
  structs: Uint8Array | null;
  structsWait: Map<number, number> | null;
  ds: Uint8Array | null;
  dsWait: Map<number, number> | null;
  bytes: number;
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
 */
export class HeldUpdates {
  private parts: HeldPart[] = [];
  /** Socket updates that left something here since it last held nothing. */
  updates = 0;
  bytes = 0;

  get empty(): boolean {
    return this.parts.length === 0;
  }

  add(part: HeldPart): void {
    this.parts.push(part);
    this.updates++;
    this.bytes += part.bytes;
  }

  /**
   * Applies the parts whose waits the document now satisfies; what still waits stays.
   * Returns whether anything moved (a part integrated at least partly).
   */
  retry(doc: Y.Doc, origin: unknown): boolean {
    let moved = false;
    const kept: HeldPart[] = [];
    for (const part of this.parts) {
      const next = retryPart(doc, part, origin);
      if (next !== part) moved = true;
      if (next) kept.push(next);
    }
    if (!moved) return false;
    this.parts = kept;
    this.bytes = kept.reduce((sum, p) => sum + p.bytes, 0);
    if (kept.length === 0) this.updates = 0;
    return true;
  }
}

function retryPart(doc: Y.Doc, part: HeldPart, origin: unknown): HeldPart | undefined {
  const structsReady = part.structs !== null && satisfied(doc, part.structsWait!);
  const dsReady = part.ds !== null && satisfied(doc, part.dsWait!);
  if (!structsReady && !dsReady) return part;
  const structsLeft = structsReady ? applyApart(doc, part.structs!, origin, true) : keepStructs(part);
  const dsLeft = dsReady ? applyApart(doc, part.ds!, origin, true) : keepDs(part);
  const next = combine(structsLeft, dsLeft);
  // Same bytes left: nothing integrated (the wait was met but another reference is still missing).
  if (next && next.bytes === part.bytes) return part;
  return next;
}

/**
 * Applies an update with the document's own pending set set aside, so that Yjs's pending set
 * afterwards holds exactly what of this update could not integrate: that is returned, and the
 * document's pending set (from other instances or storage, which the scale-out healing relies
 * on) is put back untouched. Undefined when the whole update integrated.
 */
export function applyApart(doc: Y.Doc, update: Uint8Array, origin: unknown, v2 = false): HeldPart | undefined {
  const store = doc.store;
  const structs = store.pendingStructs;
  const ds = store.pendingDs;
  store.pendingStructs = null;
  store.pendingDs = null;
  let left: HeldPart | undefined;
  try {
    if (v2) Y.applyUpdateV2(doc, update, origin);
    else Y.applyUpdate(doc, update, origin);
  } finally {
    // Typed as null since it was set so above; applying the update may have set them.
    const restStructs = store.pendingStructs as typeof structs;
    const restDs = store.pendingDs as typeof ds;
    store.pendingStructs = structs;
    store.pendingDs = ds;
    left = combine(
      restStructs ? { structs: restStructs.update, structsWait: new Map(restStructs.missing) } : undefined,
      restDs ? { ds: restDs, dsWait: deletionWaits(restDs) } : undefined,
    );
  }
  return left;
}

const EMPTY_UPDATE_V2 = Y.encodeStateAsUpdateV2(new Y.Doc());

/**
 * What Yjs would have done inside the update applyApart set the document's pending set aside
 * for: retry it, now that the update may have brought what it waited for.
 */
export function retryDocPending(doc: Y.Doc, origin: unknown): void {
  const store = doc.store;
  const pending = store.pendingStructs;
  if (pending && satisfied(doc, pending.missing)) {
    store.pendingStructs = null;
    Y.applyUpdateV2(doc, pending.update, origin);
  } else if (store.pendingDs) {
    // Yjs re-reads its pending deletions on every update; an empty update does just that.
    Y.applyUpdateV2(doc, EMPTY_UPDATE_V2, origin);
  }
}

function satisfied(doc: Y.Doc, waits: Map<number, number>): boolean {
  for (const [client, clock] of waits) if (clock < Y.getState(doc.store, client)) return true;
  return false;
}

/** For each client, the lowest clock a pending delete set deletes (Yjs applies what it has of it). */
function deletionWaits(ds: Uint8Array): Map<number, number> {
  const waits = new Map<number, number>();
  for (const [client, items] of Y.decodeUpdateV2(ds).ds.clients) {
    let lowest = Infinity;
    for (const item of items) lowest = Math.min(lowest, item.clock);
    waits.set(client, lowest);
  }
  return waits;
}

type StructsLeft = Pick<HeldPart, 'structs' | 'structsWait'>;
type DsLeft = Pick<HeldPart, 'ds' | 'dsWait'>;

function keepStructs(part: HeldPart): StructsLeft | undefined {
  return part.structs ? { structs: part.structs, structsWait: part.structsWait } : undefined;
}

function keepDs(part: HeldPart): DsLeft | undefined {
  return part.ds ? { ds: part.ds, dsWait: part.dsWait } : undefined;
}

function combine(structs: StructsLeft | HeldPart | undefined, ds: DsLeft | HeldPart | undefined): HeldPart | undefined {
  const s = structs?.structs ?? null;
  const d = ds?.ds ?? null;
  if (!s && !d) return undefined;
  return {
    structs: s,
    structsWait: s ? structs!.structsWait : null,
    ds: d,
    dsWait: d ? ds!.dsWait : null,
    bytes: (s?.byteLength ?? 0) + (d?.byteLength ?? 0),
  };
}
