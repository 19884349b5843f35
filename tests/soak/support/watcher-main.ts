/*
 * The watcher's own process (started by watcher.ts): it measures the server from outside
 * the load generator, whose event loop is busy building hostile frames and would otherwise
 * add its own lag to every figure. One JSON line per sample on stdout:
 *   {"k":"health","t":…,"ms":…,"ok":…}   GET /api/health, answered or not within HEALTH_TIMEOUT_MS
 *   {"k":"sent","t":…,"seq":…}            an honest edit made by the writer
 *   {"k":"seen","t":…,"seq":…}            the same edit arriving at the reader
 *   {"k":"rss","t":…,"kb":…}              the server's VmRSS from /proc/<pid>/status
 * A line {"pid":…} on stdin points it at a restarted server.
 */
import readline from 'node:readline'
import { connectClient } from '../../integration/support/clients.js'
import { residentBytes } from '../../integration/support/process-memory.js'

interface WatchConfig {
  httpUrl: string
  wsUrl: string
  docId: string
  token: string
  pid: number
  everyMs: number
}

const config = JSON.parse(process.env.WATCH_CONFIG!) as WatchConfig
let pid = config.pid
let running = true
const HEALTH_TIMEOUT_MS = 2000

function emit(sample: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ t: Date.now(), ...sample })}\n`)
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line) as { pid?: number; stop?: true }
  if (message.pid) pid = message.pid
  if (message.stop) running = false
})
process.stdin.on('end', () => (running = false))

const tick = () => new Promise((r) => setTimeout(r, config.everyMs))

async function probeHealth(): Promise<void> {
  while (running) {
    const started = performance.now()
    let ok = false
    try {
      const res = await fetch(`${config.httpUrl}/api/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) })
      ok = res.status === 200
      await res.arrayBuffer()
    } catch {
      ok = false
    }
    emit({ k: 'health', ms: Math.round(performance.now() - started), ok })
    await tick()
  }
}

async function sampleRss(): Promise<void> {
  while (running) {
    try {
      emit({ k: 'rss', kb: residentBytes(pid) / 1024 })
    } catch {
      // between a kill and its restart there is no process to read
    }
    await tick()
  }
}

/** Two stock clients on their own document: the writer sets a key, the reader timestamps its arrival. */
async function honestEdits(): Promise<void> {
  const params = { token: config.token }
  const writer = connectClient({ wsUrl: config.wsUrl }, config.docId, params)
  const reader = connectClient({ wsUrl: config.wsUrl }, config.docId, params)
  await Promise.all([writer.synced, reader.synced])
  reader.doc.getMap<number>('probe').observe((event) => {
    for (const key of event.keysChanged) emit({ k: 'seen', seq: Number(key) })
  })
  let seq = 0
  while (running) {
    if (writer.provider.wsconnected && reader.provider.wsconnected) {
      seq++
      emit({ k: 'sent', seq })
      writer.doc.getMap<number>('probe').set(String(seq), seq)
    }
    await tick()
  }
  writer.destroy()
  reader.destroy()
}

await Promise.all([probeHealth(), sampleRss(), honestEdits()])
process.exit(0)
