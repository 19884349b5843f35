// Runs in a worker thread (fold.ts): folds a document's stored rows into one update, as the
// multi-instance compaction needs, off the event loop that relays every socket's updates.
// The rows arrive packed in one transferred buffer (lengths beside it) and the result goes
// back transferred: nothing is copied twice.
import { parentPort } from 'node:worker_threads'
import { foldRows } from './fold-rows.mjs'

parentPort.on('message', async ({ id, packed, lengths }) => {
  try {
    const rows = []
    let offset = 0
    for (const length of lengths) {
      rows.push(packed.subarray(offset, offset + length))
      offset += length
    }
    const merged = await foldRows(rows)
    parentPort.postMessage({ id, merged }, [merged.buffer])
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) })
  }
})
