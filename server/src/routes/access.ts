import { type Role, roleAtLeast } from '@fc/shared'
import type { Context, MiddlewareHandler } from 'hono'
import { getArticle } from '../domain/articles.js'
import { DomainError, forbidden, notFound } from '../domain/errors.js'
import { getWorkspace, roleIn, type Workspace } from '../domain/workspaces.js'
import type { Queryable } from '../storage/db.js'
import { type ArticleAccess, requireCaller } from './http.js'

export type { ArticleAccess } from './http.js'

/**
 * Role checks of every workspace and article route. Order: signed in (401),
 * the workspace/article exists (404), the caller is a member (403), the role
 * is high enough (403).
 */
export async function requireWorkspaceRole(
  c: Context,
  q: Queryable,
  workspaceId: string,
  minimum: Role,
): Promise<{ workspace: Workspace; role: Role; userId: string }> {
  const caller = requireCaller(c)
  const workspace = await getWorkspace(q, workspaceId)
  if (!workspace) throw notFound('workspace')
  const role = await roleIn(q, workspaceId, caller.user.id)
  if (!role) throw forbidden('not a member of this workspace')
  if (!roleAtLeast(role, minimum)) throw forbidden(`requires the ${minimum} role or above (you are ${role})`)
  return { workspace, role, userId: caller.user.id }
}

/**
 * Guards `/api/articles/:id` and everything under it (exports included, whoever
 * mounts them): only members of the article's workspace get through.
 * Handlers read the result with `articleAccess(c)`.
 */
export function articleGuard(q: Queryable): MiddlewareHandler {
  return async (c, next) => {
    const caller = requireCaller(c)
    const article = await getArticle(q, c.req.param('id') ?? '')
    if (!article) throw notFound('article')
    const role = await roleIn(q, article.workspaceId, caller.user.id)
    if (!role) throw forbidden('not a member of this article’s workspace')
    c.set('articleAccess', { article, role, userId: caller.user.id })
    await next()
  }
}

/** The article and role resolved by `articleGuard` (throws when the guard did not run). */
export function articleAccess(c: Context): ArticleAccess {
  const access = c.get('articleAccess') as ArticleAccess | undefined
  if (!access) throw new DomainError('forbidden', 'article access was not checked')
  return access
}

/** For handlers under the guard that need more than read access (e.g. editor-only actions). */
export function requireArticleRole(c: Context, minimum: Role): ArticleAccess {
  const access = articleAccess(c)
  if (!roleAtLeast(access.role, minimum))
    throw forbidden(`requires the ${minimum} role or above (you are ${access.role})`)
  return access
}
