import { reviewTransition } from '@fc/shared/review/index'
import type { ArticleReview, DecisionRecord, QueueReason, ReviewState } from '../../../api/review'

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  unreviewed: 'Unreviewed',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
}

export const QUEUE_REASON_LABELS: Record<QueueReason, string> = {
  requested: 'Review requested',
  'changed-after-approval': 'Changed after approval',
}

/** The claim's decisions, newest first (the server lists them in the order they were made). */
export function decisionsOf(review: ArticleReview | null, claimId: string): DecisionRecord[] {
  return (review?.decisions ?? [])
    .filter((d) => d.claimId === claimId)
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
}

/** Which review actions move the claim from `state` (the shared transition table), for the buttons. */
export function reviewActions(
  state: ReviewState,
  hasVerdict: boolean,
): { request: boolean; approve: boolean; requestChanges: boolean } {
  const moves = (action: Parameters<typeof reviewTransition>[1]) =>
    reviewTransition(state, action, hasVerdict).kind === 'moved'
  return { request: moves('review-request'), approve: moves('approve'), requestChanges: moves('request-changes') }
}

/** `you` for the caller, the name otherwise. */
export function whoName(person: { id: string; name: string }, meId: string): string {
  return person.id === meId ? 'you' : person.name
}
