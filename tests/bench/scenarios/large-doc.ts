import * as Y from 'yjs'
import { connectRaw } from '../clients/raw.js'
import { type StockClient, connectStock } from '../clients/stock.js'
import type { Plan } from '../config.js'
import { addClaims, appendArticle, claimCount } from '../lib/fixtures.js'
import { type Probe, startProbe } from '../lib/probe.js'
import { waitForQuiet } from '../lib/quiet.js'
import { rotate } from '../lib/rotate.js'
import { median, round } from '../lib/stats.js'
import { sleep, withTimeout } from '../lib/time.js'
import type { Row } from '../row.js'
import { type ServerHandle, endpointOf } from '../servers/types.js'

const CLAIMS_PER_TX = 100

interface Prepared {
  server: ServerHandle
  docId: string
  seeder: StockClient
  seederGone?: boolean
  probe: Probe
  firstMs: number
  docBytes: number
  times: number[]
  /** Socket open → the server's step 2 received, raw client (no apply), document loaded in the server. */
  warm: number[]
  /** The same after every socket left and the server unloaded the document (ours: from its store). */
  cold: number[]
  incomplete: number
}

/** Time for ours to unload a document its last socket left (flush, then compaction of the log). */
const UNLOAD_WAIT_MS = 1500

/**
 * Initial sync of a large document (seed article × copies, plus claims) by a fresh
 * stock client: socket open → synced. The document is built by a connected client in
 * many transactions, as editing would, so no single frame hits a message-size limit.
 * A writer/reader pair in another document of the same server runs during each sync
 * (own process): its p99 shows whether serving the big sync blocks everyone else.
 * Repetitions rotate through the servers, which are all up at once.
 */
export async function* largeDoc(
  servers: ServerHandle[],
  plan: Plan['largeDoc'],
  quietMaxMs: number,
): AsyncGenerator<Row> {
  const scenario = `large-doc-sync-${plan.articleCopies}x-${plan.claims}claims`
  const prepared: Prepared[] = []
  try {
    for (const server of servers) {
      try {
        prepared.push(await prepare(server, plan))
      } catch (err) {
        yield { scenario, server: server.name, p50Ms: null, p99Ms: null, error: (err as Error).message }
      }
    }
    for (let r = 0; r < plan.reps; r++) {
      for (const p of rotate(prepared, r)) {
        await waitForQuiet(quietMaxMs)
        p.probe.resume()
        const c = connectStock(p.server, p.docId)
        try {
          p.times.push(await withTimeout(c.synced, 30_000, 'large doc sync'))
          if (claimCount(c.doc) !== plan.claims) p.incomplete++
        } catch {
          p.incomplete++
        } finally {
          c.destroy()
        }
        // Keep probing a little after the sync: sending the reply may still be in progress.
        await sleep(150)
        p.probe.pause()
        await serverSync(p, plan.claims, p.warm)
      }
    }
    // Cold only where there is a store to load from: the references keep documents in memory only.
    for (const p of prepared) {
      if (p.server.name !== 'ours') continue
      p.seeder.destroy()
      p.seederGone = true
      for (let r = 0; r < plan.reps; r++) {
        await sleep(UNLOAD_WAIT_MS)
        await waitForQuiet(quietMaxMs)
        await serverSync(p, plan.claims, p.cold)
      }
    }
    for (const p of prepared) {
      const other = await p.probe.stop()
      yield {
        scenario,
        server: p.server.name,
        // With a handful of repetitions, "p99" is the slowest one.
        p50Ms: p.times.length ? round(median(p.times)) : null,
        p99Ms: p.times.length ? round(Math.max(...p.times)) : null,
        samples: p.times.length,
        firstSyncMs: round(p.firstMs),
        docKiB: round(p.docBytes / 1024, 1),
        // Server side: socket open → step 2 received, without the client's apply (medians).
        serverSyncWarmMs: p.warm.length ? round(median(p.warm)) : null,
        serverSyncColdMs: p.cold.length ? round(median(p.cold)) : null,
        serverSyncWarmMaxMs: p.warm.length ? round(Math.max(...p.warm)) : undefined,
        serverSyncColdMaxMs: p.cold.length ? round(Math.max(...p.cold)) : undefined,
        otherDocP99Ms: round(other.p99),
        otherDocMaxMs: round(other.max),
        otherDocDrops: other.sent - other.n,
        ...(p.incomplete ? { error: `${p.incomplete} syncs failed or missed claims` } : {}),
      }
    }
  } finally {
    for (const p of prepared) {
      if (!p.seederGone) p.seeder.destroy()
      await p.probe.stop().catch(() => undefined)
    }
    await sleep(300)
  }
}

async function prepare(server: ServerHandle, plan: Plan['largeDoc']): Promise<Prepared> {
  const [docId, otherId] = (await server.newDocIds(2, 'large')) as [string, string]
  // The seeder stays connected: Hocuspocus without storage drops a document its last client leaves.
  const seeder = connectStock(server, docId)
  await withTimeout(seeder.synced, 30_000, 'seeder sync')
  for (let i = 0; i < plan.articleCopies; i++) {
    appendArticle(seeder.doc)
    if (i % 10 === 9) await sleep(5)
  }
  for (let i = 0; i < plan.claims; i += CLAIMS_PER_TX) {
    addClaims(seeder.doc, i, Math.min(plan.claims, i + CLAIMS_PER_TX))
    await sleep(5)
  }
  const docBytes = Y.encodeStateAsUpdate(seeder.doc).byteLength
  // The first fresh client both proves the server holds everything and warms its encode path.
  const firstMs = await syncUntilComplete(server, docId, plan.claims, seeder.doc.getXmlFragment('body').length)
  const probe = await startProbe(endpointOf(server), otherId)
  return { server, docId, seeder, probe, firstMs, docBytes, times: [], warm: [], cold: [], incomplete: 0 }
}

/**
 * One raw sync of the large document: the time is taken before the reply is decoded; the
 * reply is then applied to a scratch document to check that it was the whole document.
 */
async function serverSync(p: Prepared, claims: number, into: number[]): Promise<void> {
  const c = connectRaw(p.server, p.docId, 30_000)
  let reply: Uint8Array | undefined
  c.onUpdate = (u) => (reply ??= u)
  try {
    const ms = await c.openToStep2
    const doc = new Y.Doc()
    if (reply) Y.applyUpdate(doc, reply)
    if (claimCount(doc) === claims) into.push(ms)
    else p.incomplete++
    doc.destroy()
  } catch {
    p.incomplete++
  } finally {
    c.close()
  }
}

async function syncUntilComplete(
  server: ServerHandle,
  docId: string,
  claims: number,
  bodyLength: number,
): Promise<number> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const c = connectStock(server, docId)
    try {
      const ms = await withTimeout(c.synced, 30_000, 'large doc first sync')
      if (claimCount(c.doc) === claims && c.doc.getXmlFragment('body').length === bodyLength) return ms
    } finally {
      c.destroy()
    }
    await sleep(200)
  }
  throw new Error('server never held the whole large document')
}
