import { decisionBody, reviewRequestBody } from '@fc/shared'
import { Hono } from 'hono'
import { currentClaim, decide, requestReview } from '../domain/review/review-commands.js'
import { articleReview, reviewQueue } from '../domain/review/review-reads.js'
import { articleAccess, requireArticleRole, requireWorkspaceRole } from './access.js'
import { type ApiDeps, readJson } from './http.js'

/**
 * Review of claims (docs/api.md, "Review and publishing"): the state is the server's, moved only
 * by these routes and by attributed changes after approval. Mounted after the article routes,
 * whose guard has admitted the caller (401, 404 article, 403 not a member) before the role (403),
 * the claim (404), the body (400) and the transition table (409) are checked, in that order.
 */
export function reviewRoutes(deps: ApiDeps): Hono {
  const app = new Hono()

  app.post('/api/articles/:id/claims/:claimId/review-request', async (c) => {
    const { article, userId } = requireArticleRole(c, 'checker')
    const claim = await currentClaim(deps, article, c.req.param('claimId'))
    const { note } = await readJson(c, reviewRequestBody, { emptyAs: {} })
    const { state, created } = await requestReview(deps, { article, claim, userId, note: note ?? null })
    return c.json({ state }, created ? 201 : 200)
  })

  app.post('/api/articles/:id/claims/:claimId/decisions', async (c) => {
    const { article, userId } = requireArticleRole(c, 'editor')
    const claim = await currentClaim(deps, article, c.req.param('claimId'))
    const { decision, note } = await readJson(c, decisionBody)
    return c.json(await decide(deps, { article, claim, userId, decision, note: note ?? null }), 201)
  })

  app.get('/api/articles/:id/review', async (c) => c.json(await articleReview(deps, articleAccess(c).article)))

  app.get('/api/workspaces/:id/review-queue', async (c) => {
    const { workspace } = await requireWorkspaceRole(c, deps.db, c.req.param('id'), 'viewer')
    return c.json(await reviewQueue(deps, workspace.id))
  })

  return app
}
