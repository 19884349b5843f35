import type { ReviewState } from '../protocol/events.js'

export { REVIEW_REASONS, type ReviewReason } from '../protocol/events.js'

/** What a person can do to a claim's review (docs/api.md, "Review and publishing"). */
export const REVIEW_ACTIONS = ['review-request', 'approve', 'request-changes'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

export const DECISIONS = ['approve', 'request-changes'] as const
export type Decision = (typeof DECISIONS)[number]

export type ReviewOutcome =
  /** The claim moves (201): a new record (request or decision) is made. */
  | { kind: 'moved'; to: ReviewState }
  /** Nothing changes and nothing is recorded (200): a second request while in review. */
  | { kind: 'unchanged'; state: ReviewState }
  /** Refused (409), nothing recorded. */
  | { kind: 'conflict'; error: string }

/**
 * The transition table, the one copy for the server (which enforces it) and the client (which
 * offers only what it allows). `hasVerdict`: approving needs a verdict on the claim.
 */
export function reviewTransition(from: ReviewState, action: ReviewAction, hasVerdict: boolean): ReviewOutcome {
  switch (action) {
    case 'review-request':
      if (from === 'in-review') return { kind: 'unchanged', state: from }
      if (from === 'approved')
        return { kind: 'conflict', error: 'the claim is approved: an editor can request changes to reopen it' }
      return { kind: 'moved', to: 'in-review' }
    case 'approve':
      if (from === 'approved') return { kind: 'conflict', error: 'the claim is already approved' }
      if (!hasVerdict) return { kind: 'conflict', error: 'the claim has no verdict to approve' }
      return { kind: 'moved', to: 'approved' }
    case 'request-changes':
      if (from === 'in-review' || from === 'approved') return { kind: 'moved', to: 'changes-requested' }
      return {
        kind: 'conflict',
        error: `changes can only be requested on a claim in review or approved (it is ${from})`,
      }
  }
}

/** Fields of a claim whose change after approval puts it back in review (evidence changes too). */
export const REVIEWED_FIELDS = ['verdict', 'rationale', 'quote', 'claimant'] as const
