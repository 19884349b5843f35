import type { Queryable } from '../../storage/db.js'

/** Tables of the paged feeds: each orders by its own `seq` and is scoped by one column. */
type Paged =
  | { table: 'article_versions'; column: 'article_id' }
  | { table: 'activity'; column: 'article_id' | 'workspace_id' }
  | { table: 'notifications'; column: 'user_id' }

/**
 * Where a page that starts after `before` ends: its `seq`, or past every row when there is no
 * `before`; null when `before` is not a row of this scope (another feed's id is not a cursor).
 */
export async function pageBound(
  q: Queryable,
  { table, column }: Paged,
  scope: string,
  before: string | undefined,
): Promise<number | null> {
  if (before === undefined) return Number.MAX_SAFE_INTEGER
  const rows = await q.query<{ seq: number | string }>(`SELECT seq FROM ${table} WHERE ${column} = $1 AND id = $2`, [
    scope,
    before,
  ])
  return rows[0] ? Number(rows[0].seq) : null
}
