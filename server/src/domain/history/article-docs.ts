import { getArticleByDocId } from '../articles.js'
import type { Queryable } from '../../storage/db.js'

/**
 * Which article a document is, remembered: rooms ask on every change, and a document's article
 * never changes (workshop copies and answer documents have none, remembered as null too).
 */
export class ArticleOfDoc {
  private readonly known = new Map<string, Promise<string | null>>()

  constructor(private readonly q: Queryable) {}

  get(docId: string): Promise<string | null> {
    let found = this.known.get(docId)
    if (!found) {
      found = getArticleByDocId(this.q, docId).then((a) => a?.id ?? null)
      this.known.set(docId, found)
      // A failed lookup is asked again next time rather than remembered as "no article".
      found.catch(() => this.known.delete(docId))
    }
    return found
  }

  /** The document's room closed: its next room asks again (the map stays as small as the open rooms). */
  forget(docId: string): void {
    this.known.delete(docId)
  }
}
