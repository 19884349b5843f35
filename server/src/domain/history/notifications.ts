import type { NotificationItem, NotificationKind, ReviewReason } from '@fc/shared'
import type { Queryable } from '../../storage/db.js'
import { newId } from '../ids.js'
import { pageBound } from './paging.js'

export interface NewNotification {
  userId: string
  kind: NotificationKind
  actorId: string
  articleId: string
  claimId: string
  reason?: ReviewReason
}

interface NotificationRow {
  id: string
  user_id: string
  created_at: number | string
  kind: NotificationKind
  actor_id: string
  actor_name: string | null
  article_id: string
  claim_id: string
  read_at: number | string | null
  reason: ReviewReason | null
}

const SELECT = `SELECT n.id, n.user_id, n.created_at, n.kind, n.actor_id, u.name AS actor_name, n.article_id, n.claim_id, n.read_at, n.reason
  FROM notifications n LEFT JOIN users u ON u.id = n.actor_id`

function fromRow(r: NotificationRow): NotificationItem {
  const item: NotificationItem = {
    id: r.id,
    at: new Date(Number(r.created_at)).toISOString(),
    kind: r.kind,
    actor: { id: r.actor_id, name: r.actor_name ?? '' },
    articleId: r.article_id,
    claimId: r.claim_id,
    read: r.read_at !== null,
  }
  if (r.reason !== null) item.reason = r.reason
  return item
}

/**
 * Stores one notification per recipient and returns them with their recipients, to be pushed
 * live. Nobody is notified of their own action.
 */
export async function notify(
  q: Queryable,
  items: readonly NewNotification[],
  now = Date.now(),
): Promise<{ userId: string; item: NotificationItem }[]> {
  const made: { userId: string; item: NotificationItem }[] = []
  for (const n of items) {
    if (n.userId === n.actorId) continue
    const id = newId()
    await q.query(
      'INSERT INTO notifications (id, user_id, kind, actor_id, article_id, claim_id, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [id, n.userId, n.kind, n.actorId, n.articleId, n.claimId, n.reason ?? null, now],
    )
    const rows = await q.query<NotificationRow>(`${SELECT} WHERE n.id = $1`, [id])
    made.push({ userId: n.userId, item: fromRow(rows[0]!) })
  }
  return made
}

/** The user's notifications, newest first; null when `before` is not one of theirs. */
export async function listNotifications(
  q: Queryable,
  userId: string,
  page: { before?: string; limit: number; unreadOnly: boolean },
): Promise<NotificationItem[] | null> {
  const bound = await pageBound(q, { table: 'notifications', column: 'user_id' }, userId, page.before)
  if (bound === null) return null
  const rows = await q.query<NotificationRow>(
    `${SELECT} WHERE n.user_id = $1 AND n.seq < $2 ${page.unreadOnly ? 'AND n.read_at IS NULL' : ''} ORDER BY n.seq DESC LIMIT $3`,
    [userId, bound, page.limit],
  )
  return rows.map(fromRow)
}

/** Marks the user's own notifications read (ids of others' are ignored), or all of them. */
export async function markRead(
  q: Queryable,
  userId: string,
  which: { ids: readonly string[] } | { all: true },
  now = Date.now(),
): Promise<void> {
  if ('all' in which) {
    await q.query('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL', [now, userId])
    return
  }
  for (const id of which.ids) {
    await q.query('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = $3 AND read_at IS NULL', [
      now,
      userId,
      id,
    ])
  }
}
