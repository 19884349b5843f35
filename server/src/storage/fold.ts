import { Worker } from 'node:worker_threads'

interface Request {
  resolve(merged: Uint8Array): void
  reject(err: Error): void
}

let worker: Worker | undefined
const pending = new Map<number, Request>()
let nextId = 1

/**
 * A document's stored rows (snapshot first, then the log) folded into one update, on a worker
 * thread (fold-worker.mjs). The multi-instance compaction (PostgreSQL) applied them on the event
 * loop: ~500 rows every COMPACT_AFTER_UPDATES updates, 30–60 ms in which no socket's update
 * was relayed, the same instance's readers and every other instance's waiting. Started on first
 * use; it keeps no process alive while idle.
 */
export function foldInWorker(rows: readonly Uint8Array[]): Promise<Uint8Array> {
  const lengths = rows.map((row) => row.byteLength)
  const packed = new Uint8Array(lengths.reduce((sum, n) => sum + n, 0))
  let offset = 0
  for (const row of rows) {
    packed.set(row, offset)
    offset += row.byteLength
  }
  const w = (worker ??= spawn())
  const id = nextId++
  return new Promise<Uint8Array>((resolve, reject) => {
    pending.set(id, { resolve, reject })
    if (pending.size === 1) w.ref()
    w.postMessage({ id, packed, lengths }, [packed.buffer])
  })
}

function spawn(): Worker {
  const w = new Worker(new URL('./fold-worker.mjs', import.meta.url))
  w.on('message', (m: { id: number; merged?: Uint8Array; error?: string }) => {
    const request = pending.get(m.id)
    pending.delete(m.id)
    if (pending.size === 0) w.unref()
    if (m.merged) request?.resolve(m.merged)
    else request?.reject(new Error(m.error ?? 'fold failed'))
  })
  // A fold that fails (or a thread that dies) fails its compaction: the rows stay in the log.
  w.on('error', () => undefined)
  w.once('exit', () => {
    if (worker === w) worker = undefined
    for (const request of pending.values()) request.reject(new Error('fold worker exited'))
    pending.clear()
  })
  w.unref()
  return w
}
