import type * as Y from 'yjs'
import { findQuote } from '../text/quote.js'
import { BodyText } from './body-text.js'
import { addClaim, setClaimAnchor, type NewClaim } from './claims.js'
import { ClaimSchemaError } from './errors.js'
import { readClaim } from './read.js'
import { decodeRelPos } from './rel-pos.js'
import type { Claim } from './types.js'

/**
 * Where a claim sits in the body's plain text now:
 * - anchored: its stored positions still resolve to a non-empty range;
 * - reanchored: they do not (absent, deleted, collapsed), but the quote was found again,
 *   at the occurrence whose surroundings best match the stored prefix/suffix;
 * - detached: neither; the UI lists it apart from the text.
 */
export type AnchorResult =
  | { status: 'anchored'; from: number; to: number }
  | { status: 'reanchored'; from: number; to: number }
  | { status: 'detached' }

export type AnchorableClaim = Pick<Claim, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>

/** Pass `body` when anchoring many claims against one state of the document. */
export function anchorClaim(doc: Y.Doc, claim: AnchorableClaim, body: BodyText = BodyText.of(doc)): AnchorResult {
  const range = body.resolveRange(decodeRelPos(claim.start), decodeRelPos(claim.end))
  if (range !== null) return { status: 'anchored', ...range }
  const found = findQuote(body.text, { exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix })
  return found === null ? { status: 'detached' } : { status: 'reanchored', ...found }
}

/** Anchors every claim against one snapshot of the body; keyed by claim id. */
export function anchorClaims(doc: Y.Doc, claims: readonly Claim[]): Map<string, AnchorResult> {
  const body = BodyText.of(doc)
  return new Map(claims.map((claim) => [claim.id, anchorClaim(doc, claim, body)]))
}

/**
 * Anchors a claim and, when it had to be found by quote, stores the new positions so
 * every client sees it attached again. Two clients repairing at once write equal ranges.
 */
export function repairClaimAnchor(doc: Y.Doc, claimId: string): AnchorResult {
  const claim = readClaim(doc, claimId)
  if (claim === undefined) throw new ClaimSchemaError(`unknown claim ${claimId}`, 'not-found')
  const body = BodyText.of(doc)
  const result = anchorClaim(doc, claim, body)
  if (result.status === 'reanchored') {
    setClaimAnchor(
      doc,
      claimId,
      body.relativePositionAt(result.from, 'start'),
      body.relativePositionAt(result.to, 'end'),
    )
  }
  return result
}

export type ClaimMeta = Omit<NewClaim, 'startRel' | 'endRel' | 'quote' | 'prefix' | 'suffix'>

/**
 * For bots working on plain text: marks [from, to) of getBodyText(doc) as a claim, with
 * positions, quote and context computed from the body. Returns the new claim's id. Ends
 * that fall inside a block separator are pulled in to the nearest text.
 */
export function markClaimAtText(doc: Y.Doc, from: number, to: number, meta: ClaimMeta): string {
  const body = BodyText.of(doc)
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to && to <= body.text.length)) {
    throw new ClaimSchemaError(`invalid range [${from}, ${to}) for a text of ${body.text.length} characters`, 'invalid')
  }
  const startRel = body.relativePositionAt(from, 'start')
  const endRel = body.relativePositionAt(to, 'end')
  return addClaim(doc, { ...meta, startRel, endRel })
}
