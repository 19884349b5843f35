import { createArticleBody } from '@fc/shared'
import { Hono } from 'hono'
import { ArticleImportPool } from '../domain/article-import-pool.js'
import { createArticle, listArticles } from '../domain/articles.js'
import { articleOverviews } from '../domain/review/article-overview.js'
import { articleAccess, requireWorkspaceRole, workspaceRole } from './access.js'
import { type ApiDeps, limitBody } from './http.js'
import { jsonBody } from './validate.js'

/** A workspace's articles (mounted at /api/workspaces): created from a body, listed for the desk. */
export function workspaceArticleRoutes(deps: ApiDeps) {
  const { config, db, store } = deps
  // The sanitizer and Markdown parser live on the pool's worker threads, never on the server's heap.
  const imports = new ArticleImportPool(config.http.importBudget)

  return new Hono()
    .post(
      '/:id/articles',
      limitBody(config.http.articleMaxBytes),
      workspaceRole(db, 'checker'),
      jsonBody(createArticleBody),
      async (c) => {
        const { workspace, userId } = c.var.workspaceAccess
        const input = c.req.valid('json')
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
      },
    )
    .get('/:id/articles', async (c) => {
      const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
      // The desk's overview: counts of claims, verdicts, claims in review and approved; published or not.
      return c.json(await articleOverviews(deps, workspace.id, await listArticles(db, workspace.id)))
    })
}

/**
 * One article (mounted at /api/articles). api.ts guards `/api/articles/:id` and everything
 * under it (articleGuard) before this or any other article module is mounted.
 */
export function articleRoutes() {
  return new Hono().get('/:id', (c) => c.json(articleAccess(c).article))
}
