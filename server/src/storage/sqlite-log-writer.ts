import { Worker } from 'node:worker_threads'
import { log } from '../log.js'
import type { DocLogWriter } from './db.js'

interface Request {
  resolve(): void
  reject(err: Error): void
}

/**
 * The embedded store's document-log writes, on a worker thread (sqlite-log-worker.mjs).
 * better-sqlite3 is synchronous: on the event loop each group commit and each compaction's
 * writes (snapshot upsert, delete of the folded rows) held up every open room while they ran.
 * Measured pinned to one core, compacting a 320 KiB document: 10-20 ms of work on the loop
 * with outliers of 30 ms loop delay, against ~6 ms in all and at most ~3 ms loop delay now.
 */
export function startLogWriter(
  file: string,
  options: { synchronous: 'NORMAL' | 'FULL' },
): DocLogWriter & { stop(): Promise<void> } {
  const pending = new Map<number, Request>()
  let nextId = 1
  let stopping = false
  let worker = spawn()

  function spawn(): Worker {
    const w = new Worker(new URL('./sqlite-log-worker.mjs', import.meta.url), {
      workerData: { file, synchronous: options.synchronous },
    })
    w.on('message', (m: { id?: number; error?: string; code?: string }) => {
      if (m.id === undefined) {
        if (m.error) log('sqlite log worker', { error: m.error })
        return
      }
      const request = pending.get(m.id)
      pending.delete(m.id)
      if (pending.size === 0) w.unref()
      if (m.error) request?.reject(Object.assign(new Error(m.error), { code: m.code }))
      else request?.resolve()
    })
    w.on('error', (err) => log('sqlite log worker failed', { error: String(err) }))
    w.once('exit', () => {
      if (stopping) return
      // What was in flight is rolled back with the thread; the store retries what it queued.
      for (const request of pending.values()) request.reject(new Error('sqlite log worker exited'))
      pending.clear()
      worker = spawn()
    })
    // Referenced only while a request is in flight: an idle writer never keeps a finished process alive.
    w.unref()
    return w
  }

  function send(message: Record<string, unknown>): Promise<void> {
    if (stopping) return Promise.reject(new Error('sqlite log writer is stopped'))
    const id = nextId++
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      if (pending.size === 1) worker.ref()
      worker.postMessage({ ...message, id })
    })
  }

  return {
    append(rows) {
      return send({ op: 'append', docIds: rows.map((r) => r.docId), updates: rows.map((r) => r.data) })
    },
    compact(docId, snapshot) {
      return send({ op: 'compact', docId, snapshot })
    },
    async stop() {
      if (stopping) return
      stopping = true
      // The worker handles what was posted before 'stop' and closes;
      // a caller awaiting this must not see the event loop end (exit 13) before it has.
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}
