import * as Y from 'yjs'
import { CONTEXT_CHARS, quoteAt, type TextRange } from '../text/quote.js'
import { BodyText } from './body-text.js'
import { claimsMap } from './doc-keys.js'
import { ClaimSchemaError } from './errors.js'
import { newId } from './ids.js'
import { encodeRelPos } from './rel-pos.js'
import { isClaimStatus, type ClaimStatus } from './types.js'
import { isVerdictId, type VerdictId } from './verdicts.js'
import { claimYMap, requireText, setOrDelete } from './ymap-access.js'
import { LIMITS } from '../validation/limits.js'

export interface NewClaim {
  /**
   * Where the claim starts and ends in `body`, e.g. from y-prosemirror's
   * absolutePositionToRelativePosition. They must span some text; the stored positions
   * cover the same range but are re-bound to the claim's own first and last characters.
   */
  startRel?: Y.RelativePosition
  endRel?: Y.RelativePosition
  /** Taken from the body at startRel..endRel when omitted; required without positions. */
  quote?: string
  prefix?: string
  suffix?: string
  createdBy: string
  status?: ClaimStatus
  assignee?: string
  /** ISO time; now when omitted. */
  createdAt?: string
  /** A caller-chosen id (e.g. to make a bot's import idempotent); random when omitted. */
  id?: string
}

/** Adds a claim and returns its id. */
export function addClaim(doc: Y.Doc, input: NewClaim): string {
  requireText(input.createdBy, 'createdBy')
  if ((input.startRel === undefined) !== (input.endRel === undefined)) {
    throw new ClaimSchemaError('startRel and endRel must be given together', 'invalid')
  }
  if (input.status !== undefined && !isClaimStatus(input.status)) {
    throw new ClaimSchemaError(`unknown status ${String(input.status)}`, 'invalid')
  }
  const anchor = normalizedAnchor(doc, input)
  const context = claimContext(input, anchor)
  const id = input.id ?? newId()
  const claims = claimsMap(doc)
  if (claims.has(id)) throw new ClaimSchemaError(`claim ${id} already exists`, 'invalid')

  const claim = new Y.Map<unknown>()
  claim.set('id', id)
  if (anchor !== null) {
    claim.set('start', encodeRelPos(anchor.start))
    claim.set('end', encodeRelPos(anchor.end))
  }
  claim.set('quote', context.quote)
  claim.set('prefix', context.prefix.slice(-CONTEXT_CHARS))
  claim.set('suffix', context.suffix.slice(0, CONTEXT_CHARS))
  claim.set('status', input.status ?? 'open')
  if (input.assignee !== undefined) claim.set('assignee', input.assignee)
  claim.set('createdBy', input.createdBy)
  claim.set('createdAt', input.createdAt ?? new Date().toISOString())
  claim.set('evidence', new Y.Array<unknown>())
  claim.set('comments', new Y.Array<unknown>())
  doc.transact(() => claims.set(id, claim))
  return id
}

interface Anchor {
  start: Y.RelativePosition
  end: Y.RelativePosition
  body: BodyText
  range: TextRange
}

/**
 * Stores the range the given positions span, re-expressed with the start bound to the
 * claim's first character and the end bound to its last. y-prosemirror binds an end to the
 * character after the selection instead; then text typed where a deleted claim used to be
 * would silently become the claim, and typing right after a claim would extend it.
 */
function normalizedAnchor(doc: Y.Doc, input: NewClaim): Anchor | null {
  if (input.startRel === undefined || input.endRel === undefined) return null
  const body = BodyText.of(doc)
  const range = body.resolveRange(input.startRel, input.endRel)
  if (range === null) throw new ClaimSchemaError('the positions span no body text', 'invalid')
  return {
    start: body.relativePositionAt(range.from, 'start'),
    end: body.relativePositionAt(range.to, 'end'),
    body,
    range,
  }
}

function claimContext(input: NewClaim, anchor: Anchor | null): { quote: string; prefix: string; suffix: string } {
  if (input.quote !== undefined) {
    return { quote: requireText(input.quote, 'quote'), prefix: input.prefix ?? '', suffix: input.suffix ?? '' }
  }
  if (anchor === null) throw new ClaimSchemaError('a claim needs a quote or positions', 'invalid')
  const { exact, prefix, suffix } = quoteAt(anchor.body.text, anchor.range.from, anchor.range.to)
  return { quote: requireText(exact, 'quote'), prefix, suffix }
}

/** Scalar fields set directly; the verdict goes through setVerdict, with its rationale. */
export type EditableClaimField = 'status' | 'rationale' | 'assignee' | 'claimant'

/** Sets a field, or removes it when `value` is undefined (status cannot be removed). */
export function setClaimField(doc: Y.Doc, claimId: string, field: EditableClaimField, value: string | undefined): void {
  const claim = claimYMap(doc, claimId)
  if (field === 'status' && !isClaimStatus(value)) {
    throw new ClaimSchemaError(`unknown status ${String(value)}`, 'invalid')
  }
  if (field === 'claimant' && value !== undefined && (value.trim() === '' || value.length > LIMITS.claimantMax)) {
    throw new ClaimSchemaError(`claimant must be 1 to ${LIMITS.claimantMax} characters`, 'invalid')
  }
  if (field === 'rationale' && (value === undefined || value.trim() === '') && isVerdictId(claim.get('verdict'))) {
    throw new ClaimSchemaError('a claim with a verdict needs a rationale', 'invalid')
  }
  doc.transact(() => setOrDelete(claim, field, value))
}

export function setStatus(doc: Y.Doc, claimId: string, status: ClaimStatus): void {
  setClaimField(doc, claimId, 'status', status)
}

/** A verdict always comes with the reasoning behind it, so both are written together. */
export function setVerdict(doc: Y.Doc, claimId: string, verdict: VerdictId, rationale: string): void {
  if (!isVerdictId(verdict)) throw new ClaimSchemaError(`unknown verdict ${String(verdict)}`, 'invalid')
  requireText(rationale, 'rationale')
  const claim = claimYMap(doc, claimId)
  doc.transact(() => {
    claim.set('verdict', verdict)
    claim.set('rationale', rationale)
  })
}

/** Withdraws the verdict; the rationale stays as a draft. */
export function clearVerdict(doc: Y.Doc, claimId: string): void {
  const claim = claimYMap(doc, claimId)
  doc.transact(() => claim.delete('verdict'))
}

/** Points the claim at new positions (after re-anchoring); quote and context stay as marked. */
export function setClaimAnchor(
  doc: Y.Doc,
  claimId: string,
  startRel: Y.RelativePosition,
  endRel: Y.RelativePosition,
): void {
  const claim = claimYMap(doc, claimId)
  doc.transact(() => {
    claim.set('start', encodeRelPos(startRel))
    claim.set('end', encodeRelPos(endRel))
  })
}

/** Returns whether a claim was removed. */
export function removeClaim(doc: Y.Doc, claimId: string): boolean {
  const claims = claimsMap(doc)
  if (!claims.has(claimId)) return false
  doc.transact(() => claims.delete(claimId))
  return true
}
