import { useCallback, useEffect, useState } from 'react'
import { notificationsApi, type NotificationItem } from '../api/notifications'
import { useLiveEvent, useLiveEventsReconnected } from '../live/liveEvents'
import { claimPath } from '../article/claims/claimLink'
import { formatDateTime } from '../ui/format'
import { Menu, type MenuEntry } from '../ui/Menu'
import { navigate } from '../ui/router'
import './inbox.css'

const WHAT: Record<NotificationItem['kind'], string> = {
  mention: 'mentioned you on a claim',
  assigned: 'assigned a claim to you',
  'review-requested': 'asked for a review of a claim',
  decision: 'decided on a claim you sent for review',
}

/** A review request that is a reopen (an approved claim changed) says so: nobody asked for it. */
function what(item: NotificationItem): string {
  if (item.kind === 'review-requested' && item.reason === 'changed-after-approval') return 'changed an approved claim'
  return WHAT[item.kind]
}

/**
 * Your notifications, in the top bar: the unread count moves live (the `notification` event),
 * the read state is the server's (the same in every browser). Opening one marks it read and
 * lands on its claim.
 */
export function Inbox() {
  const [items, setItems] = useState<NotificationItem[] | null>(null)
  const [failed, setFailed] = useState(false)
  const load = useCallback(() => {
    notificationsApi.list().then(
      (list) => {
        setItems(list)
        setFailed(false)
      },
      () => setFailed(true),
    )
  }, [])
  useEffect(load, [load])
  useLiveEventsReconnected(load)
  useLiveEvent('notification', (item) =>
    setItems((list) => (list?.some((n) => n.id === item.id) ? list : [item, ...(list ?? [])])),
  )

  const unread = items?.filter((n) => !n.read).length ?? 0
  const markRead = (ids: string[]) =>
    setItems((list) => list?.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)) ?? list)
  const open = (item: NotificationItem) => {
    if (!item.read) {
      markRead([item.id])
      void notificationsApi.markRead([item.id]).catch(load)
    }
    navigate(claimPath(item.articleId, item.claimId))
  }

  const entries: MenuEntry[] = [{ kind: 'note', content: <span className="inbox__heading">Notifications</span> }]
  if (failed)
    entries.push({
      kind: 'note',
      content: (
        <span className="inbox__empty">
          Notifications could not be loaded. They will appear when the server answers.
        </span>
      ),
    })
  else if (items === null) entries.push({ kind: 'note', content: <span className="inbox__empty">Loading…</span> })
  else if (items.length === 0)
    entries.push({
      kind: 'note',
      content: (
        <span className="inbox__empty">Nothing yet. Mentions, claims assigned to you and reviews show up here.</span>
      ),
    })
  for (const item of items ?? []) {
    entries.push({
      kind: 'item',
      testId: 'inbox-item',
      label: (
        <span className={item.read ? 'inbox__line' : 'inbox__line inbox__line--unread'}>
          {!item.read && (
            <>
              <span className="inbox__dot" aria-hidden="true" />
              <span className="visually-hidden">Unread: </span>
            </>
          )}
          <span>
            <strong>{item.actor.name}</strong> {what(item)}
          </span>
        </span>
      ),
      detail: formatDateTime(item.at),
      onSelect: () => open(item),
    })
  }
  if (unread > 0) {
    entries.push({ kind: 'separator' })
    entries.push({
      kind: 'item',
      label: 'Mark all as read',
      testId: 'inbox-read-all',
      onSelect: () => {
        markRead((items ?? []).map((n) => n.id))
        void notificationsApi.markAllRead().catch(load)
      },
    })
  }

  return (
    <Menu
      testId="inbox"
      align="end"
      className="inbox"
      buttonClassName="menu__button inbox__button"
      buttonLabel={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
      button={
        <>
          <svg className="inbox__bell" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 16a2.5 2.5 0 0 0 5 0"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinejoin="round"
            />
          </svg>
          {unread > 0 && (
            <span className="inbox__count" data-testid="inbox-count">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </>
      }
      entries={entries}
    />
  )
}
