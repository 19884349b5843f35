import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { type RawClient, connectRaw } from '../clients/raw.js'
import { connectStock } from '../clients/stock.js'
import type { Plan } from '../config.js'
import { removeOnExit } from '../lib/children.js'
import { makeMarker } from '../lib/marker.js'
import { round } from '../lib/stats.js'
import { mapLimit, sleep, withTimeout } from '../lib/time.js'
import type { Row } from '../row.js'
import { startOurs } from '../servers/ours.js'

/** Offered load over the socket, spread over the writers (keystroke-sized updates). */
const OFFERED_PER_SEC = 4000
const TICK_MS = 5

/**
 * Ours only, end to end: many writers push updates through the socket for a few seconds,
 * each then does a sync round trip (the server has applied everything it sent). Then
 * SIGTERM (which must flush), restart on the same DATA_DIR, and count what a fresh stock
 * client sees per document: accepted/s over the socket and nothing lost across a
 * clean shutdown.
 */
export async function storeEndToEnd(plan: Plan['store']): Promise<Row> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fc-bench-e2e-'))
  const removeDataDir = removeOnExit(dataDir)
  let server = await startOurs({ dataDir })
  try {
    const docIds = await server.newDocIds(plan.writers, 'e2e')
    const writers: RawClient[] = await mapLimit(docIds, 10, async (id) => {
      const c = connectRaw(server, id)
      await c.synced
      return c
    })
    // Updates are made before the clock starts: a Y.Doc transaction per update would make
    // the generator, not the server, the limit at these rates.
    const total = OFFERED_PER_SEC * plan.seconds
    const updates: Uint8Array[][] = writers.map(() => [])
    const expected = writers.map(() => 0)
    writers.forEach((_, w) => {
      const d = new Y.Doc()
      d.on('update', (u: Uint8Array) => updates[w]?.push(u))
      for (let i = w; i < total; i += writers.length) d.getArray('log').push([makeMarker(i, 0)])
      expected[w] = d.getArray('log').length
      d.destroy()
    })

    let sent = 0
    const t0 = performance.now()
    while (sent < total && performance.now() - t0 < plan.seconds * 2000) {
      // Catch up to the schedule each tick, so late timers do not lower the offered rate.
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * OFFERED_PER_SEC))
      for (; sent < due; sent++) {
        const w = sent % writers.length
        writers[w]?.sendUpdate(updates[w]?.[Math.floor(sent / writers.length)] as Uint8Array)
      }
      await sleep(TICK_MS)
    }
    const sentAt = performance.now()
    await Promise.all(writers.map((w) => w.roundTrip(30_000)))
    const appliedAt = performance.now()
    for (const w of writers) w.close()

    const stopStarted = performance.now()
    const session = { params: server.params, token: server.token }
    await server.stop()
    const stopMs = performance.now() - stopStarted
    server = await startOurs({ dataDir, session })

    let lost = 0
    for (const [i, id] of docIds.entries()) {
      const c = connectStock(server, id)
      try {
        await withTimeout(c.synced, 30_000, 'reload sync')
        lost += Math.max(0, (expected[i] ?? 0) - c.doc.getArray('log').length)
      } finally {
        c.destroy()
      }
    }
    return {
      scenario: 'store-e2e-sigterm',
      server: 'ours',
      p50Ms: null,
      p99Ms: null,
      updatesPerSec: Math.round(sent / ((appliedAt - t0) / 1000)),
      offeredPerSec: Math.round(sent / ((sentAt - t0) / 1000)),
      writers: plan.writers,
      sent,
      lostAfterSigterm: lost,
      // Time from the last send until the server had applied everything (backlog).
      backlogMs: round(appliedAt - sentAt),
      sigtermStopMs: round(stopMs),
      ...(lost ? { error: `${lost} updates lost across SIGTERM + restart` } : {}),
    }
  } finally {
    await server.stop()
    removeDataDir()
  }
}
