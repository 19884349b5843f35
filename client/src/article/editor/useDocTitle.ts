import { useEffect, useState } from 'react'
import * as Y from 'yjs'

/**
 * The article's title when the text itself carries it: a leading top-level heading.
 * Watching the fragment (not an API field) keeps the top bar right while someone edits
 * the headline. Imports that keep the title outside the body (the seed article) yield null.
 */
export function useDocTitle(body: Y.XmlFragment | null): string | null {
  const [title, setTitle] = useState<string | null>(() => (body ? leadingHeading(body) : null))

  useEffect(() => {
    if (body === null) {
      setTitle(null)
      return
    }
    const update = () => setTitle(leadingHeading(body))
    update()
    body.observeDeep(update)
    return () => body.unobserveDeep(update)
  }, [body])

  return title
}

function leadingHeading(body: Y.XmlFragment): string | null {
  const first = body.get(0)
  if (!(first instanceof Y.XmlElement) || first.nodeName !== 'heading') return null
  // A level-2 crosshead at the top is a section, not the headline.
  if (Number(first.getAttribute('level') ?? 1) !== 1) return null
  const text = plainText(first).replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

function plainText(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    // toString() would include mark tags such as <bold>; the delta is the bare text.
    return (node.toDelta() as Array<{ insert?: unknown }>)
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('')
  }
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? plainText(child) : ''))
    .join('')
}
