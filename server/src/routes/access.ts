import { type Role, roleAtLeast } from '@fc/shared'
import type { Context, MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Caller } from '../auth/service.js'
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
): Promise<WorkspaceAccess> {
  const caller = requireCaller(c)
  const workspace = await getWorkspace(q, workspaceId)
  if (!workspace) throw notFound('workspace')
  const role = await roleIn(q, workspaceId, caller.user.id)
  if (!role) throw forbidden('not a member of this workspace')
  if (!roleAtLeast(role, minimum)) throw forbidden(`requires the ${minimum} role or above (you are ${role})`)
  return { workspace, role, userId: caller.user.id }
}

export interface WorkspaceAccess {
  workspace: Workspace
  role: Role
  userId: string
}

/*
 * The same checks as middleware, for routes that validate a body or query (validate.ts): their
 * access is refused first, so these go before the validator and the handler reads `c.var`.
 */

/** `requireWorkspaceRole` of the route's `:id`; the handler reads `c.var.workspaceAccess`. */
export const workspaceRole = (q: Queryable, minimum: Role) =>
  createMiddleware<{ Variables: { workspaceAccess: WorkspaceAccess } }>(async (c, next) => {
    c.set('workspaceAccess', await requireWorkspaceRole(c, q, c.req.param('id') ?? '', minimum))
    await next()
  })

/** Signed in (401 otherwise); the handler reads `c.var.signedIn`. */
export const signedIn = createMiddleware<{ Variables: { signedIn: Caller } }>(async (c, next) => {
  c.set('signedIn', requireCaller(c))
  await next()
})

/** `requireArticleRole` under the article guard; the handler reads `articleAccess(c)`. */
export const articleRole = (minimum: Role): MiddlewareHandler =>
  createMiddleware(async (c, next) => {
    requireArticleRole(c, minimum)
    await next()
  })

/**
 * Guards `/api/articles/:id` and everything under it (api.ts sets it before any article
 * module is mounted): only members of the article's workspace get through.
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
