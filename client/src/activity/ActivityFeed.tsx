import { type ReactNode, useCallback, useEffect, useState } from 'react'
import { describeError } from '../api/api'
import type { ActivityItem } from '../api/history'
import { useLiveEvent } from '../live/liveEvents'
import { formatDateTime } from '../ui/format'
import { navigate } from '../ui/router'
import './activity.css'

const PAGE = 30

/** What each kind of activity reads as after the actor's name. */
const VERB: Record<string, string> = {
  'claim-added': 'marked a claim',
  'claim-removed': 'deleted a claim',
  'verdict-set': 'set a verdict',
  'status-changed': 'changed a status',
  assigned: 'assigned a claim',
  'evidence-added': 'added evidence',
  'evidence-removed': 'removed evidence',
  comment: 'commented',
  'review-requested': 'asked for a review',
  decision: 'decided on a claim',
  published: 'published the fact-check',
  restored: 'restored from history',
}

interface ActivityFeedProps {
  /** One page of the feed, newest first; `before` the last id already shown. */
  load: (before: string | undefined, limit: number) => Promise<ActivityItem[]>
  /** Read again when a `review` event names this article (undefined: any article of the caller's). */
  articleId?: string
  /** A line's link: where its claim or article opens. */
  hrefOf?: (item: ActivityItem) => string | null
  /** Name each line's article (its title, linked): on a feed over several articles. */
  articleHref?: (item: ActivityItem) => string
  emptyText: string
}

/**
 * A feed of who did what, newest first, a page at a time ("Load more"). The events stream
 * carries review changes, so the first page is read again when one arrives; document edits
 * are on the feed after the server records them (read again with "Refresh").
 */
export function ActivityFeed({ load, articleId, hrefOf, articleHref, emptyText }: ActivityFeedProps) {
  const [items, setItems] = useState<ActivityItem[] | null>(null)
  const [more, setMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const first = useCallback(() => {
    setBusy(true)
    load(undefined, PAGE)
      .then(
        (page) => {
          setItems(page)
          setMore(page.length === PAGE)
          setError(null)
        },
        (e: unknown) => setError(describeError(e)),
      )
      .finally(() => setBusy(false))
  }, [load])
  useEffect(first, [first])
  useLiveEvent('review', (event) => {
    if (articleId === undefined || event.articleId === articleId) first()
  })

  const next = () => {
    const last = items?.at(-1)
    if (last === undefined) return
    setBusy(true)
    load(last.id, PAGE)
      .then(
        (page) => {
          setItems((list) => [...(list ?? []), ...page.filter((p) => !list?.some((i) => i.id === p.id))])
          setMore(page.length === PAGE)
        },
        (e: unknown) => setError(describeError(e)),
      )
      .finally(() => setBusy(false))
  }

  return (
    <div className="activity-feed" data-testid="activity-feed">
      <div className="activity-feed__bar">
        <button type="button" className="button button--quiet button--small" onClick={first} disabled={busy}>
          Refresh
        </button>
      </div>
      {error !== null && (
        <p className="activity-feed__error" role="alert">
          {error}
        </p>
      )}
      {items === null && error === null && <p className="activity-feed__empty">Loading…</p>}
      {items !== null && items.length === 0 && <p className="activity-feed__empty">{emptyText}</p>}
      {items !== null && items.length > 0 && (
        <ol className="activity-feed__list">
          {items.map((item) => {
            const href = hrefOf?.(item) ?? null
            return (
              <li key={item.id} className="activity-feed__item" data-testid="activity-item" data-kind={item.kind}>
                {/* The server's summary is the sentence ("marked “…”"); the kind's verb stands in when it has none. */}
                <p className="activity-feed__line">
                  <strong>{item.actor.name}</strong>{' '}
                  {item.summary === '' ? (
                    (VERB[item.kind] ?? item.kind)
                  ) : href === null ? (
                    item.summary
                  ) : (
                    <Link href={href}>{item.summary}</Link>
                  )}
                </p>
                <p className="activity-feed__meta">
                  {articleHref !== undefined && (
                    <>
                      <span className="visually-hidden">in </span>
                      <Link className="activity-feed__article" href={articleHref(item)} testId="activity-article">
                        {item.articleTitle === '' ? 'Untitled article' : item.articleTitle}
                      </Link>
                      <span aria-hidden="true"> · </span>
                    </>
                  )}
                  <time className="activity-feed__time" dateTime={item.at}>
                    {formatDateTime(item.at)}
                  </time>
                </p>
              </li>
            )
          })}
        </ol>
      )}
      {more && (
        <button
          type="button"
          className="button button--quiet button--small activity-feed__more"
          onClick={next}
          disabled={busy}
          data-testid="activity-more"
        >
          Load more
        </button>
      )}
    </div>
  )
}

/** An in-app link: a plain anchor (opens in a new tab too) that navigates without a reload. */
function Link({
  href,
  className,
  testId,
  children,
}: {
  href: string
  className?: string
  testId?: string
  children: ReactNode
}) {
  return (
    <a
      href={href}
      className={className}
      data-testid={testId}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
        event.preventDefault()
        navigate(href)
      }}
    >
      {children}
    </a>
  )
}
