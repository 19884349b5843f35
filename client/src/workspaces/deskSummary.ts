import type { Article } from '../api/api'

export interface DeskSummary {
  claims: number
  verdicts: number | null
  inReview: number | null
  approved: number | null
  /** null: not published; undefined: the server did not say. */
  publishedAt: string | null | undefined
  editedAfter: boolean
}

/** The desk's overview of one article, from the fields the server sends; null when it sends none. */
export function deskSummary(article: Article): DeskSummary | null {
  if (typeof article.claimCount !== 'number') return null
  const count = (n: number | undefined) => (typeof n === 'number' ? n : null)
  return {
    claims: article.claimCount,
    verdicts: count(article.verdictCount),
    inReview: count(article.inReviewCount),
    approved: count(article.approvedCount),
    publishedAt: article.factCheckPublishedAt === undefined ? undefined : article.factCheckPublishedAt,
    editedAfter: article.updatedAfterPublish === true,
  }
}
