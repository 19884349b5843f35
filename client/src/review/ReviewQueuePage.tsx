import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { describeError, type Workspace } from '../api/api'
import { decide, fetchReviewQueue, type QueueItem } from '../api/review'
import { canReview } from '../api/types'
import { VerdictChip } from '../article/claims/Chips'
import { claimPath } from '../article/claims/claimLink'
import { absoluteTime, plural, relativeTime, shortQuote } from '../article/claims/format'
import { DecisionDialog } from '../article/claims/review/DecisionDialog'
import { QUEUE_REASON_LABELS } from '../article/claims/review/reviewFormat'
import { useVerdictScale } from '../article/claims/useVerdictScale'
import { useMe } from '../auth/session'
import { useLiveEvent, useLiveEventsReconnected } from '../live/liveEvents'
import { AppFrame } from '../ui/AppFrame'
import { InlineState } from '../ui/InlineState'
import { notForList } from '../ui/listKeys'
import { followLink, navigate, workspacePath } from '../ui/router'
import { useResource } from '../ui/useResource'
import { WorkspaceHeader } from '../workspaces/WorkspaceHeader'
import { focusAfterRemoval, queueKeyAction } from './queueKeys'
import '../workspaces/workspaces.css'
import './queue.css'

const itemKey = (item: QueueItem) => `${item.articleId}/${item.claimId}`

/**
 * `/w/:id/review`: every claim of the workspace waiting for an editor, oldest request first.
 * Editors and owners decide here (a, r, or the buttons) without opening each article; everyone
 * else sees what is waiting. Live: a decision or request anywhere reloads the list.
 */
export function ReviewQueuePage({ workspace }: { workspace: Workspace }) {
  const me = useMe()
  const scale = useVerdictScale(workspace.id)
  const queue = useResource(() => fetchReviewQueue(workspace.id), workspace.id)
  const { reload } = queue
  useLiveEvent('review', reload)
  useLiveEventsReconnected(reload)
  const mayDecide = canReview(workspace.role)
  const [asking, setAsking] = useState<QueueItem | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [message, setMessage] = useState<{ tone: 'done' | 'error'; text: string } | null>(null)
  const listRef = useRef<HTMLOListElement>(null)
  // Where focus goes once a decided claim has left the list (its key: until the reload drops it, it is still there).
  const refocus = useRef<{ index: number; key: string } | null>(null)

  const items = queue.status === 'ready' ? queue.data : []
  const heads = () => [...(listRef.current?.querySelectorAll<HTMLElement>('[data-queue-head]') ?? [])]

  // biome-ignore lint/correctness/useExhaustiveDependencies: heads() reads the DOM at run time; the queue changing is the trigger
  useEffect(() => {
    if (refocus.current === null || queue.status !== 'ready') return
    const { index: was, key } = refocus.current
    if (items.some((i) => itemKey(i) === key)) return
    const index = focusAfterRemoval(was, items.length)
    refocus.current = null
    if (index >= 0) heads()[index]?.focus()
  }, [queue, items.length])

  const decided = useCallback(
    (item: QueueItem, text: string) => {
      const index = items.findIndex((i) => itemKey(i) === itemKey(item))
      refocus.current = index < 0 ? null : { index, key: itemKey(item) }
      setMessage({ tone: 'done', text })
      reload()
    },
    [items, reload],
  )

  const approve = async (item: QueueItem) => {
    setBusy(itemKey(item))
    setMessage(null)
    try {
      await decide(item.articleId, item.claimId, 'approve', '')
      decided(item, `Approved: “${shortQuote(item.quote, 80)}”`)
    } catch (e) {
      setMessage({ tone: 'error', text: describeError(e) })
      reload()
    } finally {
      setBusy(null)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (notForList(event) || event.shiftKey) return
    // Enter on a row's button presses that button; only on the claim itself does it open the claim.
    if (event.key === 'Enter' && !(event.target as HTMLElement).hasAttribute('data-queue-head')) return
    const all = heads()
    const row = (event.target as HTMLElement).closest('[data-queue-item]')
    const index = row === null ? -1 : all.findIndex((h) => row.contains(h))
    const item = index < 0 ? undefined : items[index]
    const action = queueKeyAction(event.key, {
      index,
      length: all.length,
      canDecide: mayDecide,
      hasVerdict: item?.verdict !== undefined,
    })
    if (action === null) return
    event.preventDefault()
    if (action.kind === 'move') {
      all[action.to]?.focus()
      all[action.to]?.scrollIntoView({ block: 'nearest' })
    } else if (item !== undefined && action.kind === 'open') navigate(claimPath(item.articleId, item.claimId))
    else if (item !== undefined && action.kind === 'approve') void approve(item)
    else if (item !== undefined && action.kind === 'request-changes') setAsking(item)
  }

  return (
    <AppFrame title="Review">
      <div className="page">
        <WorkspaceHeader workspace={workspace} current="review" />

        <div className="queue-status" role="status" data-testid="queue-message">
          {message !== null && (
            <span className={message.tone === 'error' ? 'queue-status__error' : 'queue-status__done'}>
              {message.text}
            </span>
          )}
        </div>

        {queue.status === 'loading' && <InlineState tone="loading" title="Loading the review queue…" />}
        {queue.status === 'failed' && (
          <InlineState
            tone="error"
            title="The review queue could not be loaded"
            action={{ label: 'Try again', onClick: reload }}
          >
            {describeError(queue.error)}
          </InlineState>
        )}
        {queue.status === 'ready' &&
          (items.length === 0 ? (
            <div className="empty-state" data-testid="queue-empty">
              <h2 className="empty-state__title">Nothing waiting for review</h2>
              <p className="empty-state__text">
                {mayDecide
                  ? 'When a checker asks for review, or an approved claim changes, it appears here, oldest first, for you to approve or send back with a note.'
                  : 'When you or a colleague ask for review on a claim, it waits here until an editor approves it or asks for changes.'}
              </p>
              <a className="button button--quiet" href={workspacePath(workspace.id)} onClick={followLink}>
                Go to the articles
              </a>
            </div>
          ) : (
            <section aria-labelledby="queue-heading">
              <div className="queue-heading">
                <h2 id="queue-heading" className="panel-heading">
                  Waiting for review <span className="panel-heading__count">{items.length}</span>
                </h2>
                <p className="queue-heading__keys" id="queue-keys">
                  <kbd>J</kbd>/<kbd>K</kbd> move · <kbd>Enter</kbd> open
                  {mayDecide && (
                    <>
                      {' '}
                      · <kbd>A</kbd> approve · <kbd>R</kbd> request changes
                    </>
                  )}
                </p>
              </div>
              <ol
                className="article-list queue"
                ref={listRef}
                onKeyDown={onKeyDown}
                aria-describedby="queue-keys"
                data-testid="review-queue"
              >
                {items.map((item) => (
                  <QueueRow
                    key={itemKey(item)}
                    item={item}
                    meId={me.id}
                    scale={scale}
                    mayDecide={mayDecide}
                    busy={busy === itemKey(item)}
                    onApprove={() => void approve(item)}
                    onRequestChanges={() => setAsking(item)}
                  />
                ))}
              </ol>
            </section>
          ))}
      </div>
      {asking !== null && (
        <DecisionDialog
          decision="request-changes"
          quote={asking.quote}
          onDecide={async (note) => {
            await decide(asking.articleId, asking.claimId, 'request-changes', note)
            decided(asking, `Changes requested: “${shortQuote(asking.quote, 80)}”`)
          }}
          onClose={() => setAsking(null)}
        />
      )}
    </AppFrame>
  )
}

interface QueueRowProps {
  item: QueueItem
  meId: string
  scale: ReturnType<typeof useVerdictScale>
  mayDecide: boolean
  busy: boolean
  onApprove: () => void
  onRequestChanges: () => void
}

function QueueRow({ item, meId, scale, mayDecide, busy, onApprove, onRequestChanges }: QueueRowProps) {
  const asker = item.requestedBy === null ? 'someone' : item.requestedBy.id === meId ? 'you' : item.requestedBy.name
  return (
    <li
      className="queue__item"
      data-queue-item=""
      data-testid="queue-item"
      data-claim-id={item.claimId}
      data-reason={item.reason}
    >
      <a className="queue__head" href={claimPath(item.articleId, item.claimId)} onClick={followLink} data-queue-head="">
        <span className="queue__article">{item.articleTitle}</span>
        <q className="queue__quote" data-testid="queue-quote">
          {shortQuote(item.quote, 240)}
        </q>
      </a>
      <div className="queue__body">
        <VerdictChip verdict={item.verdict} scale={scale} />
        <span className="queue__evidence">{plural(item.evidenceCount, 'piece of evidence', 'pieces of evidence')}</span>
        <span
          className={`tag ${item.reason === 'changed-after-approval' ? 'tag--warning' : 'tag--info'}`}
          data-testid="queue-reason"
        >
          {QUEUE_REASON_LABELS[item.reason]}
        </span>
      </div>
      {item.rationale !== '' && <p className="queue__rationale">{item.rationale}</p>}
      <div className="queue__foot">
        <span className="queue__asked">
          {item.reason === 'changed-after-approval' ? 'Changed by' : 'Asked by'} {asker}{' '}
          <time dateTime={item.requestedAt} title={absoluteTime(item.requestedAt)}>
            {relativeTime(item.requestedAt)}
          </time>
        </span>
        {mayDecide && (
          <span className="queue__actions">
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy || item.verdict === undefined}
              title={
                item.verdict === undefined
                  ? 'No verdict yet: only a claim with a verdict can be approved'
                  : 'Approve (A)'
              }
              onClick={onApprove}
              data-testid="queue-approve"
            >
              Approve
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={busy}
              title="Request changes (R)"
              onClick={onRequestChanges}
              data-testid="queue-request-changes"
            >
              Request changes
            </button>
          </span>
        )}
      </div>
    </li>
  )
}
