import * as Y from 'yjs'
import { log } from '../log.js'
import { type Db, toBytes } from './db.js'
import { countQuarantined, type QuarantineCount, quarantineRow, type StoredRow, undecodable } from './quarantine.js'
import { foldInWorker } from './fold.js'
import { isStorageFull } from './storage-errors.js'

/**
 * Durable home of every document: an append-only log of Yjs updates plus one
 * snapshot per document. Updates are group-committed (one transaction per
 * window) so a burst of keystrokes costs one write, and folded into the
 * snapshot in the background once a document's log grows.
 */
export interface DocStore {
  /**
   * Snapshot first, then every logged update after it; applying all yields the document.
   * A stored row that does not decode is quarantined (quarantine.ts) and left out; updates
   * still queued because storage is full come last.
   */
  load(docId: string): Promise<Uint8Array[]>
  /** Commits are failing for lack of space: nothing more should be accepted until one succeeds. */
  readonly storageFull: boolean
  /**
   * Stored rows set aside because they do not decode: all of them at start, plus those this
   * instance moved since. From memory, so a health check never waits on the database.
   */
  quarantined(): QuarantineCount
  /**
   * A token per document that changes whenever what `load` would return may have changed, so a
   * value read from a document can be kept until then. Documents with updates still queued on
   * this instance get none (read them). Several instances: a row another instance has not yet
   * committed is not seen, as by `load`.
   */
  storedVersions(docIds: readonly string[]): Promise<Map<string, string>>
  /** Queues an update; it is committed within the group-commit window. */
  appendUpdate(docId: string, update: Uint8Array): void
  /** Calls `listener` with the document of every update queued from now on (for indexes that follow content). */
  onAppend(listener: (docId: string) => void): void
  /** Commits everything queued so far. */
  flush(): Promise<void>
  /** Folds the log into the snapshot. Safe while other instances append. */
  compact(docId: string): Promise<void>
  /**
   * Drops documents for good: snapshot, every logged update, quarantined rows. Only once no
   * room holds them (an unload's flush or compaction would write them back).
   */
  remove(docIds: readonly string[]): Promise<void>
  close(): Promise<void>
}

/** Log rows per message to the SQLite log writer. */
const LOG_CHUNK = 1000

/** Documents per query of `storedVersions`. */
const VERSION_CHUNK = 200

/** Log rows removed per transaction when a live document is compacted. */
const DELETE_BATCH = 100

interface Pending {
  docId: string
  data: Uint8Array
}

export interface DocStoreOptions {
  groupCommitMs: number
  compactAfterUpdates: number
  /** While storage is full, how often the failed commit is tried again (STORAGE_RETRY_MS). */
  storageRetryMs?: number
}

/** Retry delay of a commit that failed for another reason than a full disk. */
const RETRY_MS = 500

export class SqlDocStore implements DocStore {
  private pending: Pending[] = []
  private timer: NodeJS.Timeout | undefined
  private flushing: Promise<void> | undefined
  private readonly sinceCompaction = new Map<string, number>()
  private readonly compacting = new Map<string, Promise<void>>()
  private closed = false
  private full = false
  private quarantine: QuarantineCount = { rows: 0, lastAt: null }
  private readonly appendListeners: Array<(docId: string) => void> = []
  /** Told when commits start failing for lack of space, and when one succeeds again. */
  onStorageFull: ((full: boolean) => void) | undefined
  /**
   * The open document of a room, when this instance is the only writer (no Redis):
   * every logged row then came from it, so compaction can encode it directly
   * instead of re-applying the whole log.
   */
  liveDoc: ((docId: string) => Y.Doc | undefined) | undefined

  constructor(
    private readonly db: Db,
    private readonly options: DocStoreOptions,
  ) {
    void countQuarantined(db)
      .then(
        (atStart) =>
          (this.quarantine = {
            rows: atStart.rows + this.quarantine.rows,
            lastAt: this.quarantine.lastAt ?? atStart.lastAt,
          }),
      )
      .catch((err: unknown) => log('could not count quarantined rows', { error: String(err) }))
  }

  quarantined(): QuarantineCount {
    return this.quarantine
  }

  onAppend(listener: (docId: string) => void): void {
    this.appendListeners.push(listener)
  }

  appendUpdate(docId: string, update: Uint8Array): void {
    if (this.closed) throw new Error('DocStore is closed')
    this.pending.push({ docId, data: update })
    for (const listener of this.appendListeners) listener(docId)
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.options.groupCommitMs)
    const count = (this.sinceCompaction.get(docId) ?? 0) + 1
    this.sinceCompaction.set(docId, count)
    if (count >= this.options.compactAfterUpdates) {
      this.sinceCompaction.set(docId, 0)
      void this.flush()
        .then(() => this.compact(docId))
        .catch((err) => log('compaction failed', { docId, error: String(err) }))
    }
  }

  get storageFull(): boolean {
    return this.full
  }

  async flush(): Promise<void> {
    // One commit at a time; a flush requested during a commit runs right after it.
    while (this.flushing) await this.flushing
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    this.flushing = this.writeBatch(batch).finally(() => {
      this.flushing = undefined
    })
    try {
      await this.flushing
    } catch (err) {
      // Keep the updates and retry: losing an acknowledged edit is worse than a late write.
      // They were relayed already; retrying them is also how the store learns space is back.
      this.pending = batch.concat(this.pending)
      const full = isStorageFull(err)
      if (full) this.setFull(true, { queued: this.pending.length, error: String(err) })
      else log('group commit failed; will retry', { updates: batch.length, error: String(err) })
      if (!this.closed)
        this.timer ??= setTimeout(
          () => void this.flush().catch(() => undefined),
          full ? (this.options.storageRetryMs ?? 1000) : RETRY_MS,
        )
      throw err
    }
    this.setFull(false, {})
  }

  private setFull(full: boolean, fields: Record<string, unknown>): void {
    if (this.full === full) return
    this.full = full
    log(full ? 'storage full: refusing edits until a commit succeeds' : 'storage writable again', fields)
    this.onStorageFull?.(full)
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    if (this.db.docLog) {
      // Handed over in chunks, each one transaction, with the event loop free in between: a
      // flood of updates queued during a slow commit must not become one long copy to the worker.
      // What is committed leaves `batch`, so a failure re-queues only the rest. It leaves in one
      // splice at the end: one per chunk made a backlog of a million updates quadratic to drain.
      let committed = 0
      try {
        while (committed < batch.length) {
          await this.db.docLog.append(batch.slice(committed, committed + LOG_CHUNK))
          committed = Math.min(batch.length, committed + LOG_CHUNK)
        }
      } finally {
        batch.splice(0, committed)
      }
      return
    }
    // PostgreSQL (the only Db without a docLog): one statement for the whole batch.
    await this.db.query('INSERT INTO doc_updates (doc_id, data) SELECT * FROM unnest($1::text[], $2::bytea[])', [
      batch.map((p) => p.docId) as unknown as string,
      batch.map((p) => Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength)) as unknown as string,
    ])
  }

  async storedVersions(docIds: readonly string[]): Promise<Map<string, string>> {
    const queued = new Set(this.pending.map((p) => p.docId))
    const wanted = docIds.filter((id) => !queued.has(id))
    const versions = new Map<string, string>()
    for (let i = 0; i < wanted.length; i += VERSION_CHUNK) {
      const chunk = wanted.slice(i, i + VERSION_CHUNK)
      const list = chunk.map((_, n) => `$${n + 1}`).join(', ')
      // The snapshot's time changes at each compaction; count, sum and max of the log's seqs change
      // with every committed row, including one committed late with a lower seq (PostgreSQL).
      const rows = await this.db.query<{ doc_id: string; at: unknown; n: unknown; total: unknown; top: unknown }>(
        `SELECT d.doc_id, s.updated_at AS at, u.n, u.total, u.top
           FROM (SELECT doc_id FROM doc_snapshots WHERE doc_id IN (${list})
                 UNION SELECT doc_id FROM doc_updates WHERE doc_id IN (${list})) AS d
           LEFT JOIN doc_snapshots s ON s.doc_id = d.doc_id
           LEFT JOIN (SELECT doc_id, COUNT(*) AS n, SUM(seq) AS total, MAX(seq) AS top
                        FROM doc_updates WHERE doc_id IN (${list}) GROUP BY doc_id) AS u ON u.doc_id = d.doc_id`,
        chunk,
      )
      for (const r of rows) versions.set(r.doc_id, `${r.at ?? '-'}/${r.n ?? 0}/${r.total ?? 0}/${r.top ?? 0}`)
    }
    // Queued here since the query started: the token read may predate them.
    for (const p of this.pending) versions.delete(p.docId)
    return versions
  }

  async load(docId: string): Promise<Uint8Array[]> {
    if (this.pending.some((p) => p.docId === docId)) {
      // Full storage keeps them queued: they are served from memory below, the document still opens.
      await this.flush().catch((err: unknown) => {
        if (!isStorageFull(err)) throw err
      })
    } else if (this.flushing) await this.flushing.catch(() => undefined)
    const stored = await this.readStored(docId)
    const queued = this.pending.filter((p) => p.docId === docId).map((p) => p.data)
    return queued.length === 0 ? stored : stored.concat(queued)
  }

  /** The stored rows that decode; the others are moved aside on the way. */
  private async readStored(docId: string): Promise<Uint8Array[]> {
    // One statement, so one consistent view: read as two, a compaction committing in between
    // (snapshot replaced, folded rows deleted) left a reader with the old snapshot and no rows.
    const rows = await this.db.query<{ part: number; seq: number; data: unknown }>(
      `SELECT part, seq, data FROM (
         SELECT 0 AS part, 0 AS seq, snapshot AS data FROM doc_snapshots WHERE doc_id = $1
         UNION ALL
         SELECT 1 AS part, seq, data FROM doc_updates WHERE doc_id = $1
       ) AS log ORDER BY part, seq`,
      [docId],
    )
    const good: Uint8Array[] = []
    for (const row of rows) {
      const data = toBytes(row.data)
      const problem = undecodable(data)
      if (problem === undefined) good.push(data)
      else await this.setAside(docId, { seq: Number(row.part) === 0 ? null : Number(row.seq), data }, problem)
    }
    return good
  }

  private async setAside(docId: string, row: StoredRow, problem: string): Promise<void> {
    // Left out of this load either way; when it cannot be moved aside now (storage full), the next load tries again.
    try {
      if (await quarantineRow(this.db, docId, row, problem))
        this.quarantine = { rows: this.quarantine.rows + 1, lastAt: new Date().toISOString() }
    } catch (err) {
      log('could not quarantine a stored row; left out of the document', {
        docId,
        seq: row.seq ?? 'snapshot',
        error: String(err),
      })
    }
  }

  async remove(docIds: readonly string[]): Promise<void> {
    // Anything still queued for them is committed first, so no later group commit revives them.
    await this.flush()
    for (const docId of docIds) {
      this.sinceCompaction.delete(docId)
      // Under the compaction lock: a compaction running on another instance finishes before its rows go.
      await this.db.txLocked(`doc:${docId}`, async (q) => {
        await q.query('DELETE FROM doc_updates WHERE doc_id = $1', [docId])
        await q.query('DELETE FROM doc_snapshots WHERE doc_id = $1', [docId])
        await q.query('DELETE FROM doc_quarantine WHERE doc_id = $1', [docId])
      })
    }
  }

  compact(docId: string): Promise<void> {
    // Within one instance, one compaction per document at a time; across instances the lock serializes.
    const running = this.compacting.get(docId)
    if (running) return running
    const job = this.compactNow(docId).finally(() => this.compacting.delete(docId))
    this.compacting.set(docId, job)
    return job
  }

  private async compactNow(docId: string): Promise<void> {
    const live = this.liveDoc?.(docId)
    if (this.db.docLog) {
      // Encoding the open document costs a few ms here; merging the log on the worker costs it
      // ~100× that in CPU, which on a busy core is taken from this loop too. Encoded and posted
      // in one step: appends handed over before it are in it, later ones stay in the log.
      return this.db.docLog.compact(docId, live ? Y.encodeStateAsUpdate(live) : undefined)
    }
    if (live) return this.compactFromLive(docId, live)
    await this.db.txLocked(`doc:${docId}`, async (q) => {
      const snapshot = await q.query<{ snapshot: unknown }>('SELECT snapshot FROM doc_snapshots WHERE doc_id = $1', [
        docId,
      ])
      const rows = await q.query<{ seq: number; data: unknown }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
        [docId],
      )
      if (rows.length === 0) return
      const first = snapshot[0]
      const stored = rows.map((row) => toBytes(row.data))
      // On a worker thread: this instance's rooms keep relaying meanwhile (fold.ts).
      const merged = await foldInWorker(first ? [toBytes(first.snapshot), ...stored] : stored)
      await q.query(
        `INSERT INTO doc_snapshots (doc_id, snapshot, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (doc_id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
        [docId, merged, Date.now()],
      )
      // Delete exactly the rows folded in: another instance may commit a lower seq later (PostgreSQL
      // sequences are not commit-ordered), and that row must survive to the next compaction.
      await q.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [
        docId,
        rows.map((r) => r.seq) as unknown as string,
      ])
    })
  }

  /** Single-writer compaction: the live document already holds every logged row (and maybe more). */
  private async compactFromLive(docId: string, live: Y.Doc): Promise<void> {
    const folded = await this.db.txLocked(`doc:${docId}`, async (q) => {
      const rows = await q.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM doc_updates WHERE doc_id = $1', [
        docId,
      ])
      const last = rows[0]?.seq
      if (last === null || last === undefined) return null
      // Encoded inside the transaction: no group commit can land between reading `last` and this.
      await q.query(
        `INSERT INTO doc_snapshots (doc_id, snapshot, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (doc_id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
        [docId, Y.encodeStateAsUpdate(live), Date.now()],
      )
      return Number(last)
    })
    if (folded === null) return
    // The folded rows go in small batches, each a short transaction, so a large log is never
    // one long delete. Rows not yet deleted are already in the snapshot; applying them again on
    // load changes nothing.
    for (;;) {
      const deleted = await this.db.query(
        'DELETE FROM doc_updates WHERE seq IN (SELECT seq FROM doc_updates WHERE doc_id = $1 AND seq <= $2 LIMIT $3) RETURNING seq',
        [docId, folded, DELETE_BATCH],
      )
      if (deleted.length < DELETE_BATCH) return
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  async close(): Promise<void> {
    await this.flush()
    await Promise.allSettled(this.compacting.values())
    this.closed = true
  }
}
