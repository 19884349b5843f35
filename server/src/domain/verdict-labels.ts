import { DEFAULT_VERDICT_SCALE, relabelVerdicts, type VerdictScale } from '@fc/shared'
import type { Db, Queryable } from '../storage/db.js'

/** A workspace's verdict scale: the default ids and places, with the owner's labels where set. */
export async function verdictScaleFor(q: Queryable, workspaceId: string): Promise<VerdictScale> {
  const rows = await q.query<{ verdict_id: string; label: string }>(
    'SELECT verdict_id, label FROM verdict_labels WHERE workspace_id = $1',
    [workspaceId],
  )
  if (rows.length === 0) return DEFAULT_VERDICT_SCALE
  return relabelVerdicts(Object.fromEntries(rows.map((r) => [r.verdict_id, r.label])))
}

/** Replaces the workspace's labels; a verdict left out gets its default label back. */
export async function setVerdictLabels(
  db: Db,
  workspaceId: string,
  labels: Record<string, string>,
): Promise<VerdictScale> {
  await db.tx(async (q) => {
    await q.query('DELETE FROM verdict_labels WHERE workspace_id = $1', [workspaceId])
    for (const [verdictId, label] of Object.entries(labels)) {
      await q.query('INSERT INTO verdict_labels (workspace_id, verdict_id, label) VALUES ($1, $2, $3)', [
        workspaceId,
        verdictId,
        label,
      ])
    }
  })
  return verdictScaleFor(db, workspaceId)
}
