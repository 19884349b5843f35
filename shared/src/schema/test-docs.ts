import * as Y from 'yjs'
import { bodyFragment } from './doc-keys.js'

/** Test helper: a body built from [nodeName, text] blocks, as y-prosemirror would store them. */
export function docWithBlocks(blocks: Array<[string, string]>): Y.Doc {
  const doc = new Y.Doc()
  bodyFragment(doc).insert(
    0,
    blocks.map(([name, text]) => {
      const element = new Y.XmlElement(name)
      if (text.length > 0) element.insert(0, [new Y.XmlText(text)])
      return element
    }),
  )
  return doc
}

/** Test helper: keeps two docs in sync the way a provider would. */
export function connect(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a)
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b)
  })
}

/**
 * Test helper: the ProseMirror node sizes y-prosemirror's mapping would hold for a body of
 * textblocks, containers and atoms (elements without children and not textblocks).
 */
export function proseMirrorMapping(
  fragment: Y.XmlFragment,
  atoms: ReadonlySet<string> = new Set(['hardBreak']),
): Map<Y.AbstractType<unknown>, { nodeSize: number }> {
  const mapping = new Map<Y.AbstractType<unknown>, { nodeSize: number }>()
  const size = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): number => {
    if (node instanceof Y.XmlText) return node.length
    if (!(node instanceof Y.XmlElement)) return 0
    const nodeSize = atoms.has(node.nodeName) ? 1 : 2 + node.toArray().reduce((sum, child) => sum + size(child), 0)
    mapping.set(node as Y.AbstractType<unknown>, { nodeSize })
    return nodeSize
  }
  fragment.toArray().forEach(size)
  return mapping
}
