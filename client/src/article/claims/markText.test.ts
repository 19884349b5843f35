import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bodyFragment, getBodyText, readClaim, readClaims } from '@fc/shared/schema/index'
import { connect, docWithBlocks } from '@fc/shared/schema/test-docs'
import { locateSpan } from '../shared-text/markClaim'
import { ClaimsController } from './ClaimsController'

// "Mark as claim" on a suggested sentence: ClaimsController.markText.

const KILLED = 'The group said 84 soldiers were killed on Monday.'

function article(): Y.Doc {
  return docWithBlocks([
    ['paragraph', 'The ministry issued a statement.'],
    ['paragraph', `Reporters arrived late. ${KILLED}`],
  ])
}

function spanOf(doc: Y.Doc, quote: string) {
  const from = getBodyText(doc).indexOf(quote)
  return { from, to: from + quote.length, quote }
}

describe('ClaimsController.markText', () => {
  it('marks exactly the span, by this person, and the claim reaches other replicas', () => {
    const doc = article()
    const other = new Y.Doc()
    connect(doc, other)
    const controller = new ClaimsController(doc, 'u1', true)
    const result = controller.markText(spanOf(doc, KILLED))
    expect(result.ok).toBe(true)
    const id = (result as { claimId: string }).claimId
    expect(readClaim(doc, id)).toMatchObject({ quote: KILLED, createdBy: 'u1', status: 'open' })
    expect(readClaim(other, id)?.quote).toBe(KILLED)
    controller.destroy()
  })

  it('finds the words again when the text moved since the span was taken', () => {
    const doc = article()
    const span = spanOf(doc, KILLED)
    ;((bodyFragment(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Update: ')
    const controller = new ClaimsController(doc, 'u1', true)
    const result = controller.markText(span)
    expect(result.ok).toBe(true)
    expect(readClaims(doc).map((c) => c.quote)).toEqual([KILLED])
    controller.destroy()
  })

  it('refuses, writing nothing, when the words are gone or this person may only read', () => {
    const doc = article()
    const span = spanOf(doc, KILLED)
    const reader = new ClaimsController(doc, 'viewer', false)
    expect(reader.markText(span)).toEqual({ ok: false, reason: 'You can read this article but not mark claims in it.' })
    reader.destroy()

    const text = (bodyFragment(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText
    text.delete(text.toString().indexOf('84'), 2)
    const writer = new ClaimsController(doc, 'u1', true)
    expect(writer.markText(span)).toEqual({ ok: false, reason: 'Those words are no longer in the article.' })
    expect(readClaims(doc)).toEqual([])
    writer.destroy()
  })
})

describe('locateSpan', () => {
  it('keeps the span where its words still are, else takes the occurrence nearest to it', () => {
    const text = 'A said 3. B said 3. A said 3.'
    expect(locateSpan(text, { from: 10, to: 19, quote: 'B said 3.' })).toEqual({ from: 10, to: 19 })
    expect(locateSpan(text, { from: 18, to: 27, quote: 'A said 3.' })).toEqual({ from: 20, to: 29 })
    expect(locateSpan(text, { from: 0, to: 9, quote: 'C said 3.' })).toBeNull()
  })
})
