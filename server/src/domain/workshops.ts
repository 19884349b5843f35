import { canRunWorkshops, type Role, type VerdictId } from '@fc/shared'
import type { Db, Queryable } from '../storage/db.js'
import { toBytes } from '../storage/db.js'
import type { AccessEvents } from './access-events.js'
import { DomainError, isUniqueViolation } from './errors.js'
import { newId } from './ids.js'
import { newJoinCode } from './join-codes.js'

export interface Workshop {
  id: string
  workspaceId: string
  articleId: string
  title: string
  joinCode: string
  hasKey: boolean
  revealedAt: string | null
  /** When the copies lock (the trainer's countdown), or null: no end set. */
  endsAt: string | null
  createdBy: string
  createdAt: string
}

/** One claim of the answer key. Lives in the database only, never in a Y.Doc. */
export interface AnswerKeyClaim {
  quote: string
  verdict: VerdictId
  rationale?: string | undefined
}

interface WorkshopRow {
  id: string
  workspace_id: string
  article_id: string
  title: string
  join_code: string
  has_key: number | boolean
  revealed_at: number | null
  ends_at: number | string | null
  created_by: string
  created_at: number
}

// The key itself is only read by getAnswerKey: a workshop row handed around never carries it.
const COLUMNS = `id, workspace_id, article_id, title, join_code, (answer_key IS NOT NULL) AS has_key, revealed_at, ends_at, created_by, created_at`

function fromRow(r: WorkshopRow): Workshop {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    articleId: r.article_id,
    title: r.title,
    joinCode: r.join_code,
    hasKey: Boolean(r.has_key),
    revealedAt: r.revealed_at === null ? null : new Date(Number(r.revealed_at)).toISOString(),
    endsAt: r.ends_at === null ? null : new Date(Number(r.ends_at)).toISOString(),
    createdBy: r.created_by,
    createdAt: new Date(Number(r.created_at)).toISOString(),
  }
}

/**
 * Trainers: owners and editors of the workspace, and the workshop's creator while
 * they are still a member. A removed member trains nothing.
 */
export function isTrainer(role: Role | null, userId: string, workshop: Pick<Workshop, 'createdBy'>): boolean {
  if (!role) return false
  return canRunWorkshops(role) || workshop.createdBy === userId
}

export async function createWorkshop(
  q: Queryable,
  input: { workspaceId: string; articleId: string; title: string; createdBy: string; bodySnapshot: Uint8Array },
): Promise<Workshop> {
  const id = newId()
  const now = Date.now()
  // A fresh code collides with a live one about once in 10^12; retry rather than fail the request.
  for (let attempt = 0; ; attempt++) {
    const joinCode = newJoinCode()
    try {
      await q.query(
        `INSERT INTO workshops (id, workspace_id, article_id, title, join_code, body_snapshot, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, input.workspaceId, input.articleId, input.title, joinCode, input.bodySnapshot, input.createdBy, now],
      )
      return {
        id,
        workspaceId: input.workspaceId,
        articleId: input.articleId,
        title: input.title,
        joinCode,
        hasKey: false,
        revealedAt: null,
        endsAt: null,
        createdBy: input.createdBy,
        createdAt: new Date(now).toISOString(),
      }
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 4) throw err
    }
  }
}

export async function getWorkshop(q: Queryable, id: string): Promise<Workshop | null> {
  const rows = await q.query<WorkshopRow>(`SELECT ${COLUMNS} FROM workshops WHERE id = $1`, [id])
  return rows[0] ? fromRow(rows[0]) : null
}

export async function findWorkshopByCode(q: Queryable, joinCode: string): Promise<Workshop | null> {
  const rows = await q.query<WorkshopRow>(`SELECT ${COLUMNS} FROM workshops WHERE join_code = $1`, [joinCode])
  return rows[0] ? fromRow(rows[0]) : null
}

export async function listWorkshops(q: Queryable, workspaceId: string): Promise<Workshop[]> {
  const rows = await q.query<WorkshopRow>(
    `SELECT ${COLUMNS} FROM workshops WHERE workspace_id = $1 ORDER BY created_at, id`,
    [workspaceId],
  )
  return rows.map(fromRow)
}

/** The article's body as it was when the workshop was created: every participant's copy starts from it. */
export async function workshopBodySnapshot(q: Queryable, id: string): Promise<Uint8Array> {
  const rows = await q.query<{ body_snapshot: unknown }>('SELECT body_snapshot FROM workshops WHERE id = $1', [id])
  if (!rows[0]) throw new DomainError('not_found', 'workshop not found')
  return toBytes(rows[0].body_snapshot)
}

export async function setAnswerKey(q: Queryable, id: string, claims: AnswerKeyClaim[]): Promise<void> {
  await q.query('UPDATE workshops SET answer_key = $1 WHERE id = $2', [JSON.stringify(claims), id])
}

/** The key, or null before a trainer has set one. */
export async function getAnswerKey(q: Queryable, id: string): Promise<AnswerKeyClaim[] | null> {
  const rows = await q.query<{ answer_key: string | null }>('SELECT answer_key FROM workshops WHERE id = $1', [id])
  const raw = rows[0]?.answer_key
  return raw ? (JSON.parse(raw) as AnswerKeyClaim[]) : null
}

/** The end time has passed: the copies are locked, joining is closed and the end cannot move. */
export function hasEnded(w: Pick<Workshop, 'endsAt'>, now = Date.now()): boolean {
  return w.endsAt !== null && Date.parse(w.endsAt) <= now
}

/**
 * Sets or clears the end, unless it has already passed (false: the end stands, 409). The
 * condition is in the statement so an end passing while the request ran cannot be moved.
 */
export async function setWorkshopEnd(q: Queryable, id: string, endsAt: number | null): Promise<boolean> {
  const rows = await q.query(
    'UPDATE workshops SET ends_at = $1 WHERE id = $2 AND (ends_at IS NULL OR ends_at > $3) RETURNING id',
    [endsAt, id, Date.now()],
  )
  return rows.length > 0
}

export async function renameWorkshop(q: Queryable, id: string, title: string): Promise<void> {
  await q.query('UPDATE workshops SET title = $1 WHERE id = $2', [title, id])
}

/**
 * Removes the workshop and its participants (their rows, not their documents: those
 * are forgotten once no socket holds them, see deleteWorkshop in workshop-deletion.ts).
 * Returns the participants' document ids.
 */
export async function deleteWorkshopRows(db: Db, id: string): Promise<string[]> {
  return db.tx(async (q) => {
    const rows = await q.query<{ doc_id: string }>('SELECT doc_id FROM workshop_participants WHERE workshop_id = $1', [
      id,
    ])
    // Explicit rather than relying on ON DELETE CASCADE, which SQLite honours only with foreign_keys on.
    await q.query('DELETE FROM workshop_participants WHERE workshop_id = $1', [id])
    await q.query('DELETE FROM workshops WHERE id = $1', [id])
    return rows.map((r) => r.doc_id)
  })
}

/**
 * Idempotent: revealing twice keeps the first time. Answers are final from now on: open
 * participant sockets turn read-only (the gate opens new ones so).
 */
export async function revealWorkshop(q: Queryable, access: AccessEvents, id: string): Promise<void> {
  await q.query('UPDATE workshops SET revealed_at = $1 WHERE id = $2 AND revealed_at IS NULL', [Date.now(), id])
  access.changed({ kind: 'workshop-revealed', workshopId: id })
}
