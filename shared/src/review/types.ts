import type { PersonRef, ReviewState } from '../protocol/events.js'
import type { VerdictId } from '../schema/verdicts.js'
import type { Decision, ReviewReason } from './transitions.js'

/** One decision, as `POST .../decisions` answers it and `GET .../review` lists it. */
export interface ReviewDecision {
  id: string
  claimId: string
  decision: Decision
  note: string | null
  by: PersonRef
  at: string
}

/** `GET /api/articles/:id/review`: review state per claim, decisions, publication. */
export interface ArticleReview {
  claims: Array<{
    claimId: string
    state: ReviewState
    verdict: VerdictId | null
    verdictSetBy?: PersonRef
    verdictSetAt?: string
    approvedBy?: PersonRef
    approvedAt?: string
  }>
  decisions: ReviewDecision[]
  factCheckPublishedAt: string | null
  lastPublishedAt: string | null
  publishedUrl: string | null
  updatedAfterPublish: boolean
}

/** One item of `GET /api/workspaces/:id/review-queue`. */
export interface ReviewQueueItem {
  articleId: string
  articleTitle: string
  claimId: string
  quote: string
  verdict: VerdictId | null
  rationale: string | null
  evidenceCount: number
  /** Null when the change that reopened it came from nobody the server knows. */
  requestedBy: PersonRef | null
  requestedAt: string
  reason: ReviewReason
}

/** One item of `GET /api/articles/:id/corrections`. */
export interface CorrectionItem {
  at: string
  by: PersonRef
  note: string
  claims: string[]
}
