import * as Y from 'yjs'
import { bodyFragment } from './doc-keys.js'

/**
 * Replaces the body with one paragraph per non-blank line of `text`. Plain-text articles
 * arrive with one paragraph per line (or blank lines between paragraphs); both read back
 * through getBodyText as paragraphs joined by "\n\n".
 */
export function writePlainTextBody(doc: Y.Doc, text: string): void {
  const paragraphs = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(line)])
      return paragraph
    })
  const body = bodyFragment(doc)
  doc.transact(() => {
    if (body.length > 0) body.delete(0, body.length)
    body.insert(0, paragraphs)
  })
}
