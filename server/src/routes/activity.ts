import { notificationsQuery, pageQuery, readNotificationsBody } from '@fc/shared'
import { Hono } from 'hono'
import { notFound } from '../domain/errors.js'
import { listActivity } from '../domain/history/activity.js'
import { listNotifications, markRead } from '../domain/history/notifications.js'
import { articleAccess, signedIn, workspaceRole } from './access.js'
import type { ApiDeps } from './http.js'
import { jsonBody, queryOf } from './validate.js'

/* Activity feeds (article, workspace) and the caller's notifications (docs/api.md, "Activity and notifications"). */

/** An article's feed (mounted at /api/articles, under the article guard). */
export function articleActivityRoutes({ db }: ApiDeps) {
  return new Hono().get('/:id/activity', queryOf(pageQuery), async (c) => {
    const { article } = articleAccess(c)
    const items = await listActivity(db, { articleId: article.id }, c.req.valid('query'))
    if (!items) throw notFound('activity')
    return c.json(items)
  })
}

/** A workspace's feed (mounted at /api/workspaces). */
export function workspaceActivityRoutes({ db }: ApiDeps) {
  return new Hono().get('/:id/activity', workspaceRole(db, 'viewer'), queryOf(pageQuery), async (c) => {
    const { workspace } = c.var.workspaceAccess
    const items = await listActivity(db, { workspaceId: workspace.id }, c.req.valid('query'))
    if (!items) throw notFound('activity')
    return c.json(items)
  })
}

/** The caller's notifications (mounted at /api/me). */
export function notificationRoutes({ db }: ApiDeps) {
  return new Hono()
    .get('/notifications', signedIn, queryOf(notificationsQuery), async (c) => {
      const query = c.req.valid('query')
      const items = await listNotifications(db, c.var.signedIn.user.id, {
        before: query.before,
        limit: query.limit,
        unreadOnly: query.unread === '1',
      })
      if (!items) throw notFound('notification')
      return c.json(items)
    })
    .post('/notifications/read', signedIn, jsonBody(readNotificationsBody), async (c) => {
      await markRead(db, c.var.signedIn.user.id, c.req.valid('json'))
      return c.body(null, 204)
    })
}
