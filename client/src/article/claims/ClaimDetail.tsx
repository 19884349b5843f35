import { useRef, useState } from 'react'
import { CLAIM_STATUSES, removeClaim, setClaimField, setStatus } from '@fc/shared/schema/index'
import { canEdit } from '../../api/types'
import type { ClaimView } from './ClaimsController'
import { revealInColumn } from './columnScroll'
import { CommentThread } from './CommentThread'
import { personName, useClaimsEnv, useClaimsFeatures } from './context'
import { EvidenceSection } from './EvidenceSection'
import { absoluteTime, plural, relativeTime, STATUS_LABELS } from './format'
import { ClaimantField } from './review/ClaimantField'
import { useReview } from './review/reviewContext'
import { ReviewPanel } from './review/ReviewPanel'
import { SeenBefore } from './SeenBefore'
import { VerdictEditor } from './VerdictEditor'

/**
 * The inside of an open claim card, dense enough that the verdict and the discussion are in view
 * as it opens: a bar with who marked it and one-click jumps to the discussion and the evidence,
 * the status steps, assignee and claimant side by side, the verdict and its review, then the
 * discussion, the evidence and what was seen before.
 */
export function ClaimDetail({ id, view, onClose }: { id: string; view: ClaimView; onClose: () => void }) {
  const { controller, members, me, canWrite } = useClaimsEnv()
  // Work goes to people who can do it: a viewer cannot write a verdict or evidence.
  const assignable = members.filter((m) => canEdit(m.role))
  const features = useClaimsFeatures()
  const { claim } = view
  const doc = controller.ydoc
  const [confirmDelete, setConfirmDelete] = useState(false)
  // "Needs review" is the team's status and, where the article has a review (not in a workshop), a review request.
  const review = useReview()
  const detailRef = useRef<HTMLDivElement>(null)

  const jumpTo = (section: 'evidence' | 'discussion') => {
    const heading = detailRef.current?.querySelector<HTMLElement>(`[data-section="${section}"]`)
    if (!heading) return
    revealInColumn(heading)
    heading.focus({ preventScroll: true })
  }

  return (
    <div className="claim-detail" id={id} data-testid="claim-detail" ref={detailRef}>
      {/* Who marked it, and the sections further down, one click away (their counts as in the card's head). */}
      <div className="claim-detail__bar">
        <p className="claim-detail__byline">
          Marked by {personName(members, claim.createdBy, me.id, features.strangerName)}
          {claim.createdAt !== '' && (
            <>
              {' '}
              <time dateTime={claim.createdAt} title={absoluteTime(claim.createdAt)}>
                {relativeTime(claim.createdAt)}
              </time>
            </>
          )}
          {view.anchor.status === 'detached' && (
            <span className="claim-detail__detached"> · words no longer in the text</span>
          )}
        </p>
        <nav className="claim-detail__jumps" aria-label="Sections of this claim">
          <button
            type="button"
            className="claim-detail__jump"
            onClick={() => jumpTo('discussion')}
            data-testid="jump-discussion"
          >
            Discussion <span className="claim-section__count">{claim.comments.length}</span>
          </button>
          <button
            type="button"
            className="claim-detail__jump"
            onClick={() => jumpTo('evidence')}
            data-testid="jump-evidence"
          >
            Evidence <span className="claim-section__count">{claim.evidence.length}</span>
          </button>
        </nav>
      </div>

      <div className="status-steps" role="group" aria-label="Status" data-testid="status-steps">
        {CLAIM_STATUSES.map((status, index) => {
          const current = CLAIM_STATUSES.indexOf(claim.status)
          return (
            <button
              key={status}
              type="button"
              className={`status-steps__step${index < current ? ' status-steps__step--past' : ''}`}
              aria-pressed={claim.status === status}
              data-status-step={status}
              disabled={!canWrite}
              onClick={() => {
                setStatus(doc, claim.id, status)
                // The review panel shows why a request failed.
                if (status === 'needs-review') void review?.request(claim.id).catch(() => undefined)
              }}
            >
              {STATUS_LABELS[status]}
            </button>
          )
        })}
      </div>

      {(features.assignees || review !== null) && (
        <div className="claim-detail__pair">
          {features.assignees && (
            <div className="claim-detail__row">
              <label className="cl-label" htmlFor={`${id}-assignee`}>
                Assignee
              </label>
              <select
                id={`${id}-assignee`}
                className="select"
                value={claim.assignee ?? ''}
                disabled={!canWrite}
                onChange={(e) =>
                  setClaimField(doc, claim.id, 'assignee', e.target.value === '' ? undefined : e.target.value)
                }
                data-testid="assignee-select"
              >
                <option value="">Unassigned</option>
                {claim.assignee !== undefined && !assignable.some((m) => m.userId === claim.assignee) && (
                  <option value={claim.assignee}>{personName(members, claim.assignee, me.id)}</option>
                )}
                {assignable.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.userId === me.id ? `${m.name} (you)` : m.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {review !== null && <ClaimantField claim={claim} idPrefix={id} />}
        </div>
      )}

      <VerdictEditor claim={claim} idPrefix={id} />
      <ReviewPanel claim={claim} idPrefix={id} />
      {/* The team's open questions before the reference list: both in view as the claim opens. */}
      <CommentThread claim={claim} idPrefix={id} />
      <EvidenceSection claim={claim} idPrefix={id} />
      <SeenBefore claim={claim} idPrefix={id} />

      {canWrite && (
        <footer className="claim-detail__footer">
          {confirmDelete ? (
            <div className="claim-confirm" role="alertdialog" aria-labelledby={`${id}-delete-q`}>
              <p id={`${id}-delete-q`} className="claim-confirm__question">
                Delete this claim
                {claim.evidence.length + claim.comments.length > 0 &&
                  ` with its ${[
                    claim.evidence.length > 0
                      ? plural(claim.evidence.length, 'piece of evidence', 'pieces of evidence')
                      : '',
                    claim.comments.length > 0 ? plural(claim.comments.length, 'comment') : '',
                  ]
                    .filter(Boolean)
                    .join(' and ')}`}
                ? Everyone in the article loses it.
              </p>
              <div className="claim-confirm__actions">
                <button
                  type="button"
                  className="button button--danger button--small"
                  onClick={() => {
                    removeClaim(doc, claim.id)
                    onClose()
                  }}
                >
                  Delete claim
                </button>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  autoFocus
                  onClick={() => setConfirmDelete(false)}
                >
                  Keep it
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="link-button link-button--danger" onClick={() => setConfirmDelete(true)}>
              Delete claim…
            </button>
          )}
        </footer>
      )}
    </div>
  )
}
