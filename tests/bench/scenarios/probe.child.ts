/**
 * A 50 Hz writer + one reader in one document, in its own process so that the main
 * generator decoding a huge document cannot delay these timestamps. Started by
 * lib/probe.ts with the endpoint as JSON in argv; sends only between 'resume' and
 * 'pause' (so an idle server stays idle), and reports a latency summary on 'stop'.
 */
import * as Y from 'yjs'
import { connectRaw } from '../clients/raw.js'
import { makeMarker, scanMarkers } from '../lib/marker.js'
import { summarize } from '../lib/stats.js'
import type { Endpoint } from '../servers/types.js'

const [endpointJson, docId] = process.argv.slice(2) as [string, string]
const endpoint = JSON.parse(endpointJson) as Endpoint
const PERIOD_MS = 20
const MAX_LIFETIME_MS = 600_000

const writer = connectRaw(endpoint, docId)
const reader = connectRaw(endpoint, docId)
await Promise.all([writer.synced, reader.synced])
const latencies: number[] = []
reader.onUpdate = (u) => scanMarkers(u, (_s, scheduled) => latencies.push(performance.now() - scheduled))
const scratch = new Y.Doc()
scratch.on('update', (u: Uint8Array) => writer.sendUpdate(u))

let seq = 0
let sent = 0
let timer: NodeJS.Timeout | undefined
const resume = (): void => {
  if (timer) return
  const t0 = performance.now()
  let i = 0
  const tick = (): void => {
    // Appended, not overwritten: see scenarios/fanout.ts.
    scratch.getArray('bench').push([makeMarker(seq++, t0 + i * PERIOD_MS)])
    sent++
    i++
    timer = setTimeout(tick, Math.max(0, t0 + i * PERIOD_MS - performance.now()))
  }
  tick()
}
const pause = (): void => {
  clearTimeout(timer)
  timer = undefined
}
const finish = (): void => {
  pause()
  // Stragglers still count: give the last frames a moment before summarizing.
  setTimeout(() => {
    writer.close()
    reader.close()
    process.send?.({ ...summarize(latencies), sent })
    setTimeout(() => process.exit(0), 50)
  }, 200)
}
process.on('message', (m) => {
  if (m === 'resume') resume()
  else if (m === 'pause') pause()
  else if (m === 'stop') finish()
})
process.on('disconnect', () => process.exit(0))
setTimeout(finish, MAX_LIFETIME_MS).unref()
process.send?.('ready')
