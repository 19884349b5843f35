import type { Editor } from '@tiptap/core'
import { absolutePositionToRelativePosition } from '@tiptap/y-tiptap'
import { addClaim, ClaimSchemaError, getBodyText, markClaimAtText } from '@fc/shared/schema/index'
import { findQuote, type TextRange } from '@fc/shared/text/quote'
import type * as Y from 'yjs'
import { syncBinding } from './positions'

/**
 * What marking needs of the claims controller (article/claims/ClaimsController satisfies it):
 * spelled out here so this lower module does not import the controller.
 */
export interface ClaimTarget {
  readonly writable: boolean
  readonly body: Y.XmlFragment
  readonly ydoc: Y.Doc
}

export type MarkResult = { ok: true; claimId: string } | { ok: false; reason: string }

/** Longest claim we accept from a selection: a claim is a sentence or two, not a chapter. */
export const MAX_CLAIM_CHARS = 2000

const READ_ONLY = 'You can read this article but not mark claims in it.'
const TOO_LONG = `That selection is too long for one claim (at most ${MAX_CLAIM_CHARS} characters).`

/** The selection without the spaces a double-click or a sloppy drag picks up at its ends. */
export function trimmedSelection(editor: Editor): { from: number; to: number } | null {
  const { doc, selection } = editor.state
  let { from, to } = selection
  if (selection.empty) return null
  const isBlank = (a: number, b: number) => /^\s*$/.test(doc.textBetween(a, b, '\n', ' '))
  while (from < to && isBlank(from, from + 1)) from++
  while (to > from && isBlank(to - 1, to)) to--
  return from < to ? { from, to } : null
}

/**
 * Marks the editor's selection as a claim. Positions come from y-tiptap's
 * `absolutePositionToRelativePosition` over the live binding's mapping, so they point at
 * exactly the characters the person sees selected; the shared `addClaim` re-binds them to
 * the claim's first and last characters and computes quote, prefix and suffix.
 */
export function markSelectionAsClaim(editor: Editor, controller: ClaimTarget, createdBy: string): MarkResult {
  if (!controller.writable) return { ok: false, reason: READ_ONLY }
  const range = trimmedSelection(editor)
  if (range === null) return { ok: false, reason: 'Select the words of the claim first.' }
  if (editor.state.doc.textBetween(range.from, range.to, '\n').length > MAX_CLAIM_CHARS) {
    return { ok: false, reason: TOO_LONG }
  }
  const binding = syncBinding(editor.state)
  if (binding === undefined) return { ok: false, reason: 'The article is still opening. Try again in a moment.' }
  try {
    const startRel = absolutePositionToRelativePosition(range.from, controller.body, binding.mapping)
    const endRel = absolutePositionToRelativePosition(range.to, controller.body, binding.mapping)
    const claimId = addClaim(controller.ydoc, { startRel, endRel, createdBy })
    return { ok: true, claimId }
  } catch (error) {
    if (error instanceof ClaimSchemaError) return { ok: false, reason: 'That selection holds no text to mark.' }
    throw error
  }
}

/** Words of the article's plain text (getBodyText), e.g. a suggested sentence. */
export interface TextSpan {
  from: number
  to: number
  /** The words at [from, to) when the span was taken. */
  quote: string
}

/**
 * Where a span's words are in `text` now: where they were, or else the occurrence nearest
 * to that (someone typed above them since the span was taken); null when they are gone.
 */
export function locateSpan(text: string, span: TextSpan): TextRange | null {
  if (text.slice(span.from, span.to) === span.quote) return { from: span.from, to: span.to }
  return findQuote(text, { exact: span.quote, prefix: '', suffix: '' }, span.from)
}

/**
 * Marks a span of the plain text as a claim, with the shared `markClaimAtText` (the same
 * `addClaim` underneath as a selection, so the claim syncs the same way). The span comes
 * from a snapshot that can be a moment old while others type: if its words moved, they are
 * found again (the occurrence nearest the old place); if they are gone, nothing is marked.
 */
export function markTextAsClaim(controller: ClaimTarget, span: TextSpan, createdBy: string): MarkResult {
  if (!controller.writable) return { ok: false, reason: READ_ONLY }
  if (span.quote.length > MAX_CLAIM_CHARS) {
    return { ok: false, reason: `That passage is too long for one claim (at most ${MAX_CLAIM_CHARS} characters).` }
  }
  const range = locateSpan(getBodyText(controller.ydoc), span)
  if (range === null) return { ok: false, reason: 'Those words are no longer in the article.' }
  const claimId = markClaimAtText(controller.ydoc, range.from, range.to, { createdBy })
  return { ok: true, claimId }
}
