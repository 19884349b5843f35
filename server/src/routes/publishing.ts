import { publishBody } from '@fc/shared'
import { Hono } from 'hono'
import { correctionsOf, publishArticle, UnapprovedClaims } from '../domain/review/publishing.js'
import { articleAccess, requireArticleRole } from './access.js'
import { type ApiDeps, readJson } from './http.js'

/** Publishing an article's fact-check and its corrections log (docs/api.md, "Review and publishing"). */
export function publishingRoutes(deps: ApiDeps): Hono {
  const app = new Hono()

  app.post('/api/articles/:id/publish', async (c) => {
    const { article, userId } = requireArticleRole(c, 'editor')
    const { url, note } = await readJson(c, publishBody, { emptyAs: {} })
    try {
      const { factCheckPublishedAt, lastPublishedAt } = await publishArticle(deps, { article, userId, url, note })
      return c.json({ factCheckPublishedAt, lastPublishedAt })
    } catch (err) {
      // The one refusal that says more than {error}: which claims still wait for approval.
      if (err instanceof UnapprovedClaims) return c.json({ error: err.message, unapproved: err.unapproved }, 409)
      throw err
    }
  })

  app.get('/api/articles/:id/corrections', async (c) =>
    c.json(await correctionsOf(deps.db, articleAccess(c).article.id)),
  )

  return app
}
