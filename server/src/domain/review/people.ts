import type { PersonRef } from '@fc/shared'
import type { Queryable } from '../../storage/db.js'

/** Names of the given users, for records that show people, not ids. Unknown ids are left out. */
export async function peopleByIds(
  q: Queryable,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id !== ''))]
  if (wanted.length === 0) return new Map()
  const placeholders = wanted.map((_, i) => `$${i + 1}`).join(', ')
  const rows = await q.query<{ id: string; name: string }>(
    `SELECT id, name FROM users WHERE id IN (${placeholders})`,
    wanted,
  )
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]))
}
