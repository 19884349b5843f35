import type { ReviewState } from '../../../api/review'
import { REVIEW_STATE_LABELS } from './reviewFormat'

const TONES: Record<ReviewState, string> = {
  unreviewed: '',
  'in-review': 'tag--info',
  'changes-requested': 'tag--warning',
  approved: 'tag--success',
}

/** A claim's review state (the server's, never the document's `status`). */
export function ReviewChip({ state }: { state: ReviewState }) {
  return (
    <span className={`tag review-chip ${TONES[state]}`} data-testid="review-chip" data-state={state}>
      <ReviewIcon state={state} />
      {REVIEW_STATE_LABELS[state]}
    </span>
  )
}

function ReviewIcon({ state }: { state: ReviewState }) {
  const path =
    state === 'approved'
      ? 'M3.5 8.5l3 3 6-7'
      : state === 'changes-requested'
        ? 'M8 4v5M8 11.5v.5'
        : state === 'in-review'
          ? 'M8 4.5V8l2.5 1.5'
          : 'M4.5 8h7'
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" className="icon">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
