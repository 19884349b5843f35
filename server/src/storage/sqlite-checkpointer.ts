import { Worker } from 'node:worker_threads'
import { log } from '../log.js'

/**
 * SQLite's automatic WAL checkpoint runs inside whichever commit crosses the
 * threshold: on the event loop, with an fsync (measured: a 10-13 ms stall every
 * ~500 small commits, which is the whole p99 of a live room). The server's own
 * connection turns it off and this worker checkpoints on its own connection.
 */
export function startCheckpointer(file: string, intervalMs = 1000): { stop(): Promise<void> } {
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { file, intervalMs } })
  worker.on('message', (m: { error?: string }) => m.error && log('wal checkpoint failed', { error: m.error }))
  worker.on('error', (err) => log('wal checkpointer stopped', { error: String(err) }))
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return {
    async stop() {
      // Unreferenced while it runs, so it never keeps a finished process alive; but a caller
      // awaiting this must not see the event loop end (exit 13) before the worker has closed.
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}
