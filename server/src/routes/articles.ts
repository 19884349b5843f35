import { createArticleBody } from '@fc/shared'
import { Hono } from 'hono'
import { ArticleImportPool } from '../domain/article-import-pool.js'
import { createArticle, listArticles } from '../domain/articles.js'
import { articleOverviews } from '../domain/review/article-overview.js'
import { articleAccess, articleGuard, requireWorkspaceRole } from './access.js'
import { type ApiDeps, limitBody, readJson } from './http.js'

/** Articles of a workspace; `/api/articles/:id/*` is guarded for every route under it, exports included. */
export function articleRoutes(deps: ApiDeps): Hono {
  const { config, db, store } = deps
  const app = new Hono()
  // The sanitizer and Markdown parser live on the pool's worker threads, never on the server's heap.
  const imports = new ArticleImportPool(config.http.importBudget)

  app.post('/api/workspaces/:id/articles', limitBody(config.http.articleMaxBytes), async (c) => {
    const { workspace, userId } = await requireWorkspaceRole(c, db, c.req.param('id'), 'checker')
    const input = await readJson(c, createArticleBody)
    const { update, format } = await imports.parse(input)
    const article = await createArticle(db, store, {
      workspaceId: workspace.id,
      title: input.title,
      sourceUrl: input.sourceUrl ?? undefined,
      createdBy: userId,
      format,
      initialUpdate: update,
    })
    return c.json(article, 201)
  })

  app.get('/api/workspaces/:id/articles', async (c) => {
    const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
    // The desk's overview: counts of claims, verdicts, claims in review and approved; published or not.
    return c.json(await articleOverviews(deps, workspace.id, await listArticles(db, workspace.id)))
  })

  app.use('/api/articles/:id/*', articleGuard(db))
  app.get('/api/articles/:id', (c) => c.json(articleAccess(c).article))

  return app
}
