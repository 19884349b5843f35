// Runs in a worker thread (sqlite-log-writer.ts) on its own connection: the document log's
// group commits and compactions, and the WAL checkpoints. better-sqlite3 is synchronous, so on
// the event loop each of these held up every open room; here the loop only posts a message.
//
// Only this thread writes doc_updates and doc_snapshots, in the order posted. A compaction
// folds the rows it read and deletes exactly those (seq ≤ the last one read); appends that
// run while it merges get higher seqs and stay in the log.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

// Background work: on a busy core the event loop must get the CPU the moment a socket has
// data, not after this thread's time slice. Linux sets priorities per thread (the id is in
// /proc/thread-self); elsewhere this thread simply keeps the default priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {}

const db = new Database(workerData.file);
db.pragma('wal_autocheckpoint = 0');
db.pragma(`synchronous = ${workerData.synchronous}`);
db.pragma('busy_timeout = 5000');

// Prepared on first use: the tables are created by the server's migration after this starts.
const statements = new Map();
const stmt = (sql) => {
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s;
};
const bytes = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);

const append = db.transaction((docIds, updates) => {
  const insert = stmt('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)');
  for (let i = 0; i < docIds.length; i++) insert.run(docIds[i], bytes(updates[i]));
});

const replaceLog = db.transaction((docId, snapshot, lastSeq) => {
  stmt(
    `INSERT INTO doc_snapshots (doc_id, snapshot, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
  ).run(docId, snapshot, Date.now());
  stmt('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?').run(docId, lastSeq);
});

/** Log rows merged between two looks at the message queue. */
const MERGE_CHUNK = 50;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function compact(docId) {
  // Read outside the write transaction (WAL readers take no lock), so the server's own
  // connection is never kept waiting on the write lock while the document is merged.
  const snapshot = stmt('SELECT snapshot FROM doc_snapshots WHERE doc_id = ?').get(docId);
  const rows = stmt('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId);
  if (rows.length === 0) return;
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot.snapshot);
  for (let i = 0; i < rows.length; i++) {
    Y.applyUpdate(doc, rows[i].data);
    // Group commits posted meanwhile go first: a large merge must not hold up durability.
    // They get higher seqs than the rows read above, so the delete below leaves them.
    if (i % MERGE_CHUNK === MERGE_CHUNK - 1) await nextTurn();
  }
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  replaceLog(docId, bytes(merged), rows[rows.length - 1].seq);
}

const checkpoint = () => {
  try {
    // PASSIVE never waits for readers or writers: whatever cannot be copied now is copied next time.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: `wal checkpoint: ${String(err)}` });
  }
};
const timer = setInterval(checkpoint, workerData.checkpointMs);

const compacting = new Set();

parentPort.on('message', async (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    await Promise.allSettled(compacting);
    checkpoint();
    db.close();
    parentPort.close();
    return;
  }
  const reply = (error) => parentPort.postMessage(error === undefined ? { id: message.id } : { id: message.id, error: String(error) });
  if (message.op === 'compact') {
    const job = compact(message.docId).then(() => reply(), reply);
    compacting.add(job);
    job.finally(() => compacting.delete(job));
    return;
  }
  try {
    append(message.docIds, message.updates);
    reply();
  } catch (err) {
    reply(err);
  }
});
