import type { EditorState } from '@tiptap/pm/state'
import { relativePositionToAbsolutePosition, ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

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
    return relativePositionToAbsolutePosition(ydoc, fragment, pos, binding.mapping)
  } catch {
    // A position into content the binding has not rendered (yet): skip this round.
    return null
  }
}
