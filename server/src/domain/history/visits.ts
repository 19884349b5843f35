import { log } from '../../log.js'
import type { Queryable } from '../../storage/db.js'
import type { ArticleOfDoc } from './article-docs.js'

/**
 * A visit is a time a user's sockets had an article open; its end (the last of their sockets
 * on it closed, on this instance) is recorded: "since my last review" for someone who made no
 * decision starts where their previous visit ended.
 */
export class Visits {
  private readonly open = new Map<string, number>()

  constructor(
    private readonly q: Queryable,
    private readonly articles: ArticleOfDoc,
  ) {}

  joined(docId: string, userId: string): void {
    const key = `${docId}\n${userId}`
    this.open.set(key, (this.open.get(key) ?? 0) + 1)
  }

  left(docId: string, userId: string): Promise<void> {
    const key = `${docId}\n${userId}`
    const count = (this.open.get(key) ?? 1) - 1
    if (count > 0) {
      this.open.set(key, count)
      return Promise.resolve()
    }
    this.open.delete(key)
    const endedAt = Date.now()
    return this.articles
      .get(docId)
      .then(async (articleId) => {
        if (!articleId) return
        await this.q.query('INSERT INTO article_visits (article_id, user_id, ended_at) VALUES ($1, $2, $3)', [
          articleId,
          userId,
          endedAt,
        ])
        // Only the latest end is ever read (lastVisitEnd): older rows of this user on this article go, so the table stays one row per reader.
        await this.q.query('DELETE FROM article_visits WHERE article_id = $1 AND user_id = $2 AND ended_at < $3', [
          articleId,
          userId,
          endedAt,
        ])
      })
      .catch((err: unknown) => log('visit not recorded', { docId, error: String(err) }))
  }
}

/** When the user's latest visit to the article that is over ended (ms), or null. */
export async function lastVisitEnd(q: Queryable, articleId: string, userId: string): Promise<number | null> {
  const rows = await q.query<{ ended_at: number | string | null }>(
    'SELECT MAX(ended_at) AS ended_at FROM article_visits WHERE article_id = $1 AND user_id = $2',
    [articleId, userId],
  )
  return rows[0]?.ended_at == null ? null : Number(rows[0].ended_at)
}
