import * as Y from 'yjs'
import { type RawClient, connectRaw } from '../clients/raw.js'
import type { Plan } from '../config.js'
import { makeMarker, scanMarkers } from '../lib/marker.js'
import { fileLimit } from '../lib/file-limit.js'
import { perUnit } from '../lib/memory.js'
import { waitForQuiet } from '../lib/quiet.js'
import { round, summarize } from '../lib/stats.js'
import { mapLimit, sleep, waitFor } from '../lib/time.js'
import type { Row } from '../row.js'
import type { ServerHandle } from '../servers/types.js'

/**
 * Many connections over many documents, raw clients (a Y.Doc per socket would make the
 * generator the bottleneck). Ramps in steps and stops early if >1 % fail or the
 * handshake+sync p99 passes 1 s (tests/bench/README.md, method), then checks the held sockets are
 * alive by sending one update per document and counting who receives it.
 */
export async function connections(server: ServerHandle, plan: Plan['connections'], quietMaxMs: number): Promise<Row> {
  const docIds = await server.newDocIds(plan.docs, 'conn')
  const warmDocIds = await server.newDocIds(plan.warmDocs, 'conn-warm')
  const clients: RawClient[] = []
  const docOf: string[] = []
  try {
    await warmUp(server, warmDocIds, plan)
    const baseline = await server.memory()
    await waitForQuiet(quietMaxMs)

    const syncMs: number[] = []
    let errors = 0
    let stoppedBecause = ''
    for (let step = 1; step <= plan.steps; step++) {
      const target = Math.round((plan.total * step) / plan.steps)
      const from = clients.length
      const stepMs: number[] = []
      let stepErrors = 0
      await mapLimit(
        Array.from({ length: target - from }, (_, i) => from + i),
        plan.concurrency,
        async (i) => {
          const docId = docIds[i % docIds.length] as string
          const c = connectRaw(server, docId)
          clients.push(c)
          docOf.push(docId)
          try {
            stepMs.push(await c.synced)
          } catch {
            stepErrors++
          }
        },
      )
      syncMs.push(...stepMs)
      errors += stepErrors
      const p99 = summarize(stepMs).p99
      if (stepErrors > 0.01 * (target - from)) stoppedBecause = `errors ${stepErrors}/${target - from} at step ${step}`
      else if (p99 > 1000) stoppedBecause = `handshake+sync p99 ${round(p99)} ms at step ${step}`
      if (stoppedBecause) break
    }

    await sleep(plan.holdMs)
    const open = clients.filter((c) => c.isOpen())
    const held = await server.memory()

    const live = await liveness(clients, docOf)
    const s = summarize(syncMs)
    return {
      scenario: `connections-${plan.total}x${plan.docs}docs`,
      server: server.name,
      p50Ms: round(s.p50),
      p99Ms: round(s.p99),
      p999Ms: round(s.p999),
      connections: open.length,
      memPerConnKiB: round((held.rssKiB - baseline.rssKiB) / Math.max(1, open.length), 1),
      heapPerConnKiB: perUnit(held.heapUsedKiB, baseline.heapUsedKiB, open.length),
      rssMiB: round(held.rssKiB / 1024, 1),
      baselineRssMiB: round(baseline.rssKiB / 1024, 1),
      errors,
      attempted: clients.length,
      liveFraction: round(live.fraction, 4),
      liveP99Ms: round(live.p99),
      openFileLimit: fileLimit().soft,
      ...(stoppedBecause ? { note: `ramp stopped: ${stoppedBecause}${limitNote(plan.total)}` } : {}),
    }
  } finally {
    for (const c of clients) c.close()
    // Let the server process the closes before the next scenario or its shutdown.
    await sleep(500)
  }
}

/**
 * Warms the server's connection path, and this generator's, so that neither the baseline nor the
 * ramp's first step includes first-use costs (lazy compilation, JIT tiers, lazy init): the same
 * ramp in miniature, first sockets of documents included, on documents of its own, then closed.
 * One socket did not do it: the JIT compiles a path only after it has run many times, so the first
 * thousand handshakes of the ramp paid for it, and the server measured first (ours) also paid for
 * the generator's own warm-up (tests/bench/README.md, "Connections at scale").
 */
async function warmUp(server: ServerHandle, docIds: string[], plan: Plan['connections']): Promise<void> {
  const warm: RawClient[] = []
  await mapLimit(
    Array.from({ length: plan.warmSockets }, (_, i) => i),
    plan.concurrency,
    async (i) => {
      const c = connectRaw(server, docIds[i % docIds.length] as string)
      warm.push(c)
      await c.synced.catch(() => undefined)
    },
  )
  for (const c of warm) c.close()
  // Closes processed and rooms unloaded (ours flushes and compacts) before the baseline is read.
  await sleep(1000)
}

/** Why a ramp may have failed on this machine rather than on the server: too few descriptors. */
function limitNote(total: number): string {
  const { soft } = fileLimit()
  return soft < total + 100 ? ` (open-file limit ${soft} < ${total} sockets: raise ulimit -n)` : ''
}

/** One marker update per document from one of its sockets; the fraction of the others that get it. */
async function liveness(clients: RawClient[], docOf: string[]): Promise<{ fraction: number; p99: number }> {
  const writers = new Map<string, number>()
  clients.forEach((c, i) => {
    const d = docOf[i] as string
    if (c.isOpen() && !writers.has(d)) writers.set(d, i)
  })
  const writerIdx = new Set(writers.values())
  const expecting = clients.map((c, i) => c.isOpen() && !writerIdx.has(i))
  const total = expecting.filter(Boolean).length
  let got = 0
  const latencies: number[] = []
  clients.forEach((c, i) => {
    if (!expecting[i]) return
    c.onUpdate = (u) =>
      scanMarkers(u, (_seq, sent) => {
        if (!expecting[i]) return
        expecting[i] = false
        got++
        latencies.push(performance.now() - sent)
      })
  })
  let n = 0
  for (const [, i] of writers) {
    const scratch = new Y.Doc()
    let update: Uint8Array | undefined
    scratch.on('update', (u: Uint8Array) => (update = u))
    scratch.getArray('bench').push([makeMarker(n++, performance.now())])
    if (update) clients[i]?.sendUpdate(update)
    scratch.destroy()
  }
  await waitFor(() => got >= total, 5000, 20)
  return { fraction: total === 0 ? 0 : got / total, p99: summarize(latencies).p99 }
}
