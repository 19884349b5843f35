import * as Y from 'yjs'
import { absolutePositionToRelativePosition } from 'y-prosemirror'
import { describe, expect, it } from 'vitest'
import { anchorClaim, anchorClaims, markClaimAtText, repairClaimAnchor, type AnchorResult } from './anchor.js'
import { BodyText, getBodyText } from './body-text.js'
import { addClaim } from './claims.js'
import { bodyFragment } from './doc-keys.js'
import { readClaim, readClaims } from './read.js'
import { connect, docWithBlocks, proseMirrorMapping } from './test-docs.js'

const CLAIM = '84 soldiers were killed'

function twoParagraphs(): Y.Doc {
  return docWithBlocks([
    ['paragraph', 'The ministry issued a statement.'],
    ['paragraph', 'The group said 84 soldiers were killed on Monday.'],
  ])
}

function secondText(doc: Y.Doc): Y.XmlText {
  return (bodyFragment(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText
}

function anchoredText(doc: Y.Doc, claimId: string): { result: AnchorResult; text: string | null } {
  const result = anchorClaim(doc, readClaim(doc, claimId)!)
  const text = result.status === 'detached' ? null : getBodyText(doc).slice(result.from, result.to)
  return { result, text }
}

/**
 * The lifecycle every claim must survive, with the edits made on a second, synced peer:
 * edits before and inside keep it attached, deleting its words detaches it, and typing them
 * again lets it be found by quote.
 */
function expectClaimSurvivesEditing(doc: Y.Doc, claimId: string): void {
  const peer = new Y.Doc()
  connect(doc, peer)
  const text = secondText(peer)

  expect(anchoredText(doc, claimId)).toMatchObject({ result: { status: 'anchored' }, text: CLAIM })

  text.insert(0, 'Yesterday, ') // before the claim, same paragraph
  ;(bodyFragment(peer).get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Update: ')]) // earlier paragraph
  expect(anchoredText(doc, claimId)).toMatchObject({ result: { status: 'anchored' }, text: CLAIM })

  text.insert(text.toString().indexOf('soldiers'), 'Pakistani ') // inside the claim
  expect(anchoredText(doc, claimId)).toMatchObject({
    result: { status: 'anchored' },
    text: '84 Pakistani soldiers were killed',
  })

  const from = text.toString().indexOf('84 Pakistani')
  text.delete(from, '84 Pakistani soldiers were killed'.length)
  expect(getBodyText(doc)).toContain('The group said  on Monday.')
  expect(anchoredText(doc, claimId).result).toEqual({ status: 'detached' })

  text.insert(from, CLAIM)
  const again = anchoredText(doc, claimId)
  expect(again.result.status).toBe('reanchored')
  expect(again.text).toBe(CLAIM)
}

describe('claim anchoring', () => {
  it('keeps a claim marked by a bot on plain text attached through edits', () => {
    const doc = twoParagraphs()
    const from = getBodyText(doc).indexOf(CLAIM)
    const id = markClaimAtText(doc, from, from + CLAIM.length, { createdBy: 'bot:detector' })
    const claim = readClaim(doc, id)!
    expect(claim).toMatchObject({ quote: CLAIM, prefix: 'ed a statement.\n\nThe group said ', suffix: ' on Monday.' })
    expect(claim.prefix).toHaveLength(32)
    expectClaimSurvivesEditing(doc, id)
  })

  it('keeps a claim whose positions came from y-prosemirror attached through edits', () => {
    // y-prosemirror binds the end to the character after the claim; addClaim re-binds it to
    // the claim's last character, so retyped text at a deleted claim's place stays detached.
    const doc = twoParagraphs()
    const fragment = bodyFragment(doc)
    const mapping = proseMirrorMapping(fragment) as never
    // First paragraph: 32 chars → nodeSize 34; the second paragraph's text starts at 35.
    const pmFrom = 35 + 'The group said '.length
    const startRel = absolutePositionToRelativePosition(pmFrom, fragment, mapping)
    const endRel = absolutePositionToRelativePosition(pmFrom + CLAIM.length, fragment, mapping)
    const id = addClaim(doc, { startRel, endRel, createdBy: 'user-1' })
    expect(readClaim(doc, id)).toMatchObject({ quote: CLAIM, suffix: ' on Monday.' })
    expectClaimSurvivesEditing(doc, id)
  })

  it('detaches a claim whose whole paragraph was deleted, and re-anchors it if the text returns', () => {
    const doc = twoParagraphs()
    const from = getBodyText(doc).indexOf(CLAIM)
    const id = markClaimAtText(doc, from, from + CLAIM.length, { createdBy: 'bot' })
    bodyFragment(doc).delete(1, 1)
    expect(anchoredText(doc, id).result).toEqual({ status: 'detached' })
    const restored = new Y.XmlElement('paragraph')
    restored.insert(0, [new Y.XmlText(`Officials denied that ${CLAIM}.`)])
    bodyFragment(doc).insert(1, [restored])
    expect(anchoredText(doc, id)).toMatchObject({ result: { status: 'reanchored' }, text: CLAIM })
  })

  it('re-anchors at the occurrence whose context matches best', () => {
    const doc = docWithBlocks([
      ['paragraph', 'Critics said 84 soldiers were killed, which the army denied.'],
      ['paragraph', 'The group said 84 soldiers were killed on Monday.'],
      ['paragraph', 'Nobody said 84 soldiers were killed last year.'],
    ])
    const text = getBodyText(doc)
    const id = addClaim(doc, { quote: CLAIM, prefix: 'The group said ', suffix: ' on Monday.', createdBy: 'bot' })
    const result = anchorClaim(doc, readClaim(doc, id)!)
    const expectedFrom = text.indexOf(`The group said ${CLAIM}`) + 'The group said '.length
    expect(result).toEqual({ status: 'reanchored', from: expectedFrom, to: expectedFrom + CLAIM.length })
  })

  it('reports a claim without positions whose quote is gone as detached', () => {
    const doc = twoParagraphs()
    const id = addClaim(doc, { quote: 'not in the article', createdBy: 'bot' })
    expect(anchorClaim(doc, readClaim(doc, id)!)).toEqual({ status: 'detached' })
  })

  it('treats undecodable stored positions as absent', () => {
    const doc = twoParagraphs()
    const result = anchorClaim(doc, { start: '!!not base64', end: 'AAAA', quote: CLAIM, prefix: '', suffix: '' })
    expect(result.status).toBe('reanchored')
  })

  it('stores re-found positions on repair, after which the claim is anchored again', () => {
    const doc = twoParagraphs()
    const id = addClaim(doc, { quote: CLAIM, createdBy: 'bot' })
    expect(readClaim(doc, id)!.start).toBeUndefined()
    const repaired = repairClaimAnchor(doc, id)
    expect(repaired.status).toBe('reanchored')
    const after = anchorClaim(doc, readClaim(doc, id)!)
    expect(after).toEqual({ ...repaired, status: 'anchored' })
  })

  it('anchors many claims against one snapshot', () => {
    const doc = twoParagraphs()
    const a = markClaimAtText(doc, 0, 3, { createdBy: 'bot' })
    const b = addClaim(doc, { quote: 'absent', createdBy: 'bot' })
    const results = anchorClaims(doc, readClaims(doc))
    expect(results.get(a)).toEqual({ status: 'anchored', from: 0, to: 3 })
    expect(results.get(b)).toEqual({ status: 'detached' })
  })
})

describe('markClaimAtText', () => {
  it('rejects ranges that are empty, reversed or outside the text', () => {
    const doc = twoParagraphs()
    const length = getBodyText(doc).length
    expect(() => markClaimAtText(doc, 3, 3, { createdBy: 'bot' })).toThrow(/invalid range/)
    expect(() => markClaimAtText(doc, 5, 2, { createdBy: 'bot' })).toThrow(/invalid range/)
    expect(() => markClaimAtText(doc, 0, length + 1, { createdBy: 'bot' })).toThrow(/invalid range/)
    const separator = getBodyText(doc).indexOf('\n\n')
    expect(() => markClaimAtText(doc, separator, separator + 2, { createdBy: 'bot' })).toThrow(/no body text/)
  })

  it('pulls range ends inside a block separator in to the text', () => {
    const doc = twoParagraphs()
    const separator = getBodyText(doc).indexOf('\n\n')
    const id = markClaimAtText(doc, separator + 1, separator + 12, { createdBy: 'bot' })
    const claim = readClaim(doc, id)!
    expect(claim.quote).toBe('The group ')
    expect(anchorClaim(doc, claim)).toEqual({ status: 'anchored', from: separator + 2, to: separator + 12 })
  })

  it('can span several paragraphs', () => {
    const doc = twoParagraphs()
    const text = getBodyText(doc)
    const from = text.indexOf('statement')
    const to = text.indexOf(' said')
    const id = markClaimAtText(doc, from, to, { createdBy: 'bot' })
    expect(readClaim(doc, id)!.quote).toBe('statement.\n\nThe group')
    expect(BodyText.of(doc).resolveRange(null, null)).toBeNull()
  })
})
