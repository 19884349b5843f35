import { type Claim, decisionBody, type Role, reviewRequestBody } from '@fc/shared'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { currentClaim, decide, requestReview } from '../domain/review/review-commands.js'
import { articleReview, reviewQueue } from '../domain/review/review-reads.js'
import { articleAccess, requireArticleRole, requireWorkspaceRole } from './access.js'
import type { ApiDeps } from './http.js'
import { jsonBody } from './validate.js'

/**
 * Review of claims (docs/api.md, "Review and publishing"; mounted at /api/articles): the state is
 * the server's, moved only by these routes and by attributed changes after approval. Under
 * api.ts' article guard, which has admitted the caller (401, 404 article, 403 not a member) before
 * the role (403), the claim (404), the body (400) and the transition table (409) are checked, in
 * that order: the role and the claim by `claimFor` before the body's validator.
 */
export function reviewRoutes(deps: ApiDeps) {
  const claimFor = (minimum: Role) =>
    createMiddleware<{ Variables: { claim: Claim } }>(async (c, next) => {
      const { article } = requireArticleRole(c, minimum)
      c.set('claim', await currentClaim(deps, article, c.req.param('claimId') ?? ''))
      await next()
    })

  return new Hono()
    .post(
      '/:id/claims/:claimId/review-request',
      claimFor('checker'),
      jsonBody(reviewRequestBody, { emptyAs: {} }),
      async (c) => {
        const { article, userId } = articleAccess(c)
        const { note } = c.req.valid('json')
        const { state, created } = await requestReview(deps, {
          article,
          claim: c.var.claim,
          userId,
          note: note ?? null,
        })
        return c.json({ state }, created ? 201 : 200)
      },
    )
    .post('/:id/claims/:claimId/decisions', claimFor('editor'), jsonBody(decisionBody), async (c) => {
      const { article, userId } = articleAccess(c)
      const { decision, note } = c.req.valid('json')
      return c.json(await decide(deps, { article, claim: c.var.claim, userId, decision, note: note ?? null }), 201)
    })
    .get('/:id/review', async (c) => c.json(await articleReview(deps, articleAccess(c).article)))
}

/** A workspace's review queue (mounted at /api/workspaces). */
export function reviewQueueRoutes(deps: ApiDeps) {
  return new Hono().get('/:id/review-queue', async (c) => {
    const { workspace } = await requireWorkspaceRole(c, deps.db, c.req.param('id'), 'viewer')
    return c.json(await reviewQueue(deps, workspace.id))
  })
}
