// A document's stored rows (snapshot first, then the log, in order) folded into one update: the
// one fold both storage workers run (fold-worker.mjs for PostgreSQL, sqlite-log-worker.mjs).
// Rows are applied in transactions of `chunk` rows (all of them by default): one transaction per
// row runs Yjs's cleanup and every observer once per row. `between`, when given, runs (and is
// awaited) between two chunks, outside any transaction: the SQLite worker answers the group
// commits posted meanwhile there.
import * as Y from 'yjs'

export async function foldRows(rows, { chunk = rows.length, between } = {}) {
  const doc = new Y.Doc()
  try {
    for (let start = 0; start < rows.length; start += chunk) {
      const end = Math.min(rows.length, start + chunk)
      Y.transact(doc, () => {
        for (let i = start; i < end; i++) Y.applyUpdate(doc, rows[i])
      })
      if (between && end < rows.length) await between()
    }
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
