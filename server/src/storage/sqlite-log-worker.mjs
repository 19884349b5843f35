// Runs in a worker thread (sqlite-log-writer.ts) on its own connection: the document log's
// group commits and compactions. better-sqlite3 is synchronous, so on the event loop each of
// these held up every open room; here the loop only posts a message. (WAL checkpoints have
// their own thread, checkpoint-worker.mjs: a commit must not wait behind a checkpoint's fsync.)
//
// Only this thread writes doc_updates and doc_snapshots, in the order posted. (The one other
// writer, the store's quarantine, deletes a row that no longer decodes by its seq, or the
// snapshot only while it still holds the bytes read: nothing here is lost to it.) A compaction
// that brings a snapshot (the open document, encoded by the server) replaces every row
// logged so far: all were posted before it. One without merges the log here, folds the rows
// it read and deletes exactly those (seq ≤ the last one read); appends that run while it
// merges get higher seqs and stay in the log.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { foldRows } from './fold-rows.mjs'

const db = new Database(workerData.file)
db.pragma('wal_autocheckpoint = 0')
db.pragma(`synchronous = ${workerData.synchronous}`)
db.pragma('busy_timeout = 5000')
// Checkpoints are checkpoint-worker.mjs's job, never inside one of these commits.

// Prepared on first use: the tables are created by the server's migration after this starts.
const statements = new Map()
const stmt = (sql) => {
  let s = statements.get(sql)
  if (!s) statements.set(sql, (s = db.prepare(sql)))
  return s
}
const bytes = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength)

const append = db.transaction((docIds, updates) => {
  const insert = stmt('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)')
  for (let i = 0; i < docIds.length; i++) insert.run(docIds[i], bytes(updates[i]))
})

const replaceLog = db.transaction((docId, snapshot, lastSeq) => {
  stmt(
    `INSERT INTO doc_snapshots (doc_id, snapshot, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
  ).run(docId, snapshot, Date.now())
  stmt('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?').run(docId, lastSeq)
})

/** The server's own encoding of the open document: it holds every row posted before it. */
const replaceWithSnapshot = db.transaction((docId, snapshot) => {
  const last = stmt('SELECT max(seq) AS seq FROM doc_updates WHERE doc_id = ?').get(docId).seq
  if (last === null) return
  replaceLog(docId, bytes(snapshot), last)
})

/** Log rows merged between two looks at the message queue. */
const MERGE_CHUNK = 50
const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

async function compact(docId) {
  // Read outside the write transaction (WAL readers take no lock), so the server's own
  // connection is never kept waiting on the write lock while the document is merged.
  const snapshot = stmt('SELECT snapshot FROM doc_snapshots WHERE doc_id = ?').get(docId)
  const rows = stmt('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId)
  if (rows.length === 0) return
  // Group commits posted meanwhile go first between chunks: a large merge must not hold up
  // durability. They get higher seqs than the rows read above, so the delete below leaves them.
  const stored = rows.map((row) => row.data)
  const merged = await foldRows(snapshot ? [snapshot.snapshot, ...stored] : stored, {
    chunk: MERGE_CHUNK,
    between: nextTurn,
  })
  replaceLog(docId, bytes(merged), rows[rows.length - 1].seq)
}

const compacting = new Set()

parentPort.on('message', async (message) => {
  if (message === 'stop') {
    await Promise.allSettled(compacting)
    db.close()
    parentPort.close()
    return
  }
  // The SQLite code travels with the words: the store tells a full disk (SQLITE_FULL) from a bug.
  const reply = (error) =>
    parentPort.postMessage(
      error === undefined ? { id: message.id } : { id: message.id, error: String(error), code: error?.code },
    )
  if (message.op === 'compact' && !message.snapshot) {
    const job = compact(message.docId).then(() => reply(), reply)
    compacting.add(job)
    job.finally(() => compacting.delete(job))
    return
  }
  try {
    if (message.op === 'compact') replaceWithSnapshot(message.docId, message.snapshot)
    else append(message.docIds, message.updates)
    reply()
  } catch (err) {
    reply(err)
  }
})
