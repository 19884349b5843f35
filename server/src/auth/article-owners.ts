import type { Queryable } from '../storage/db.js'
import { articleRefByDocId } from '../domain/articles.js'
import { type DocumentOwner, ownerOfDocument } from '../domain/documents.js'

/** Enough for every article a busy instance has open at once; beyond it the oldest entry goes. */
const DEFAULT_LIMIT = 50_000

type ArticleOwner = Extract<DocumentOwner, { kind: 'article' }>

/** The gate's document lookup, and the article id attribution needs when the same document's room opens. */
export interface DocumentOwners {
  owner(q: Queryable, docId: string): Promise<DocumentOwner | null>
  /** The article the document is, undefined for any other document (a workshop copy). */
  articleId(q: Queryable, docId: string): Promise<string | undefined>
}

/**
 * The socket gate's document lookup, remembered for articles. What an article's docId
 * belongs to never changes (articles are neither moved nor deleted), so the answer is the
 * same on every instance forever and needs no invalidation. Nothing that revocation
 * depends on is cached here: the credential and the membership are still read on every
 * upgrade. Workshop copies are not cached (their revealed/ended state changes), nor misses
 * (the article may be created a moment later, on another instance).
 *
 * The room the first socket of a document opens asks which article it is (attribution): one
 * instance (server.ts) serves both from here, so that socket reads the article row once, not twice.
 */
export function cachedDocumentOwners(limit = DEFAULT_LIMIT): DocumentOwners {
  const articles = new Map<string, ArticleOwner>()
  const remember = (docId: string, owner: ArticleOwner): void => {
    if (articles.size >= limit) articles.delete(articles.keys().next().value as string)
    articles.set(docId, owner)
  }
  return {
    async owner(q, docId) {
      const known = articles.get(docId)
      if (known) return known
      const owner = await ownerOfDocument(q, docId)
      if (owner?.kind === 'article') remember(docId, owner)
      return owner
    },
    async articleId(q, docId) {
      const known = articles.get(docId)
      if (known) return known.articleId
      const article = await articleRefByDocId(q, docId)
      if (!article) return undefined
      remember(docId, { kind: 'article', workspaceId: article.workspaceId, articleId: article.id })
      return article.id
    },
  }
}
