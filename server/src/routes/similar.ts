import { readClaims } from '@fc/shared'
import { Hono } from 'hono'
import { withDocument } from '../articles/doc-reader.js'
import { notFound } from '../domain/errors.js'
import { WorkspaceClaims } from '../domain/similar/workspace-claims.js'
import { articleAccess } from './access.js'
import type { ApiDeps } from './http.js'

/**
 * "Seen before": GET /api/articles/:id/claims/:claimId/similar → the most similar claims
 * of the workspace's other articles. Mounted at /api/articles, under api.ts' `articleGuard`,
 * which has already answered 401 (not signed in), 404 (no such article) and 403 (not a member);
 * an unknown claim is the last 404.
 */
export function similarRoutes({ db, store, registry }: ApiDeps) {
  const claims = new WorkspaceClaims(db, store, registry)

  return new Hono().get('/:id/claims/:claimId/similar', async (c) => {
    const { article } = articleAccess(c)
    const claimId = c.req.param('claimId')
    const claim = await withDocument(registry, store, article.docId, (doc) =>
      readClaims(doc).find((x) => x.id === claimId),
    )
    if (!claim) throw notFound('claim')
    return c.json(await claims.similar(article, claim.quote))
  })
}
