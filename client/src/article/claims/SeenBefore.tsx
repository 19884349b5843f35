import type { Claim } from '@fc/shared/schema/index'
import { followLink } from '../../ui/router'
import { shortQuote } from './format'
import { VerdictChip } from './Chips'
import { claimPath } from './claimLink'
import { useClaimsEnv, useClaimsFeatures } from './context'
import { useSimilarClaims } from './useSimilarClaims'

/** About two lines of the detail's width. */
const SIMILAR_QUOTE_CHARS = 110

/**
 * "Seen before": claims of the workspace's other articles much like this one, each with
 * its article, its verdict and a link to it there, so a figure checked once is not checked
 * from scratch again. Nothing at all while loading, on failure or when there is none.
 */
export function SeenBefore({ claim, idPrefix }: { claim: Claim; idPrefix: string }) {
  const { article, scale } = useClaimsEnv()
  const { seenBefore } = useClaimsFeatures()
  const similar = useSimilarClaims(article.id, claim.id, claim.quote, seenBefore)
  if (similar.length === 0) return null
  const id = `${idPrefix}-seen`

  return (
    <section className="claim-section seen-before" aria-labelledby={`${id}-h`} data-testid="seen-before">
      <h4 className="claim-section__title" id={`${id}-h`}>
        Seen before <span className="claim-section__count">{similar.length}</span>
      </h4>
      <ul className="seen-before__list">
        {similar.map((other) => (
          <li key={`${other.articleId}/${other.claimId}`} className="seen-before__item" data-testid="seen-before-item">
            <a
              className="seen-before__link"
              href={claimPath(other.articleId, other.claimId)}
              onClick={followLink}
              title={other.quote.length > SIMILAR_QUOTE_CHARS ? other.quote : undefined}
              data-testid="seen-before-link"
            >
              <q className="seen-before__quote">{shortQuote(other.quote, SIMILAR_QUOTE_CHARS)}</q>
            </a>
            <span className="seen-before__meta">
              <VerdictChip verdict={other.verdict} scale={scale} />
              <span className="seen-before__article" data-testid="seen-before-article">
                in <cite className="seen-before__title">{other.articleTitle.trim() || 'an untitled article'}</cite>
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
