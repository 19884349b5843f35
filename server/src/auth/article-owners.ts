import type { Queryable } from '../storage/db.js'
import { type DocumentOwner, ownerOfDocument } from '../domain/documents.js'

/** Enough for every article a busy instance has open at once; beyond it the oldest entry goes. */
const DEFAULT_LIMIT = 50_000

/**
 * The socket gate's document lookup, remembered for articles. What an article's docId
 * belongs to never changes (articles are neither moved nor deleted), so the answer is the
 * same on every instance forever and needs no invalidation. Nothing that revocation
 * depends on is cached here: the credential and the membership are still read on every
 * upgrade. Workshop copies are not cached (their revealed/ended state changes), nor misses
 * (the article may be created a moment later, on another instance).
 */
export function cachedDocumentOwners(
  limit = DEFAULT_LIMIT,
): (q: Queryable, docId: string) => Promise<DocumentOwner | null> {
  const articles = new Map<string, DocumentOwner>()
  return async (q, docId) => {
    const known = articles.get(docId)
    if (known) return known
    const owner = await ownerOfDocument(q, docId)
    if (owner?.kind === 'article') {
      if (articles.size >= limit) articles.delete(articles.keys().next().value as string)
      articles.set(docId, owner)
    }
    return owner
  }
}
