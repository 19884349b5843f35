import type { EditorView } from '@tiptap/pm/view'
import { scrollBehavior, scrollingAncestor } from '../../ui/scrolling'

/*
 * Where each claim's words are in one editor, for code that is not the highlights' own.
 * Claims are drawn with the CSS Custom Highlight API (editor/claimHighlights.ts), so there
 * is no element per claim to query: the highlights register this lookup for their view, and
 * the claims controller (opening a claim from the caret, scrolling to a claim) asks it.
 */

export interface ClaimText {
  /** The claim's editor positions [from, to), or null when it is not drawn in the text. */
  span(claimId: string): { from: number; to: number } | null
  /** The claims containing a caret at `pos`, innermost (shortest) first. */
  idsAt(pos: number): string[]
  /** A DOM range over the claim's words as drawn now, or null. */
  range(claimId: string): Range | null
}

const registry = new WeakMap<EditorView, ClaimText>()

export function provideClaimText(view: EditorView, text: ClaimText | null): void {
  if (text === null) registry.delete(view)
  else registry.set(view, text)
}

export function claimTextOf(view: EditorView): ClaimText | undefined {
  return registry.get(view)
}

/**
 * Brings a range of the article to the middle of its scroller; gently, unless motion is
 * reduced. A range has no scrollIntoView: its rectangle is measured and the nearest
 * scrolling ancestor (or the window) moved by the difference.
 */
export function scrollRangeIntoView(range: Range): void {
  const rect = range.getBoundingClientRect()
  const behavior = scrollBehavior()
  const middle = rect.top + rect.height / 2
  const scroller = scrollingAncestor(range.startContainer)
  if (scroller === null) {
    window.scrollBy({ top: middle - window.innerHeight / 2, behavior })
    return
  }
  const box = scroller.getBoundingClientRect()
  scroller.scrollBy({ top: middle - (box.top + scroller.clientHeight / 2), behavior })
}
