// The answer key as the trainer edits it: rows of quote, verdict and rationale. Pure, so
// the rules (what a complete row is, which article claims to take over, where a server
// error belongs) are tested apart from the screen.

import { isVerdictId, type Claim, type VerdictId } from '@fc/shared/schema/index'
import { ApiError, describeError, sentence } from '../api/api'
import type { KeyClaim } from '../api/workshops'

/** The server's limits (docs/api.md, PUT /api/workshops/:id/key). */
export const KEY_LIMITS = { claims: 500, quote: 5000, rationale: 5000 } as const

export interface KeyRow {
  /** Local only: React keys and focus, never sent. */
  id: string
  quote: string
  verdict: VerdictId | ''
  rationale: string
}

export type RowField = 'quote' | 'verdict' | 'rationale'
export type RowErrors = Record<string, Partial<Record<RowField, string>>>

let nextRow = 0
const rowId = () => `key-row-${++nextRow}`

export function emptyRow(): KeyRow {
  return { id: rowId(), quote: '', verdict: '', rationale: '' }
}

export function rowsFromKey(claims: readonly KeyClaim[]): KeyRow[] {
  return claims.map((c) => ({
    id: rowId(),
    quote: c.quote,
    verdict: isVerdictId(c.verdict) ? c.verdict : '',
    rationale: c.rationale ?? '',
  }))
}

/** A row nobody has typed into: left out when saving, never an error. */
export function isBlank(row: KeyRow): boolean {
  return row.quote.trim() === '' && row.verdict === '' && row.rationale.trim() === ''
}

/** Quotes compare by their words: case, spacing and curly quotes do not make a new claim. */
export function sameQuote(a: string, b: string): boolean {
  return normalize(a) === normalize(b)
}

function normalize(quote: string): string {
  return quote
    .toLocaleLowerCase()
    .replace(/[“”«»„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

export interface TakenOver {
  rows: KeyRow[]
  /** Claims added as new rows. */
  added: number
  /** Claims already in the key (same words). */
  alreadyThere: number
  /** Added claims without a verdict on the article: the trainer must choose one. */
  withoutVerdict: number
}

/**
 * The claims marked on the original article, appended to the key (blank rows make way);
 * a claim whose words are already a row is not added twice.
 */
export function takeOverClaims(existing: readonly KeyRow[], claims: readonly Claim[]): TakenOver {
  const rows = existing.filter((r) => !isBlank(r))
  let added = 0
  let alreadyThere = 0
  let withoutVerdict = 0
  for (const claim of claims) {
    const quote = claim.quote.trim()
    if (quote === '') continue
    if (rows.some((r) => sameQuote(r.quote, quote))) {
      alreadyThere++
      continue
    }
    rows.push({
      id: rowId(),
      quote: quote.slice(0, KEY_LIMITS.quote),
      verdict: claim.verdict ?? '',
      rationale: (claim.rationale ?? '').slice(0, KEY_LIMITS.rationale),
    })
    added++
    if (claim.verdict === undefined) withoutVerdict++
  }
  return { rows, added, alreadyThere, withoutVerdict }
}

export interface KeyCheck {
  /** What goes to the server, in row order, blank rows left out. */
  claims: KeyClaim[]
  /** The row behind each sent claim, to place server errors. */
  rowIds: string[]
  errors: RowErrors
  /** About the key as a whole (empty, too long). */
  form: string | null
}

/** Checks the rows as the server would, with messages beside the fields. */
export function checkKey(rows: readonly KeyRow[]): KeyCheck {
  const errors: RowErrors = {}
  const claims: KeyClaim[] = []
  const rowIds: string[] = []
  const note = (id: string, field: RowField, message: string) => {
    errors[id] = { ...errors[id], [field]: message }
  }
  for (const row of rows) {
    if (isBlank(row)) continue
    const quote = row.quote.trim()
    const rationale = row.rationale.trim()
    if (quote === '') note(row.id, 'quote', 'Enter the words of the claim, as they appear in the article.')
    else if (quote.length > KEY_LIMITS.quote)
      note(row.id, 'quote', `At most ${KEY_LIMITS.quote.toLocaleString()} characters.`)
    if (row.verdict === '') note(row.id, 'verdict', 'Choose the right verdict.')
    if (rationale.length > KEY_LIMITS.rationale)
      note(row.id, 'rationale', `At most ${KEY_LIMITS.rationale.toLocaleString()} characters.`)
    if (errors[row.id] === undefined && row.verdict !== '') {
      claims.push(rationale === '' ? { quote, verdict: row.verdict } : { quote, verdict: row.verdict, rationale })
      rowIds.push(row.id)
    }
  }
  let form: string | null = null
  const complete = rows.filter((r) => !isBlank(r)).length
  if (complete === 0)
    form = 'Add at least one claim to the key: the words participants should mark, and the right verdict.'
  else if (complete > KEY_LIMITS.claims)
    form = `A key holds at most ${KEY_LIMITS.claims} claims; remove ${complete - KEY_LIMITS.claims}.`
  return { claims, rowIds, errors, form }
}

/** Whether the rows say something else than the saved key. */
export function keyChanged(rows: readonly KeyRow[], saved: readonly KeyClaim[]): boolean {
  const now = rows.filter((r) => !isBlank(r)).map((r) => [r.quote.trim(), r.verdict, r.rationale.trim()])
  const before = saved.map((c) => [c.quote.trim(), c.verdict, (c.rationale ?? '').trim()])
  return JSON.stringify(now) !== JSON.stringify(before)
}

/**
 * A 400 names its field (`claims.3.verdict: must be one of …`): put it beside that row's
 * control. Anything else is about the key as a whole.
 */
export function placeServerError(
  error: unknown,
  rowIds: readonly string[],
): { errors: RowErrors; form: string | null } {
  const field = error instanceof ApiError ? error.field : null
  const match = field === null ? null : /^claims\.(\d+)\.(quote|verdict|rationale)$/.exec(field.name)
  const rowId = match ? rowIds[Number(match[1])] : undefined
  if (field !== null && match && rowId !== undefined) {
    return { errors: { [rowId]: { [match[2] as RowField]: sentence(field.message) } }, form: null }
  }
  if (field !== null) return { errors: {}, form: sentence(`${field.name}: ${field.message}`) }
  return { errors: {}, form: describeError(error) }
}
