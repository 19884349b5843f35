import { canReview } from '@fc/shared'
import type { ResolvePolicy } from '../collab/attribution/attribution.js'
import type { Queryable } from '../storage/db.js'
import { getArticle } from './articles.js'
import { roleIn } from './workspaces.js'

/**
 * Who may resolve or reopen a thread (docs/api.md, "Threads"): the person who started it, and
 * the article workspace's editors and owners. A document that is no article (a workshop copy)
 * has one writer, who may.
 */
export function threadResolvePolicy(db: Queryable): ResolvePolicy {
  return async (articleId, userId, threadAuthor) => {
    if (articleId === undefined) return true
    if (threadAuthor === userId) return true
    const article = await getArticle(db, articleId)
    if (!article) return false
    const role = await roleIn(db, article.workspaceId, userId)
    return role !== null && canReview(role)
  }
}
