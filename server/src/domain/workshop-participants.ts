import type { Queryable } from '../storage/db.js'
import type { DocStore } from '../storage/doc-store.js'
import { isUniqueViolation } from './errors.js'
import { newId } from './ids.js'

/** One person in one workshop, working on their own copy of the article (`docId`). */
export interface Participant {
  id: string
  workshopId: string
  guestId: string
  name: string
  docId: string
  joinedAt: string
}

interface ParticipantRow {
  id: string
  workshop_id: string
  guest_id: string
  name: string
  doc_id: string
  joined_at: number
}

const COLUMNS = 'id, workshop_id, guest_id, name, doc_id, joined_at'

function fromRow(r: ParticipantRow): Participant {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    guestId: r.guest_id,
    name: r.name,
    docId: r.doc_id,
    joinedAt: new Date(Number(r.joined_at)).toISOString(),
  }
}

export async function participantOf(q: Queryable, workshopId: string, guestId: string): Promise<Participant | null> {
  const rows = await q.query<ParticipantRow>(
    `SELECT ${COLUMNS} FROM workshop_participants WHERE workshop_id = $1 AND guest_id = $2`,
    [workshopId, guestId],
  )
  return rows[0] ? fromRow(rows[0]) : null
}

export async function participantByDocId(q: Queryable, docId: string): Promise<Participant | null> {
  const rows = await q.query<ParticipantRow>(`SELECT ${COLUMNS} FROM workshop_participants WHERE doc_id = $1`, [docId])
  return rows[0] ? fromRow(rows[0]) : null
}

export async function listParticipants(q: Queryable, workshopId: string): Promise<Participant[]> {
  const rows = await q.query<ParticipantRow>(
    `SELECT ${COLUMNS} FROM workshop_participants WHERE workshop_id = $1 ORDER BY joined_at, id`,
    [workshopId],
  )
  return rows.map(fromRow)
}

export async function countParticipants(q: Queryable, workshopIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  if (workshopIds.length === 0) return counts
  const placeholders = workshopIds.map((_, i) => `$${i + 1}`).join(', ')
  const rows = await q.query<{ workshop_id: string; n: number | string }>(
    `SELECT workshop_id, COUNT(*) AS n FROM workshop_participants WHERE workshop_id IN (${placeholders}) GROUP BY workshop_id`,
    workshopIds,
  )
  for (const r of rows) counts.set(r.workshop_id, Number(r.n))
  return counts
}

/**
 * The guest's participant in the workshop, created on first join with a copy of
 * the workshop's article body. A guest joining again (a reload, a second tab) gets
 * the same participant and copy back. The copy is on disk before the row exists,
 * like an article's body, so any docId handed out already has its text.
 * Not for use inside `db.tx` (the store's flush needs the database).
 */
export async function joinWorkshop(
  q: Queryable,
  store: DocStore,
  input: { workshopId: string; guestId: string; name: string; bodySnapshot: () => Promise<Uint8Array> },
): Promise<{ participant: Participant; created: boolean }> {
  const existing = await participantOf(q, input.workshopId, input.guestId)
  if (existing) return { participant: existing, created: false }
  const participant: Participant = {
    id: newId(),
    workshopId: input.workshopId,
    guestId: input.guestId,
    name: input.name,
    docId: newId(),
    joinedAt: new Date().toISOString(),
  }
  store.appendUpdate(participant.docId, await input.bodySnapshot())
  await store.flush()
  try {
    await q.query(`INSERT INTO workshop_participants (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
      participant.id,
      participant.workshopId,
      participant.guestId,
      participant.name,
      participant.docId,
      Date.parse(participant.joinedAt),
    ])
  } catch (err) {
    // Two joins of one guest at once: the first row wins; the loser's copy is never reachable (no row names it).
    if (!isUniqueViolation(err)) throw err
    const winner = await participantOf(q, input.workshopId, input.guestId)
    if (!winner) throw err
    return { participant: winner, created: false }
  }
  return { participant, created: true }
}
