import { Hono } from 'hono'
import { findDemoArticleFor } from '../domain/articles.js'
import { notFound } from '../domain/errors.js'
import type { ApiDeps } from './http.js'
import { requireCaller } from './http.js'

/**
 * `GET /api/demo` (mounted there): the caller's own copy of the demo article (every account gets
 * one in its first workspace). There is no global demo document any more.
 */
export function demoRoutes({ db }: Pick<ApiDeps, 'db'>) {
  return new Hono().get('/', async (c) => {
    const article = await findDemoArticleFor(db, requireCaller(c).user.id)
    if (!article) throw notFound('demo article')
    return c.json({ id: article.id, docId: article.docId, title: article.title, workspaceId: article.workspaceId })
  })
}
