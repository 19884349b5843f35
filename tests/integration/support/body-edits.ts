import { bodyFragment, readClaim } from '@fc/shared'
import * as Y from 'yjs'
import type { TestClient } from './clients.js'

/** Replaces the first `find` in the body's text nodes, as an editor's keystrokes would. */
export function replaceInBody(doc: Y.Doc, find: string, replacement: string): void {
  const walk = (node: Y.XmlFragment | Y.XmlElement): boolean => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const text = child
          .toDelta()
          .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : '\uFFFC'))
          .join('')
        const at = text.indexOf(find)
        if (at < 0) continue
        doc.transact(() => {
          child.delete(at, find.length)
          child.insert(at, replacement)
        })
        return true
      }
      if (child instanceof Y.XmlElement && walk(child)) return true
    }
    return false
  }
  if (!walk(bodyFragment(doc))) throw new Error(`"${find}" is not in the body`)
}

/** A claim's stored quote, prefix and suffix as `client` holds them. */
export function storedQuote(client: TestClient, claimId: string): { quote: string; prefix: string; suffix: string } {
  const c = readClaim(client.doc, claimId)
  if (c === undefined) throw new Error(`no claim ${claimId}`)
  return { quote: c.quote, prefix: c.prefix, suffix: c.suffix }
}
