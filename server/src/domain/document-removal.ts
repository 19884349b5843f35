import type { Db } from '../storage/db.js';

/**
 * Drops documents from storage for good: their snapshot, every logged update and any
 * quarantined row.
 * Call it only once no room holds them any more (closed and unloaded), or an unload's
 * flush or compaction would write them back. Each document under its compaction lock,
 * so a compaction running on another instance finishes before its rows go.
 */
export async function forgetDocuments(db: Db, docIds: readonly string[]): Promise<void> {
  for (const docId of docIds) {
    await db.txLocked(`doc:${docId}`, async (q) => {
      await q.query('DELETE FROM doc_updates WHERE doc_id = $1', [docId]);
      await q.query('DELETE FROM doc_snapshots WHERE doc_id = $1', [docId]);
      await q.query('DELETE FROM doc_quarantine WHERE doc_id = $1', [docId]);
    });
  }
}
