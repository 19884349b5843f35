import type { Decision, ReviewReason, ReviewState } from '@fc/shared'
import type { Queryable } from '../../storage/db.js'
import { newId } from '../ids.js'

/** A claim's review row; a claim without one is `unreviewed`. */
export interface ReviewRow {
  article_id: string
  claim_id: string
  state: ReviewState
  requested_by: string | null
  requested_at: number | string | null
  reason: ReviewReason | null
  approved_by: string | null
  approved_at: number | string | null
}

export interface DecisionRow {
  id: string
  claim_id: string
  decision: Decision
  note: string | null
  by_user: string
  at: number | string
}

export const iso = (ms: number | string): string => new Date(Number(ms)).toISOString()

export async function reviewOf(q: Queryable, articleId: string, claimId: string): Promise<ReviewRow | undefined> {
  const rows = await q.query<ReviewRow>('SELECT * FROM claim_reviews WHERE article_id = $1 AND claim_id = $2', [
    articleId,
    claimId,
  ])
  return rows[0]
}

export function reviewsOf(q: Queryable, articleId: string): Promise<ReviewRow[]> {
  return q.query<ReviewRow>('SELECT * FROM claim_reviews WHERE article_id = $1', [articleId])
}

/** The claims' review starts over (`unreviewed`, the state of a claim with no row): a restored claim is a new draft to review. */
export async function resetReviews(q: Queryable, articleId: string, claimIds: readonly string[]): Promise<void> {
  for (const claimId of claimIds)
    await q.query('DELETE FROM claim_reviews WHERE article_id = $1 AND claim_id = $2', [articleId, claimId])
}

/** When the user last decided on a claim of the article (ms), or null. */
export async function lastDecisionAt(q: Queryable, articleId: string, userId: string): Promise<number | null> {
  const rows = await q.query<{ at: number | string | null }>(
    'SELECT MAX(at) AS at FROM review_decisions WHERE article_id = $1 AND by_user = $2',
    [articleId, userId],
  )
  return rows[0]?.at == null ? null : Number(rows[0].at)
}

export async function saveReview(q: Queryable, row: ReviewRow): Promise<void> {
  await q.query(
    `INSERT INTO claim_reviews (article_id, claim_id, state, requested_by, requested_at, reason, approved_by, approved_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (article_id, claim_id) DO UPDATE SET state = excluded.state, requested_by = excluded.requested_by,
       requested_at = excluded.requested_at, reason = excluded.reason, approved_by = excluded.approved_by,
       approved_at = excluded.approved_at, updated_at = excluded.updated_at`,
    [
      row.article_id,
      row.claim_id,
      row.state,
      row.requested_by,
      row.requested_at === null ? null : Number(row.requested_at),
      row.reason,
      row.approved_by,
      row.approved_at === null ? null : Number(row.approved_at),
      Date.now(),
    ],
  )
}

export async function recordRequest(
  q: Queryable,
  r: { articleId: string; claimId: string; reason: ReviewReason; note: string | null; by: string | null; at: number },
): Promise<void> {
  await q.query(
    'INSERT INTO review_requests (id, article_id, claim_id, reason, note, by_user, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [newId(), r.articleId, r.claimId, r.reason, r.note, r.by, r.at],
  )
}

export async function recordDecision(
  q: Queryable,
  d: { articleId: string; claimId: string; decision: Decision; note: string | null; by: string; at: number },
): Promise<string> {
  const id = newId()
  await q.query(
    'INSERT INTO review_decisions (id, article_id, claim_id, decision, note, by_user, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, d.articleId, d.claimId, d.decision, d.note, d.by, d.at],
  )
  return id
}

/** Oldest first: the order they were made in. */
export function decisionsOf(q: Queryable, articleId: string): Promise<DecisionRow[]> {
  return q.query<DecisionRow>(
    'SELECT id, claim_id, decision, note, by_user, at FROM review_decisions WHERE article_id = $1 ORDER BY at, id',
    [articleId],
  )
}

/** Who set each claim's current verdict, and when (written from attribution, never from the document). */
export interface VerdictRow {
  claim_id: string
  verdict: string | null
  set_by: string | null
  set_at: number | string
}

export async function saveVerdictSetter(
  q: Queryable,
  docId: string,
  claimId: string,
  verdict: string | null,
  by: string | null,
  at: number,
): Promise<void> {
  await q.query(
    `INSERT INTO claim_verdicts (doc_id, claim_id, verdict, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (doc_id, claim_id) DO UPDATE SET verdict = excluded.verdict, set_by = excluded.set_by, set_at = excluded.set_at`,
    [docId, claimId, verdict, by, at],
  )
}

export function verdictSettersOf(q: Queryable, docId: string): Promise<VerdictRow[]> {
  return q.query<VerdictRow>('SELECT claim_id, verdict, set_by, set_at FROM claim_verdicts WHERE doc_id = $1', [docId])
}
