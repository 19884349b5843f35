import type { Queryable } from '../storage/db.js';
import { getArticleByDocId } from './articles.js';

/**
 * Which workspace a collaboration document belongs to, or null when no such
 * document exists. Every socket-openable document must be resolvable here:
 * a document kind added later (e.g. workshop copies) adds its lookup.
 */
export async function workspaceOfDocument(q: Queryable, docId: string): Promise<{ workspaceId: string } | null> {
  const article = await getArticleByDocId(q, docId);
  return article ? { workspaceId: article.workspaceId } : null;
}
