import type { AnchorResult } from '../schema/anchor.js'
import type { Claim } from '../schema/types.js'
import { DEFAULT_VERDICT_SCALE, verdictLabel, type VerdictScale } from '../schema/verdicts.js'
import { findQuote, quoteAt, type TextRange } from '../text/quote.js'
import type { ArticleMeta } from './article.js'
import { isSafeHttpUrl } from './safe-url.js'

export interface WebAnnotationOptions {
  /** Where each claim sits in `plainText` (from anchorClaims). Without it, claims are found by quote. */
  anchors?: ReadonlyMap<string, AnchorResult>
  scale?: VerdictScale
  /** The annotation's IRI; `${article.url}#claim-${id}` by default. */
  annotationId?: (claim: Claim) => string
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface TextualBody {
  type: 'TextualBody'
  purpose: 'tagging' | 'commenting'
  value: string
  format: 'text/plain'
}

export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld'
  id: string
  type: 'Annotation'
  /** "assessing" once a verdict exists, "questioning" while the claim is being checked. */
  motivation: 'assessing' | 'questioning'
  created?: string
  body: TextualBody[]
  target: { source: string; selector: Array<TextQuoteSelector | TextPositionSelector> }
}

/**
 * Every claim as a W3C Web Annotation on the article's plain text (getBodyText). The verdict
 * is a tagging body (what Hypothesis- and Recogito-style tools show as a tag), the rationale
 * a commenting body. A claim that is not in the text now keeps only its stored
 * TextQuoteSelector, so a reader can still try to place it.
 *
 * TextPositionSelector offsets count Unicode code points, as the Web Annotation model
 * requires, not the UTF-16 units used elsewhere in this package.
 */
export function buildWebAnnotations(
  article: ArticleMeta,
  claims: readonly Claim[],
  plainText: string,
  opts: WebAnnotationOptions = {},
): WebAnnotation[] {
  const scale = opts.scale ?? DEFAULT_VERDICT_SCALE
  return claims.map((claim) => {
    const range = locate(claim, plainText, opts.anchors)
    const selector: WebAnnotation['target']['selector'] = []
    if (range === null) {
      selector.push({ type: 'TextQuoteSelector', exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix })
    } else {
      selector.push({ type: 'TextQuoteSelector', ...quoteAt(plainText, range.from, range.to) })
      selector.push({
        type: 'TextPositionSelector',
        start: codePointOffset(plainText, range.from),
        end: codePointOffset(plainText, range.to),
      })
    }
    const body: TextualBody[] = []
    if (claim.verdict !== undefined) {
      body.push({
        type: 'TextualBody',
        purpose: 'tagging',
        value: verdictLabel(scale, claim.verdict),
        format: 'text/plain',
      })
    }
    if (claim.rationale?.trim()) {
      body.push({ type: 'TextualBody', purpose: 'commenting', value: claim.rationale.trim(), format: 'text/plain' })
    }
    const annotation: WebAnnotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: opts.annotationId ? opts.annotationId(claim) : `${article.url}#claim-${claim.id}`,
      type: 'Annotation',
      motivation: claim.verdict === undefined ? 'questioning' : 'assessing',
      body,
      // The original page when known, so Hypothesis-style tools can replay the annotations there.
      target: { source: isSafeHttpUrl(article.sourceUrl) ? article.sourceUrl! : article.url, selector },
    }
    if (!Number.isNaN(Date.parse(claim.createdAt))) annotation.created = claim.createdAt
    return annotation
  })
}

function locate(claim: Claim, plainText: string, anchors: WebAnnotationOptions['anchors']): TextRange | null {
  if (anchors === undefined) {
    return findQuote(plainText, { exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix })
  }
  const anchor = anchors.get(claim.id)
  if (anchor === undefined || anchor.status === 'detached' || anchor.to > plainText.length) return null
  return { from: anchor.from, to: anchor.to }
}

/** Code points in text[0, utf16Offset): surrogate pairs count once. */
export function codePointOffset(text: string, utf16Offset: number): number {
  let count = 0
  for (let i = 0; i < utf16Offset; i++) {
    const unit = text.charCodeAt(i)
    // Count a high surrogate only with its low half, so each pair counts once.
    if (!(unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)))) count++
  }
  return count
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}
