import * as Y from 'yjs'
import { log } from '../log.js'
import type { Db } from './db.js'

/** A stored row of a document as the store reads it: the snapshot (seq null) or one log update. */
export interface StoredRow {
  seq: number | null
  data: Uint8Array
}

/**
 * Why a stored row cannot be part of its document, or undefined when it decodes. Decoded
 * whole before anything applies it, as a socket's update is (collab/protocol.ts): Yjs
 * integrates structs before it reads the delete set, so a garbled tail would otherwise leave
 * half a row applied, and a row that throws made its whole document unopenable.
 */
export function undecodable(data: Uint8Array): string | undefined {
  try {
    Y.decodeUpdate(data)
    return undefined
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/**
 * Moves a row that does not decode aside, into doc_quarantine, so the rest of its document
 * opens and nothing applies it again; an operator can read it there (docs/operations.md).
 * Deleted first and copied from what the delete returned: two instances quarantining the same
 * row copy it once. A snapshot is removed only if it is still the one read: a compaction may
 * have replaced it meanwhile.
 */
export async function quarantineRow(db: Db, docId: string, row: StoredRow, error: string): Promise<boolean> {
  const kind = row.seq === null ? 'snapshot' : 'update'
  const moved = await db.txLocked(`doc:${docId}`, async (q) => {
    const deleted =
      row.seq === null
        ? await q.query<{ data: unknown }>(
            'DELETE FROM doc_snapshots WHERE doc_id = $1 AND snapshot = $2 RETURNING snapshot AS data',
            [docId, row.data],
          )
        : await q.query<{ data: unknown }>('DELETE FROM doc_updates WHERE doc_id = $1 AND seq = $2 RETURNING data', [
            docId,
            row.seq,
          ])
    if (deleted.length === 0) return false
    await q.query(
      'INSERT INTO doc_quarantine (doc_id, kind, seq, data, error, quarantined_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [docId, kind, row.seq, row.data, error, Date.now()],
    )
    return true
  })
  // Another instance may have moved it first: it logged and counted it then.
  if (moved)
    log('quarantined a stored document row that does not decode', {
      docId,
      kind,
      seq: row.seq ?? 'snapshot',
      bytes: row.data.byteLength,
      error,
    })
  return moved
}

/** What GET /api/health reports of quarantined rows. */
export interface QuarantineCount {
  rows: number
  /** When the last of them was quarantined (ISO), null when none. */
  lastAt: string | null
}

/** The rows in doc_quarantine now, every instance's; read once at start. */
export async function countQuarantined(db: Db): Promise<QuarantineCount> {
  const found = await db.query<{ n: number | string; last_at: number | string | null }>(
    'SELECT count(*) AS n, max(quarantined_at) AS last_at FROM doc_quarantine',
  )
  const last = found[0]?.last_at
  return {
    rows: Number(found[0]?.n ?? 0),
    lastAt: last === null || last === undefined ? null : new Date(Number(last)).toISOString(),
  }
}
