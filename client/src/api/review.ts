// Typed calls for the editor's desk (docs/api.md, "Review and publishing"): a claim's review
// state, decisions, the workspace's review queue, publishing and corrections. A claim's review
// state is the server's (kept outside the document), so every screen reads it from here.

import { REVIEW_STATES, type PersonRef, type ReviewState } from '@fc/shared'
import type { Decision, ReviewReason } from '@fc/shared/review/index'
import { isVerdictId, type VerdictId } from '@fc/shared/schema/index'
import { ApiError, call, client } from './api'

export type { Decision, PersonRef, ReviewState }

// The shapes below are the server's (`@fc/shared/review`: ArticleReview, ReviewQueueItem,
// CorrectionItem) as the screens use them: absent rather than null, and read defensively.

const id = encodeURIComponent

/** One claim's review, as `GET /api/articles/:id/review` lists it. */
export interface ClaimReviewState {
  claimId: string
  state: ReviewState
  verdict?: VerdictId
  verdictSetBy?: PersonRef
  verdictSetAt?: string
  approvedBy?: PersonRef
  approvedAt?: string
}

export interface DecisionRecord {
  id: string
  claimId: string
  decision: Decision
  note: string
  by: PersonRef
  at: string
}

/** `GET /api/articles/:id/review`: every claim's state, the decisions, the article's publication. */
export interface ArticleReview {
  claims: ClaimReviewState[]
  decisions: DecisionRecord[]
  factCheckPublishedAt: string | null
  lastPublishedAt: string | null
  publishedUrl: string | null
  updatedAfterPublish: boolean
}

export type QueueReason = ReviewReason

/** One claim waiting in `GET /api/workspaces/:id/review-queue`, oldest request first. */
export interface QueueItem {
  articleId: string
  articleTitle: string
  claimId: string
  quote: string
  verdict?: VerdictId
  rationale: string
  evidenceCount: number
  /** null when the change that reopened it came from nobody the server knows. */
  requestedBy: PersonRef | null
  requestedAt: string
  reason: QueueReason
}

/** As the server types it: a first publish sets both, so neither is null after one succeeded. */
export interface Published {
  factCheckPublishedAt: string | null
  lastPublishedAt: string | null
}

export interface Correction {
  at: string
  by: PersonRef
  note: string
  claims: string[]
}

/** A refused publish (409): the claims with a verdict that are not approved yet. */
export class PublishRefused extends ApiError {
  readonly unapproved: string[]
  constructor(message: string, unapproved: string[]) {
    super(message, 409)
    this.name = 'PublishRefused'
    this.unapproved = unapproved
  }
}

export function isReviewState(value: unknown): value is ReviewState {
  return typeof value === 'string' && (REVIEW_STATES as readonly string[]).includes(value)
}

const claim = (articleId: string, claimId: string) => ({ param: { id: id(articleId), claimId: id(claimId) } })

export const fetchArticleReview = (articleId: string) =>
  call(client.api.articles[':id'].review.$get({ param: { id: id(articleId) } })).then(readArticleReview)

export const requestReview = (articleId: string, claimId: string, note?: string): Promise<{ state: ReviewState }> =>
  call(
    client.api.articles[':id'].claims[':claimId']['review-request'].$post({
      ...claim(articleId, claimId),
      json: note === undefined ? {} : { note },
    }),
  )

export const decide = (
  articleId: string,
  claimId: string,
  decision: Decision,
  note: string,
): Promise<Omit<DecisionRecord, 'note'> & { note: string | null; state: ReviewState }> =>
  call(
    client.api.articles[':id'].claims[':claimId'].decisions.$post({
      ...claim(articleId, claimId),
      // An approval's note is optional: an empty one is not sent.
      json: note.trim() === '' ? { decision } : { decision, note: note.trim() },
    }),
  )

export const fetchReviewQueue = (workspaceId: string) =>
  call(client.api.workspaces[':id']['review-queue'].$get({ param: { id: id(workspaceId) } })).then(readQueue)

export const fetchCorrections = (articleId: string) =>
  call(client.api.articles[':id'].corrections.$get({ param: { id: id(articleId) } })).then(readCorrections)

/** Publishes (or publishes again); a 409 with the unapproved claims becomes PublishRefused. */
export async function publishArticle(articleId: string, input: { url?: string; note?: string }): Promise<Published> {
  try {
    return await call(client.api.articles[':id'].publish.$post({ param: { id: id(articleId) }, json: input }))
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const unapproved = list(obj(error.body).unapproved).filter((x): x is string => typeof x === 'string')
      throw new PublishRefused(error.message, unapproved)
    }
    throw error
  }
}

// Readers: the server is ours, but a field it does not send yet (an older server) must not
// break a screen, so every field is checked and defaults to "nothing".

function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

function person(value: unknown): PersonRef | undefined {
  const p = obj(value)
  return typeof p.id === 'string'
    ? { id: p.id, name: typeof p.name === 'string' && p.name !== '' ? p.name : 'Former member' }
    : undefined
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function readArticleReview(body: unknown): ArticleReview {
  const b = obj(body)
  return {
    claims: list(b.claims).flatMap((entry): ClaimReviewState[] => {
      const c = obj(entry)
      if (typeof c.claimId !== 'string' || !isReviewState(c.state)) return []
      const out: ClaimReviewState = { claimId: c.claimId, state: c.state }
      if (isVerdictId(c.verdict)) out.verdict = c.verdict
      const setBy = person(c.verdictSetBy)
      if (setBy) out.verdictSetBy = setBy
      if (text(c.verdictSetAt)) out.verdictSetAt = text(c.verdictSetAt)
      const approvedBy = person(c.approvedBy)
      if (approvedBy) out.approvedBy = approvedBy
      if (text(c.approvedAt)) out.approvedAt = text(c.approvedAt)
      return [out]
    }),
    decisions: list(b.decisions).flatMap((entry): DecisionRecord[] => {
      const d = obj(entry)
      const by = person(d.by)
      if (typeof d.id !== 'string' || typeof d.claimId !== 'string' || by === undefined) return []
      if (d.decision !== 'approve' && d.decision !== 'request-changes') return []
      return [
        { id: d.id, claimId: d.claimId, decision: d.decision, note: text(d.note) ?? '', by, at: text(d.at) ?? '' },
      ]
    }),
    factCheckPublishedAt: text(b.factCheckPublishedAt) ?? null,
    lastPublishedAt: text(b.lastPublishedAt) ?? null,
    publishedUrl: text(b.publishedUrl) ?? null,
    updatedAfterPublish: b.updatedAfterPublish === true,
  }
}

export function readQueue(body: unknown): QueueItem[] {
  return list(body).flatMap((entry): QueueItem[] => {
    const q = obj(entry)
    if (typeof q.articleId !== 'string' || typeof q.claimId !== 'string') return []
    return [
      {
        articleId: q.articleId,
        articleTitle: text(q.articleTitle) ?? '',
        claimId: q.claimId,
        quote: text(q.quote) ?? '',
        ...(isVerdictId(q.verdict) ? { verdict: q.verdict } : {}),
        rationale: text(q.rationale) ?? '',
        evidenceCount: typeof q.evidenceCount === 'number' ? q.evidenceCount : 0,
        requestedBy: person(q.requestedBy) ?? null,
        requestedAt: text(q.requestedAt) ?? '',
        reason: q.reason === 'changed-after-approval' ? 'changed-after-approval' : 'requested',
      },
    ]
  })
}

export function readCorrections(body: unknown): Correction[] {
  return list(body).flatMap((entry): Correction[] => {
    const c = obj(entry)
    const by = person(c.by)
    if (by === undefined || typeof c.at !== 'string') return []
    return [
      {
        at: c.at,
        by,
        note: text(c.note) ?? '',
        claims: list(c.claims).filter((x): x is string => typeof x === 'string'),
      },
    ]
  })
}
