import * as Y from 'yjs'
import { quoteAt, type TextQuote } from '../text/quote.js'
import { anchorClaim, type AnchorResult } from './anchor.js'
import { BodyText } from './body-text.js'
import { claimsMap } from './doc-keys.js'
import { anchorableFromYMap, readClaims } from './read.js'
import type { Claim } from './types.js'

/**
 * A claim's words are the text its anchor spans now; `quote`, `prefix` and `suffix` are the
 * last known copy of them (what finds the claim again when its positions are lost). The
 * server brings that copy up to date after edits (refreshClaimQuotes), and every export
 * reads the words from the anchor (readAnchoredClaims), so an edit inside a claim reaches
 * the card, the report and ClaimReview alike.
 */

/** The quote with its context as the body reads at `anchor` now; null for a detached claim. */
export function quoteAtAnchor(body: BodyText, anchor: AnchorResult): TextQuote | null {
  if (anchor.status === 'detached') return null
  return quoteAt(body.text, anchor.from, anchor.to)
}

/** Every claim with its anchor, quote/prefix/suffix taken from the text where it is anchored now. */
export function readAnchoredClaims(doc: Y.Doc): {
  claims: Claim[]
  anchors: Map<string, AnchorResult>
  body: BodyText
} {
  const body = BodyText.of(doc)
  const anchors = new Map<string, AnchorResult>()
  const claims = readClaims(doc).map((claim) => {
    const anchor = anchorClaim(doc, claim, body)
    anchors.set(claim.id, anchor)
    const now = quoteAtAnchor(body, anchor)
    return now === null || now.exact.length === 0
      ? claim
      : { ...claim, quote: now.exact, prefix: now.prefix, suffix: now.suffix }
  })
  return { claims, anchors, body }
}

/**
 * Sets quote, prefix and suffix of every claim whose stored positions still span text to that
 * text, in one transaction with `origin`; returns the ids of the claims changed. Computed from
 * the document alone, so two writers working from the same state write the same values (and
 * Yjs's last-writer-wins on equal values converges). Claims found only by quote, or detached,
 * are left alone: their positions are repaired first (repairClaimAnchor), or there is no text.
 */
export function refreshClaimQuotes(doc: Y.Doc, origin?: unknown): string[] {
  const body = BodyText.of(doc)
  const stale: Array<{ map: Y.Map<unknown>; quote: TextQuote; id: string }> = []
  // Runs after every pause in typing: only the anchoring fields are read, not whole claims.
  claimsMap(doc).forEach((map, id) => {
    if (!(map instanceof Y.Map)) return
    const claim = anchorableFromYMap(map)
    const anchor = anchorClaim(doc, claim, body)
    if (anchor.status !== 'anchored') return
    const now = quoteAtAnchor(body, anchor)
    if (now === null || now.exact.length === 0) return
    if (now.exact === claim.quote && now.prefix === claim.prefix && now.suffix === claim.suffix) return
    stale.push({ map, quote: now, id })
  })
  if (stale.length === 0) return []
  doc.transact(() => {
    for (const { map, quote } of stale) {
      if (map.get('quote') !== quote.exact) map.set('quote', quote.exact)
      if (map.get('prefix') !== quote.prefix) map.set('prefix', quote.prefix)
      if (map.get('suffix') !== quote.suffix) map.set('suffix', quote.suffix)
    }
  }, origin)
  return stale.map((s) => s.id)
}
