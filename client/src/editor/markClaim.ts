import type { Editor } from '@tiptap/core'
import { absolutePositionToRelativePosition, ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap'
import { addClaim, ClaimSchemaError } from '@fc/shared/schema/index'
import type { ClaimsController } from '../claims/ClaimsController'

export type MarkResult = { ok: true; claimId: string } | { ok: false; reason: string }

/** Longest claim we accept from a selection: a claim is a sentence or two, not a chapter. */
export const MAX_CLAIM_CHARS = 2000

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
export function markSelectionAsClaim(editor: Editor, controller: ClaimsController, createdBy: string): MarkResult {
  if (!controller.writable) return { ok: false, reason: 'You can read this article but not mark claims in it.' }
  const range = trimmedSelection(editor)
  if (range === null) return { ok: false, reason: 'Select the words of the claim first.' }
  if (editor.state.doc.textBetween(range.from, range.to, '\n').length > MAX_CLAIM_CHARS) {
    return { ok: false, reason: `That selection is too long for one claim (at most ${MAX_CLAIM_CHARS} characters).` }
  }
  const binding = (ySyncPluginKey.getState(editor.state) as { binding?: ProsemirrorBinding } | undefined)?.binding
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
