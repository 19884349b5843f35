import { useEffect, useRef } from 'react'
import { Avatar } from '../../live/Avatar'
import { colorForId } from '../../ui/identity'
import { useClaimSelection, type ClaimView } from './ClaimsController'
import { ClaimDetail } from './ClaimDetail'
import { fitInColumn, revealInColumn } from './columnScroll'
import { StatusPill, VerdictChip } from './Chips'
import { personName, useClaimsEnv } from './context'
import { ReviewChip } from './review/ReviewChip'
import { useReview } from './review/reviewContext'
import { plural } from './format'
import { verdictKey } from './verdictStyle'

interface ClaimCardProps {
  view: ClaimView
  open: boolean
  unread: number
  /** The card is open and its discussion in view: its comments count as read. */
  onRead: () => void
  /** Its place in the whole list (1-based): a windowed list draws only some cards, screen readers still hear "n of m". */
  position?: { index: number; of: number }
}

export function ClaimCard({ view, open, unread, onRead, position }: ClaimCardProps) {
  const { controller, members, me, scale } = useClaimsEnv()
  const { revealCard } = useClaimSelection(controller)
  const { claim } = view
  const reviewState = useReview()?.stateOf(claim.id)?.state
  const cardRef = useRef<HTMLElement>(null)
  const headRef = useRef<HTMLButtonElement>(null)
  const detailId = `claim-detail-${claim.id}`

  // Opened by a click in the text: bring the card into view in the sidebar.
  useEffect(() => {
    if (!open || revealCard === 0 || cardRef.current === null) return
    revealInColumn(cardRef.current)
  }, [open, revealCard])

  // Opened in the list: a card that now runs below the column's edge comes up, its verdict and discussion in view.
  useEffect(() => {
    if (!open) return
    const frame = requestAnimationFrame(() => cardRef.current && fitInColumn(cardRef.current))
    return () => cancelAnimationFrame(frame)
  }, [open])

  // While open, new comments are seen as they arrive.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new comment (claim.comments) must mark the thread read again while it is open
  useEffect(() => {
    if (open) onRead()
  }, [open, claim.comments, onRead])

  const assignee = claim.assignee
  const assigneeName = assignee === undefined ? null : personName(members, assignee)
  const assigneeLabel = assignee === me.id ? 'you' : assigneeName

  return (
    <li className="claim-list__item" aria-posinset={position?.index} aria-setsize={position?.of}>
      <article
        ref={cardRef}
        className={`claim-card claim-card--${verdictKey(claim.verdict)}${open ? ' claim-card--open' : ''}`}
        data-testid="claim-card"
        data-claim-card=""
        data-claim-id={claim.id}
        data-open={open}
        aria-label={`Claim: ${claim.quote}`}
        onMouseEnter={() => controller.point(claim.id)}
        onMouseLeave={() => controller.point(null)}
        onFocus={() => controller.point(claim.id)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) controller.point(null)
        }}
      >
        <button
          ref={headRef}
          type="button"
          className="claim-card__head"
          data-claim-head=""
          aria-expanded={open}
          aria-controls={open ? detailId : undefined}
          onClick={() => controller.toggle(claim.id)}
        >
          <q className="claim-card__quote" data-testid="claim-quote">
            {claim.quote}
          </q>
          <span className="claim-card__meta">
            <StatusPill status={claim.status} />
            {/* Who has it, beside its status: a desk scans the list for its own and its unassigned claims. */}
            {assignee !== undefined && assigneeName !== null && (
              <span
                className="claim-card__assignee"
                title={`Assigned to ${assigneeLabel}`}
                data-testid="claim-assignee"
              >
                <Avatar name={assigneeName} color={colorForId(assignee)} size="small" decorative />
                <span className="visually-hidden">Assigned to {assigneeLabel}</span>
              </span>
            )}
            <VerdictChip verdict={claim.verdict} scale={scale} />
            {reviewState !== undefined && reviewState !== 'unreviewed' && <ReviewChip state={reviewState} />}
            <span className="claim-card__counts">
              <span
                className="claim-card__count"
                title={plural(claim.evidence.length, 'piece of evidence', 'pieces of evidence')}
                data-testid="evidence-count"
              >
                <EvidenceIcon />
                {claim.evidence.length}
                <span className="visually-hidden"> evidence</span>
              </span>
              <span
                className={`claim-card__count${unread > 0 ? ' claim-card__count--unread' : ''}`}
                title={
                  unread > 0
                    ? `${plural(unread, 'unread comment')} of ${claim.comments.length}`
                    : plural(claim.comments.length, 'comment')
                }
                data-testid="comment-count"
                data-unread={unread}
              >
                <CommentIcon />
                {unread > 0 ? `${unread} new` : claim.comments.length}
                <span className="visually-hidden"> {unread > 0 ? 'unread comments' : 'comments'}</span>
              </span>
            </span>
          </span>
        </button>
        {open && <ClaimDetail id={detailId} view={view} onClose={() => headRef.current?.focus()} />}
      </article>
    </li>
  )
}

function EvidenceIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="13" height="13" className="icon">
      <path
        fill="currentColor"
        d="M6.2 4.3a3 3 0 0 1 4.2 0l.1.1a.75.75 0 1 1-1.06 1.06l-.1-.1a1.5 1.5 0 0 0-2.12 0L4.3 8.38a1.5 1.5 0 0 0 2.12 2.12l.6-.6a.75.75 0 1 1 1.06 1.06l-.6.6A3 3 0 0 1 3.24 7.32L6.2 4.3Zm3.6 7.4a3 3 0 0 1-4.2 0l-.1-.1a.75.75 0 1 1 1.06-1.06l.1.1a1.5 1.5 0 0 0 2.12 0l2.92-2.96a1.5 1.5 0 0 0-2.12-2.12l-.6.6a.75.75 0 0 1-1.06-1.06l.6-.6a3 3 0 0 1 4.24 4.24L9.8 11.7Z"
      />
    </svg>
  )
}

function CommentIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="13" height="13" className="icon">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
        d="M3.25 2.75h9.5c.55 0 1 .45 1 1v6c0 .55-.45 1-1 1H8l-3.25 2.5v-2.5h-1.5c-.55 0-1-.45-1-1v-6c0-.55.45-1 1-1Z"
      />
    </svg>
  )
}
