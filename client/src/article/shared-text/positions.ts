import type { EditorState } from '@tiptap/pm/state'
import { relativePositionToAbsolutePosition, ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

/**
 * The live y-tiptap binding of an editor: its mapping (Y type → ProseMirror node) is what
 * turns Yjs positions into editor positions and back. Undefined until the editor is bound.
 */
export function syncBinding(state: EditorState): ProsemirrorBinding | undefined {
  return (ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding } | undefined)?.binding
}

/** The editor position of a Yjs relative position in `fragment`, or null when it cannot be placed. */
export function toEditorPosition(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  pos: Y.RelativePosition | null,
  binding: ProsemirrorBinding,
): number | null {
  if (pos === null) return null
  try {
    return (
      relativePositionToAbsolutePosition(ydoc, fragment, pos, binding.mapping) ??
      atDocumentStart(ydoc, fragment, pos, binding)
    )
  } catch {
    // A position into content the binding has not rendered (yet): skip this round.
    return null
  }
}

/**
 * y-tiptap (3.0.x) turns down any position in text that comes out at 1 or less, its guard
 * against positions misresolved into content it has not placed. One such position is real:
 * the document's first character, where a claim or a suggestion on the article's opening
 * words starts (without this, neither is ever lit up in the text). Asked again as "the start
 * of that text", which is not tied to a character and so passes the guard, when the text is
 * live (no deleted ancestor); y-tiptap still does the counting, and still says null where
 * it cannot.
 */
function atDocumentStart(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  pos: Y.RelativePosition,
  binding: ProsemirrorBinding,
): number | null {
  if (pos.item === null) return null
  const decoded = Y.createAbsolutePositionFromRelativePosition(pos, ydoc)
  if (decoded === null || !(decoded.type instanceof Y.XmlText) || decoded.index !== 0) return null
  // biome-ignore lint/suspicious/noExplicitAny: the parents walked up are of any Yjs type, whose type parameter (its event type) differs each time
  let type: Y.AbstractType<any> = decoded.type
  while (type !== fragment) {
    const item = type._item
    if (item === null || item.deleted || !(item.parent instanceof Y.AbstractType)) return null
    type = item.parent
  }
  const start = Y.createRelativePositionFromTypeIndex(decoded.type, 0, -1)
  const found = relativePositionToAbsolutePosition(ydoc, fragment, start, binding.mapping)
  return found === 1 ? found : null
}
