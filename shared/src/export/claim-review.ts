import type { Claim } from '../schema/types.js'
import { BEST_RATING, WORST_RATING, findVerdict, type VerdictScale } from '../schema/verdicts.js'
import type { ArticleMeta, RefusedUrl } from './article.js'
import { isSafeHttpUrl } from './safe-url.js'

export interface ClaimReviewOptions {
  /** The fact-checking organization that publishes the reviews. */
  organization: { name: string; url?: string }
  /** When the reviews were published (ISO); today's UTC date when omitted; null for a preview, which has no dates. */
  datePublished?: string | null
  /** When a claim's review last changed after publishing (the latest correction that touched it), if ever. */
  dateModified?: (claim: Claim) => string | undefined
  /** The page where a claim's review is published; `${article.url}#claim-${id}` by default. */
  reviewUrl?: (claim: Claim) => string
  /** Called for each evidence URL left out because it is not a safe http(s) link. */
  onRefusedUrl?: (refused: RefusedUrl) => void
}

interface Thing {
  '@type': string
  name?: string
  url?: string
}

export interface ClaimReview {
  '@context': 'https://schema.org'
  '@type': 'ClaimReview'
  url?: string
  claimReviewed: string
  datePublished?: string
  dateModified?: string
  author: Thing & { '@type': 'Organization'; name: string }
  reviewRating: {
    '@type': 'Rating'
    alternateName: string
    ratingValue?: number
    bestRating?: number
    worstRating?: number
    ratingExplanation?: string
  }
  itemReviewed: {
    '@type': 'Claim'
    appearance?: Thing & { '@type': 'CreativeWork'; url: string }
    author?: Thing
    datePublished?: string
  }
  /** The evidence, as links; only http(s) URLs ever appear here. */
  citation?: Array<Thing & { '@type': 'CreativeWork'; url: string }>
}

/**
 * schema.org ClaimReview JSON-LD, one per given claim with a verdict (the caller picks which
 * claims are published: the server gives the approved ones). Rating numbers appear only for
 * verdicts on the true→false scale; "misleading" and "unproven" carry their label alone.
 * `itemReviewed.appearance` is where the claim appeared (the article's source URL), never this
 * app's members-only page; `itemReviewed.author` is the claim's claimant, else the article's.
 */
export function buildClaimReviews(
  article: ArticleMeta,
  claims: readonly Claim[],
  scale: VerdictScale,
  opts: ClaimReviewOptions,
): ClaimReview[] {
  const datePublished = opts.datePublished === undefined ? new Date().toISOString().slice(0, 10) : opts.datePublished
  const appearanceUrl = isSafeHttpUrl(article.sourceUrl) ? article.sourceUrl : undefined
  const reviews: ClaimReview[] = []
  for (const claim of claims) {
    if (claim.verdict === undefined) continue
    const verdict = findVerdict(scale, claim.verdict)
    const review: ClaimReview = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: collapseWhitespace(claim.quote),
      author: withUrl({ '@type': 'Organization', name: opts.organization.name }, opts.organization.url),
      reviewRating: { '@type': 'Rating', alternateName: verdict.label },
      itemReviewed: { '@type': 'Claim' },
    }
    if (datePublished !== null) review.datePublished = datePublished
    const modified = opts.dateModified?.(claim)
    if (datePublished !== null && modified !== undefined) review.dateModified = modified
    const url = opts.reviewUrl ? opts.reviewUrl(claim) : `${article.url}#claim-${claim.id}`
    if (isSafeHttpUrl(url)) review.url = url
    if (verdict.ratingValue !== null) {
      Object.assign(review.reviewRating, {
        ratingValue: verdict.ratingValue,
        bestRating: BEST_RATING,
        worstRating: WORST_RATING,
      })
    }
    const rationale = claim.rationale?.trim()
    if (rationale) review.reviewRating.ratingExplanation = rationale
    if (appearanceUrl !== undefined) review.itemReviewed.appearance = { '@type': 'CreativeWork', url: appearanceUrl }
    const claimant = claim.claimant?.trim()
    if (claimant) {
      review.itemReviewed.author = { '@type': 'Organization', name: collapseWhitespace(claimant) }
    } else if (article.claimAuthor !== undefined) {
      const { name, type = 'Organization', url: authorUrl } = article.claimAuthor
      review.itemReviewed.author = withUrl({ '@type': type, name }, authorUrl)
    }
    if (article.publishedAt !== undefined) review.itemReviewed.datePublished = article.publishedAt
    const citation = citations(claim, opts.onRefusedUrl)
    if (citation.length > 0) review.citation = citation
    reviews.push(review)
  }
  return reviews
}

function citations(claim: Claim, onRefused: ClaimReviewOptions['onRefusedUrl']): NonNullable<ClaimReview['citation']> {
  return claim.evidence.flatMap((evidence) => {
    // A document or an interview may have no address: nothing to cite by URL, nothing refused.
    if (evidence.kind !== 'link' && evidence.url.trim() === '') return []
    if (!isSafeHttpUrl(evidence.url)) {
      onRefused?.({ claimId: claim.id, evidenceId: evidence.id, url: evidence.url })
      return []
    }
    const work: Thing & { '@type': 'CreativeWork'; url: string } = { '@type': 'CreativeWork', url: evidence.url }
    if (evidence.title.trim()) work.name = evidence.title.trim()
    return [work]
  })
}

/** Adds `url` only when it is a safe link: organization and author URLs are user input too. */
function withUrl<T extends Thing>(thing: T, url: string | undefined): T {
  return isSafeHttpUrl(url) ? { ...thing, url } : thing
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
