import { notificationsQuery, pageQuery, readNotificationsBody } from '@fc/shared'
import { Hono } from 'hono'
import { notFound } from '../domain/errors.js'
import { listActivity } from '../domain/history/activity.js'
import { listNotifications, markRead } from '../domain/history/notifications.js'
import { articleAccess, requireWorkspaceRole } from './access.js'
import { type ApiDeps, readJson, readQuery, requireCaller } from './http.js'

/** Activity feeds (article, workspace) and the caller's notifications (docs/api.md, "Activity and notifications"). */
export function activityRoutes({ db }: ApiDeps): Hono {
  const app = new Hono()

  app.get('/api/articles/:id/activity', async (c) => {
    const { article } = articleAccess(c)
    const items = await listActivity(db, { articleId: article.id }, readQuery(c, pageQuery))
    if (!items) throw notFound('activity')
    return c.json(items)
  })

  app.get('/api/workspaces/:id/activity', async (c) => {
    const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
    const items = await listActivity(db, { workspaceId: workspace.id }, readQuery(c, pageQuery))
    if (!items) throw notFound('activity')
    return c.json(items)
  })

  app.get('/api/me/notifications', async (c) => {
    const caller = requireCaller(c)
    const query = readQuery(c, notificationsQuery)
    const items = await listNotifications(db, caller.user.id, {
      before: query.before,
      limit: query.limit,
      unreadOnly: query.unread === '1',
    })
    if (!items) throw notFound('notification')
    return c.json(items)
  })

  app.post('/api/me/notifications/read', async (c) => {
    const caller = requireCaller(c)
    await markRead(db, caller.user.id, await readJson(c, readNotificationsBody))
    return c.body(null, 204)
  })

  return app
}
