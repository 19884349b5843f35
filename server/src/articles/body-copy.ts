import { bodyFragment } from '@fc/shared'
import * as Y from 'yjs'

/**
 * A new document holding a copy of the article's `body` and nothing else, as one
 * update. Claims, verdicts and rationales of the original (the team may have
 * fact-checked this very article: that is the answer) stay behind, and so does
 * its editing history.
 */
export function bodyCopyUpdate(source: Y.Doc): Uint8Array {
  const copy = new Y.Doc()
  try {
    // Tiptap content is elements and text; a hook (which Yjs cannot insert as a child by type) is no article text.
    const nodes = bodyFragment(source)
      .toArray()
      .filter((node): node is Y.XmlElement | Y.XmlText => !(node instanceof Y.XmlHook))
      .map((node) => node.clone())
    copy.transact(() => bodyFragment(copy).insert(0, nodes))
    return Y.encodeStateAsUpdate(copy)
  } finally {
    copy.destroy()
  }
}
