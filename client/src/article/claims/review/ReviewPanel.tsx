import { useEffect, useRef, useState } from 'react'
import type { Claim } from '@fc/shared/schema/index'
import { describeError } from '../../../api/api'
import type { Decision } from '../../../api/review'
import { canEdit, canReview } from '../../../api/types'
import { useClaimsEnv } from '../context'
import { absoluteTime, relativeTime } from '../format'
import { DecisionDialog } from './DecisionDialog'
import { ReviewChip } from './ReviewChip'
import { useReview } from './reviewContext'
import { decisionsOf, reviewActions, whoName } from './reviewFormat'
import './review.css'

/**
 * The claim's review, from the server: its state, who set the verdict and when, the latest
 * decision's note (what the checker has to fix), and the actions the caller's role allows.
 */
export function ReviewPanel({ claim, idPrefix }: { claim: Claim; idPrefix: string }) {
  const env = useReview()
  const { me, canWrite } = useClaimsEnv()
  const [deciding, setDeciding] = useState<Decision | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = `${idPrefix}-review`

  // The server records who set a verdict from the update itself: ask again once it has it.
  const reload = env?.reload
  const first = useRef(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: a verdict or rationale change is the trigger: the server records who set it, so ask again
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const timer = setTimeout(() => reload?.(), 800)
    return () => clearTimeout(timer)
  }, [claim.verdict, claim.rationale, reload])

  if (env === null) return null
  const record = env.stateOf(claim.id)
  const state = record?.state ?? 'unreviewed'
  const actions = reviewActions(state, claim.verdict !== undefined)
  const editor = canReview(env.role)
  const checker = canEdit(env.role) && canWrite
  const decisions = decisionsOf(env.review, claim.id)
  // An approval without a note says no more than the state line above it ("Approved by …").
  const latest =
    decisions[0] !== undefined && (decisions[0].decision === 'request-changes' || decisions[0].note !== '')
      ? decisions[0]
      : undefined

  const run = async (action: () => Promise<void>) => {
    setPending(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(describeError(e))
    } finally {
      setPending(false)
    }
  }

  return (
    <section className="claim-section review-panel" aria-labelledby={`${id}-h`} data-testid="review-panel">
      <h4 className="claim-section__title" id={`${id}-h`}>
        Review
      </h4>
      <div className="review-panel__state">
        <ReviewChip state={state} />
        {state === 'approved' && record?.approvedBy !== undefined && (
          <span className="review-panel__by" data-testid="approved-by">
            by {whoName(record.approvedBy, me.id)} <Ago at={record.approvedAt} />
          </span>
        )}
        {env.review === null && !env.failed && <span className="review-panel__by">Loading…</span>}
      </div>
      {record?.verdictSetBy !== undefined && claim.verdict !== undefined && (
        <p className="review-panel__line" data-testid="verdict-set-by">
          Verdict set by {whoName(record.verdictSetBy, me.id)}
          {record.verdictSetAt !== undefined && (
            <>
              , <Ago at={record.verdictSetAt} />
            </>
          )}
        </p>
      )}
      {latest !== undefined && (
        <figure className={`review-note review-note--${latest.decision}`} data-testid="latest-decision">
          <figcaption className="review-note__head">
            {latest.decision === 'approve' ? 'Approved' : 'Changes requested'} by {whoName(latest.by, me.id)}{' '}
            <Ago at={latest.at} />
          </figcaption>
          {latest.note !== '' && <blockquote className="review-note__text">{latest.note}</blockquote>}
        </figure>
      )}
      {env.failed && (
        <p className="cl-error" role="alert">
          The review state could not be loaded.{' '}
          <button type="button" className="link-button" onClick={env.reload}>
            Try again
          </button>
        </p>
      )}
      {(error ?? (env.refusedRequest?.claimId === claim.id ? env.refusedRequest.message : null)) !== null && (
        <p className="cl-error" role="alert" data-testid="review-error">
          {error ?? env.refusedRequest?.message}
        </p>
      )}
      {env.review !== null && (checker || editor) && (
        <div className="cl-actions review-panel__actions">
          {checker && actions.request && (
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={pending}
              onClick={() => void run(() => env.request(claim.id))}
              data-testid="request-review"
            >
              {state === 'changes-requested' ? 'Request review again' : 'Request review'}
            </button>
          )}
          {state === 'in-review' && !editor && <span className="review-panel__by">Waiting for an editor</span>}
          {editor && state !== 'approved' && (
            <button
              type="button"
              className="button button--primary button--small"
              disabled={pending || !actions.approve}
              title={actions.approve ? undefined : 'Set a verdict first: only a claim with a verdict can be approved'}
              onClick={() => setDeciding('approve')}
              data-testid="approve"
            >
              Approve
            </button>
          )}
          {editor && actions.requestChanges && (
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={pending}
              onClick={() => setDeciding('request-changes')}
              data-testid="request-changes"
            >
              Request changes
            </button>
          )}
        </div>
      )}
      {decisions.length > (latest === undefined ? 0 : 1) && (
        <details className="review-history">
          <summary>
            {latest === undefined ? 'Decisions' : 'Earlier decisions'} (
            {decisions.length - (latest === undefined ? 0 : 1)})
          </summary>
          <ol className="review-history__list">
            {decisions.slice(latest === undefined ? 0 : 1).map((d) => (
              <li key={d.id}>
                <span className="review-history__head">
                  {d.decision === 'approve' ? 'Approved' : 'Changes requested'} by {whoName(d.by, me.id)}{' '}
                  <Ago at={d.at} />
                </span>
                {d.note !== '' && <span className="review-history__note">{d.note}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {deciding !== null && (
        <DecisionDialog
          decision={deciding}
          quote={claim.quote}
          onDecide={(note) => env.decide(claim.id, deciding, note)}
          onClose={() => setDeciding(null)}
        />
      )}
    </section>
  )
}

function Ago({ at }: { at: string | undefined }) {
  if (at === undefined || at === '') return null
  return (
    <time dateTime={at} title={absoluteTime(at)}>
      {relativeTime(at)}
    </time>
  )
}
