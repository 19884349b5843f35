import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { markClaimAtText } from './anchor.js'
import { getBodyText } from './body-text.js'
import { bodyFragment } from './doc-keys.js'
import { readAnchoredClaims, refreshClaimQuotes } from './live-quotes.js'
import { readClaim } from './read.js'
import { docWithBlocks } from './test-docs.js'

const seeded = () => {
  const doc = docWithBlocks([
    ['paragraph', 'The ministry issued a statement.'],
    ['paragraph', 'The group said 18 soldiers were killed on Monday.'],
  ])
  const text = getBodyText(doc)
  const from = text.indexOf('18 soldiers were killed')
  const id = markClaimAtText(doc, from, from + '18 soldiers were killed'.length, { createdBy: 'u1' })
  return { doc, id }
}
const words = (doc: Y.Doc) => (bodyFragment(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText

describe('quotes that follow the text', () => {
  it('brings an edited claim’s quote and context up to date, once', () => {
    const { doc, id } = seeded()
    words(doc).delete(15, 2)
    words(doc).insert(15, 'eighteen')
    expect(readClaim(doc, id)!.quote).toBe('18 soldiers were killed')
    expect(readAnchoredClaims(doc).claims[0]!.quote).toBe('eighteen soldiers were killed')
    expect(refreshClaimQuotes(doc)).toEqual([id])
    const text = getBodyText(doc)
    const at = text.indexOf('eighteen')
    expect(readClaim(doc, id)).toMatchObject({
      quote: 'eighteen soldiers were killed',
      prefix: text.slice(at - 32, at),
      suffix: ' on Monday.',
    })
    expect(refreshClaimQuotes(doc)).toEqual([])
  })

  it('leaves a claim whose words are gone as it was (detached, found again by its old quote if typed back)', () => {
    const { doc, id } = seeded()
    words(doc).delete(15, 23)
    expect(refreshClaimQuotes(doc)).toEqual([])
    expect(readClaim(doc, id)!.quote).toBe('18 soldiers were killed')
    expect(readAnchoredClaims(doc).anchors.get(id)).toEqual({ status: 'detached' })
  })

  it('two peers refreshing the same state write the same values, and converge', () => {
    const { doc, id } = seeded()
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    words(doc).insert(15, 'about ')
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    refreshClaimQuotes(doc)
    refreshClaimQuotes(peer)
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer))
    expect(readClaim(doc, id)).toEqual(readClaim(peer, id))
    expect(readClaim(doc, id)!.quote).toBe('18 soldiers were killed')
  })
})
