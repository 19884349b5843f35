import { publishBody } from '@fc/shared'
import { Hono } from 'hono'
import { correctionsOf, publishArticle, UnapprovedClaims } from '../domain/review/publishing.js'
import { articleAccess, articleRole } from './access.js'
import type { ApiDeps } from './http.js'
import { jsonBody } from './validate.js'

/** Publishing an article's fact-check and its corrections log (docs/api.md, "Review and publishing"; mounted at /api/articles). */
export function publishingRoutes(deps: ApiDeps) {
  return new Hono()
    .post('/:id/publish', articleRole('editor'), jsonBody(publishBody, { emptyAs: {} }), async (c) => {
      const { article, userId } = articleAccess(c)
      const { url, note } = c.req.valid('json')
      try {
        const { factCheckPublishedAt, lastPublishedAt } = await publishArticle(deps, { article, userId, url, note })
        return c.json({ factCheckPublishedAt, lastPublishedAt })
      } catch (err) {
        // The one refusal that says more than {error}: which claims still wait for approval.
        if (err instanceof UnapprovedClaims) return c.json({ error: err.message, unapproved: err.unapproved }, 409)
        throw err
      }
    })
    .get('/:id/corrections', async (c) => c.json(await correctionsOf(deps.db, articleAccess(c).article.id)))
}
