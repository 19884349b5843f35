// Runs in a worker thread (fold.ts): folds a document's stored rows into one update, as the
// multi-instance compaction needs, off the event loop that relays every socket's updates.
// The rows arrive packed in one transferred buffer (lengths beside it) and the result goes
// back transferred: nothing is copied twice.
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'

parentPort.on('message', ({ id, packed, lengths }) => {
  try {
    const doc = new Y.Doc()
    let offset = 0
    Y.transact(doc, () => {
      for (const length of lengths) {
        Y.applyUpdate(doc, packed.subarray(offset, offset + length))
        offset += length
      }
    })
    const merged = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    parentPort.postMessage({ id, merged }, [merged.buffer])
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) })
  }
})
