import {
  type Claim,
  type Decision,
  type ReviewDecision,
  type ReviewReason,
  type ReviewState,
  readClaim,
  REVIEWED_FIELDS,
  reviewTransition,
  type ReviewAction,
} from '@fc/shared'
import { withDocument } from '../../articles/doc-reader.js'
import type { ClaimChangeEvent, ClaimChangeListener } from '../../collab/attribution/attribution.js'
import type { RoomRegistry } from '../../collab/rooms.js'
import type { EventBus } from '../../events/event-bus.js'
import type { Db, Queryable } from '../../storage/db.js'
import type { DocStore } from '../../storage/doc-store.js'
import type { Article } from '../articles.js'
import { conflict, notFound } from '../errors.js'
import { listMembers } from '../workspaces.js'
import { decisionMade, reviewRequested } from '../history/review-activity.js'
import { peopleByIds } from './people.js'
import {
  iso,
  recordDecision,
  recordRequest,
  reviewOf,
  type ReviewRow,
  saveReview,
  saveVerdictSetter,
  verdictSettersOf,
} from './review-records.js'

export interface ReviewDeps {
  db: Db
  registry: RoomRegistry
  store: DocStore
  events: EventBus
}

/** The claim as the document has it now (live room or storage); 404 when it is not there. */
export async function currentClaim(
  deps: Pick<ReviewDeps, 'registry' | 'store'>,
  article: Article,
  claimId: string,
): Promise<Claim> {
  const claim = await withDocument(deps.registry, deps.store, article.docId, (doc) => readClaim(doc, claimId))
  if (!claim) throw notFound('claim')
  return claim
}

/** Serialises every change of one claim's review across instances (an advisory lock on PostgreSQL). */
const lockKey = (articleId: string, claimId: string) => `review:${articleId}:${claimId}`

function emptyRow(articleId: string, claimId: string): ReviewRow {
  return {
    article_id: articleId,
    claim_id: claimId,
    state: 'unreviewed',
    requested_by: null,
    requested_at: null,
    reason: null,
    approved_by: null,
    approved_at: null,
  }
}

/** Tells every member of the article's workspace, on every instance (`review` live event). */
async function announce(
  deps: ReviewDeps,
  article: Pick<Article, 'id' | 'workspaceId'>,
  claimId: string,
  state: ReviewState,
): Promise<void> {
  const members = await listMembers(deps.db, article.workspaceId)
  deps.events.publish(
    { type: 'review', data: { articleId: article.id, claimId, state } },
    { users: members.map((m) => m.userId) },
  )
}

function moveOrRefuse(row: ReviewRow, action: ReviewAction, claim: Claim) {
  const outcome = reviewTransition(row.state, action, claim.verdict !== undefined)
  if (outcome.kind === 'conflict') throw conflict(outcome.error)
  return outcome
}

/** `POST .../review-request`: 201 and a record when the claim moves to in-review, 200 and none when it already is. */
export async function requestReview(
  deps: ReviewDeps,
  input: { article: Article; claim: Claim; userId: string; note: string | null },
): Promise<{ state: ReviewState; created: boolean }> {
  const { article, claim } = input
  const result = await deps.db.txLocked(lockKey(article.id, claim.id), async (q) => {
    const row = (await reviewOf(q, article.id, claim.id)) ?? emptyRow(article.id, claim.id)
    const outcome = moveOrRefuse(row, 'review-request', claim)
    if (outcome.kind === 'unchanged') return { state: outcome.state, created: false }
    const at = Date.now()
    await openReview(q, row, { reason: 'requested', by: input.userId, note: input.note, at })
    return { state: 'in-review' as const, created: true }
  })
  if (result.created) {
    await announce(deps, article, claim.id, result.state)
    await reviewRequested(deps, article, claim, input.userId)
  }
  return result
}

async function openReview(
  q: Queryable,
  row: ReviewRow,
  r: { reason: ReviewReason; by: string | null; note: string | null; at: number },
): Promise<void> {
  await saveReview(q, {
    ...row,
    state: 'in-review',
    requested_by: r.by,
    requested_at: r.at,
    reason: r.reason,
    approved_by: null,
    approved_at: null,
  })
  await recordRequest(q, {
    articleId: row.article_id,
    claimId: row.claim_id,
    reason: r.reason,
    note: r.note,
    by: r.by,
    at: r.at,
  })
}

/**
 * `POST .../decisions`: approve (needs a verdict) or request changes, as the transition table allows.
 * The claim is read again under the claim's lock, after the decision's time is taken: a change
 * applied before that read is part of what was approved, one applied after it is stamped no
 * earlier than the approval, so its listener (waiting for the same lock) reopens the claim.
 * Without this, a change landing between the route's read and the approval would be approved
 * unseen and never reopen it.
 */
export async function decide(
  deps: ReviewDeps,
  input: { article: Article; claim: Claim; userId: string; decision: Decision; note: string | null },
): Promise<ReviewDecision & { state: ReviewState }> {
  const { article, decision } = input
  const claimId = input.claim.id
  // `locked`, not `txLocked`: the claim may be read from storage, which on SQLite must not wait
  // inside a transaction (one connection). On SQLite (one process) a live room's read is
  // synchronous, so no socket update lands between it and the queued transaction.
  const made = await deps.db.locked(lockKey(article.id, claimId), async (tx) => {
    const at = Date.now()
    const claim = await currentClaim(deps, article, claimId)
    return tx(async (q) => {
      const row = (await reviewOf(q, article.id, claim.id)) ?? emptyRow(article.id, claim.id)
      const outcome = moveOrRefuse(row, decision, claim)
      if (outcome.kind !== 'moved') throw conflict('nothing to decide')
      const approved = outcome.to === 'approved'
      await saveReview(q, {
        ...row,
        state: outcome.to,
        approved_by: approved ? input.userId : null,
        approved_at: approved ? at : null,
      })
      const id = await recordDecision(q, {
        articleId: article.id,
        claimId: claim.id,
        decision,
        note: input.note,
        by: input.userId,
        at,
      })
      return { id, at, state: outcome.to, requestedBy: row.requested_by, claim }
    })
  })
  await announce(deps, article, claimId, made.state)
  const verdictSetBy =
    (await verdictSettersOf(deps.db, article.docId)).find((v) => v.claim_id === claimId)?.set_by ?? null
  await decisionMade(deps, {
    article,
    claim: made.claim,
    actorId: input.userId,
    decision,
    at: made.at,
    requestedBy: made.requestedBy,
    verdictSetBy,
  })
  const by = (await peopleByIds(deps.db, [input.userId])).get(input.userId) ?? { id: input.userId, name: '' }
  return { id: made.id, claimId, decision, note: input.note, by, at: iso(made.at), state: made.state }
}

const REVIEWED: ReadonlySet<string> = new Set(REVIEWED_FIELDS)

/** The claims an attributed update changed in a way review cares about (verdict, rationale, evidence, quote, claimant). */
function reviewedChanges(event: ClaimChangeEvent): Set<string> {
  const claims = new Set<string>()
  for (const change of event.changes) {
    if (change.kind === 'field' ? REVIEWED.has(change.field) : change.kind.startsWith('evidence-'))
      claims.add(change.claimId)
  }
  return claims
}

/**
 * Review state follows what attribution reports, never a document field: who set each verdict is
 * recorded, and an approved claim whose reviewed content changes goes back in review
 * (`changed-after-approval`, requested by whoever changed it).
 */
export function reviewFollowsChanges(
  deps: ReviewDeps,
  articleOf: (articleId: string) => Promise<Article | null>,
): ClaimChangeListener {
  return async (event) => {
    if (!event.articleId) return
    const at = Date.parse(event.at)
    for (const change of event.changes) {
      if (change.kind === 'field' && change.field === 'verdict') {
        await saveVerdictSetter(deps.db, event.docId, change.claimId, change.after ?? null, event.userId ?? null, at)
      } else if (change.kind === 'added') {
        // A claim created with its verdict in one update: its creator set it.
        const claim = await withDocument(deps.registry, deps.store, event.docId, (doc) =>
          readClaim(doc, change.claimId),
        )
        if (claim?.verdict)
          await saveVerdictSetter(deps.db, event.docId, change.claimId, claim.verdict, event.userId ?? null, at)
      }
    }
    const touched = reviewedChanges(event)
    if (touched.size === 0) return
    const article = await articleOf(event.articleId)
    if (!article) return
    for (const claimId of touched) {
      const reopened = await deps.db.txLocked(lockKey(article.id, claimId), async (q) => {
        const row = await reviewOf(q, article.id, claimId)
        // Listeners run a moment after the change was applied: one made before the approval was seen by the approver.
        if (row?.state !== 'approved' || at < Number(row.approved_at)) return false
        await openReview(q, row, { reason: 'changed-after-approval', by: event.userId ?? null, note: null, at })
        return true
      })
      if (!reopened) continue
      await announce(deps, article, claimId, 'in-review')
      // Told like any review request, from the person whose change reopened it; a change nobody
      // is bound to (or a workshop guest's) has nobody to name, so it reopens without telling.
      const actorId = event.userId
      if (actorId === undefined || actorId.startsWith('@')) continue
      const claim = await withDocument(deps.registry, deps.store, event.docId, (doc) => readClaim(doc, claimId))
      if (claim) await reviewRequested(deps, article, claim, actorId, 'changed-after-approval')
    }
  }
}
