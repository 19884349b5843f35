import type { Article } from '../api/api'

export interface DeskSummary {
  claims: number
  verdicts: number | null
  inReview: number | null
  approved: number | null
  /** null: not published; undefined: the server did not say. */
  publishedAt: string | null | undefined
}

/** The desk's overview of one article, from the fields the server sends; null when it sends none. */
export function deskSummary(article: Article): DeskSummary | null {
  const counts = article.counts
  if (typeof counts !== 'object' || counts === null || typeof counts.claims !== 'number') return null
  const count = (n: unknown) => (typeof n === 'number' ? n : null)
  return {
    claims: counts.claims,
    verdicts: count(counts.withVerdict),
    inReview: count(counts.inReview),
    approved: count(counts.approved),
    publishedAt:
      article.published === undefined
        ? undefined
        : article.published
          ? (article.lastPublishedAt ?? article.factCheckPublishedAt ?? null)
          : null,
  }
}
