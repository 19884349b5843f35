import { type RawClient, connectRaw } from '../clients/raw.js'
import type { Plan } from '../config.js'
import { seedArticleUpdate } from '../lib/fixtures.js'
import { perUnit } from '../lib/memory.js'
import { waitForQuiet } from '../lib/quiet.js'
import { round, summarize } from '../lib/stats.js'
import { mapLimit, sleep } from '../lib/time.js'
import type { Row } from '../row.js'
import type { ServerHandle } from '../servers/types.js'

/**
 * N documents, each seeded with the seed article and kept open by one raw client:
 * server RSS delta / N. Then everyone leaves and we look at what stays (leak check;
 * y-websocket-server without persistence keeps documents by design).
 */
export async function memPerDoc(server: ServerHandle, plan: Plan['memPerDoc'], quietMaxMs: number): Promise<Row> {
  const seed = seedArticleUpdate()
  const warmIds = await server.newDocIds(3, 'memwarm')
  const docIds = await server.newDocIds(plan.docs, 'mem')
  const warm: RawClient[] = []
  const clients: RawClient[] = []
  const open = async (docId: string, into: RawClient[]): Promise<number> => {
    const started = performance.now()
    const c = connectRaw(server, docId)
    into.push(c)
    await c.synced
    c.sendUpdate(seed)
    await c.roundTrip(10_000)
    return performance.now() - started
  }
  try {
    // A few documents first, so one-time costs (JIT, lazy modules) land in the baseline, not in the delta.
    await mapLimit(warmIds, 3, (id) => open(id, warm))
    const baseline = await server.memory()
    await waitForQuiet(quietMaxMs)
    const openMs = await mapLimit(docIds, plan.concurrency, (id) => open(id, clients))
    const loaded = await server.memory()

    for (const c of clients) c.close()
    await sleep(1500)
    const afterClose = await server.memory()
    const s = summarize(openMs)
    return {
      scenario: `mem-per-doc-${plan.docs}docs`,
      server: server.name,
      // Latency here is open + seed + acknowledged round trip per document, under `concurrency` in flight.
      p50Ms: round(s.p50),
      p99Ms: round(s.p99),
      connections: plan.docs,
      memPerDocKiB: round((loaded.rssKiB - baseline.rssKiB) / plan.docs, 1),
      heapPerDocKiB: perUnit(loaded.heapUsedKiB, baseline.heapUsedKiB, plan.docs),
      rssMiB: round(loaded.rssKiB / 1024, 1),
      baselineRssMiB: round(baseline.rssKiB / 1024, 1),
      // Heap still held per document after every client left: documents kept (by design or by leak).
      heapRetainedAfterCloseKiBPerDoc: perUnit(afterClose.heapUsedKiB, baseline.heapUsedKiB, plan.docs),
      rssAfterCloseKiBPerDoc: round((afterClose.rssKiB - baseline.rssKiB) / plan.docs, 1),
      seedBytes: seed.byteLength,
    }
  } finally {
    for (const c of [...warm, ...clients]) c.close()
    await sleep(300)
  }
}
