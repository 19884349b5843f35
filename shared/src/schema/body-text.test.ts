import * as Y from 'yjs'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from 'y-prosemirror'
import { describe, expect, it } from 'vitest'
import { BodyText, getBodyText, plainTextRangeToRelative } from './body-text.js'
import { writePlainTextBody } from './body-write.js'
import { bodyFragment } from './doc-keys.js'
import { docWithBlocks, proseMirrorMapping } from './test-docs.js'

function element(name: string, children: Array<Y.XmlElement | Y.XmlText>): Y.XmlElement {
  const el = new Y.XmlElement(name)
  el.insert(0, children)
  return el
}

describe('plain text of the body', () => {
  it('joins textblocks with a blank line, renders hard breaks as newlines and ignores marks', () => {
    const doc = new Y.Doc()
    const bold = new Y.XmlText()
    bold.insert(0, 'plain ')
    bold.insert(6, 'bold', { bold: true })
    bodyFragment(doc).insert(0, [
      element('heading', [new Y.XmlText('Title')]),
      element('paragraph', [bold, element('hardBreak', []), new Y.XmlText('next line')]),
      element('bulletList', [
        element('listItem', [element('paragraph', [new Y.XmlText('one')])]),
        element('listItem', [element('paragraph', [new Y.XmlText('two')])]),
      ]),
      element('paragraph', []),
      element('blockquote', [element('paragraph', [new Y.XmlText('quoted')])]),
    ])
    expect(getBodyText(doc)).toBe('Title\n\nplain bold\nnext line\n\none\n\ntwo\n\n\n\nquoted')
  })

  it('is empty for an empty body', () => {
    expect(getBodyText(new Y.Doc())).toBe('')
  })

  it('writes plain text as one paragraph per non-blank line', () => {
    const doc = new Y.Doc()
    writePlainTextBody(doc, 'First line.\r\n\n  Second line.  \nThird.')
    expect(bodyFragment(doc).length).toBe(3)
    expect(getBodyText(doc)).toBe('First line.\n\nSecond line.\n\nThird.')
    writePlainTextBody(doc, 'Replaced.')
    expect(getBodyText(doc)).toBe('Replaced.')
  })
})

describe('offsets and relative positions', () => {
  const doc = docWithBlocks([
    ['paragraph', 'Hello'],
    ['paragraph', 'World'],
  ])
  const body = BodyText.of(doc)

  it('round-trips every offset inside a block', () => {
    for (const offset of [0, 1, 4, 7, 9, 11]) {
      expect(body.offsetOf(body.relativePositionAt(offset, 'start'))).toBe(offset)
    }
    for (const offset of [1, 5, 8, 12]) {
      expect(body.offsetOf(body.relativePositionAt(offset, 'end'))).toBe(offset)
    }
  })

  it('snaps offsets inside a block separator to the nearest text', () => {
    // "Hello\n\nWorld": offsets 5 and 6 sit between the blocks.
    expect(body.offsetOf(body.relativePositionAt(5, 'start'))).toBe(7)
    expect(body.offsetOf(body.relativePositionAt(6, 'start'))).toBe(7)
    expect(body.offsetOf(body.relativePositionAt(6, 'end'))).toBe(5)
    expect(body.offsetOf(body.relativePositionAt(7, 'end'))).toBe(5)
  })

  it('rejects offsets outside the text', () => {
    expect(() => body.relativePositionAt(-1, 'start')).toThrow(RangeError)
    expect(() => body.relativePositionAt(13, 'end')).toThrow(RangeError)
    expect(() => body.relativePositionAt(1.5, 'end')).toThrow(RangeError)
  })

  it('binds a range start to the next character and its end to the previous one', () => {
    const live = docWithBlocks([['paragraph', 'abcdef']])
    const { start, end } = plainTextRangeToRelative(live, 2, 4) // "cd"
    const text = bodyFragment(live).get(0) as Y.XmlElement
    const node = text.get(0) as Y.XmlText
    node.insert(4, 'X') // typed right after the range
    node.insert(2, 'Y') // typed right before it
    node.insert(4, 'Z') // typed inside it
    const after = BodyText.of(live)
    expect(after.text).toBe('abYcZdXef')
    expect(after.resolveRange(start, end)).toEqual({ from: 3, to: 6 })
  })

  it('maps positions around hard breaks', () => {
    const live = new Y.Doc()
    bodyFragment(live).insert(0, [
      element('paragraph', [new Y.XmlText('ab'), element('hardBreak', []), new Y.XmlText('cd')]),
    ])
    const text = BodyText.of(live)
    expect(text.text).toBe('ab\ncd')
    for (const offset of [0, 2, 3, 4]) expect(text.offsetOf(text.relativePositionAt(offset, 'start'))).toBe(offset)
    for (const offset of [1, 2, 3, 5]) expect(text.offsetOf(text.relativePositionAt(offset, 'end'))).toBe(offset)
  })

  it('does not resolve positions outside the body, nor garbage', () => {
    const other = new Y.Doc()
    const foreign = Y.createRelativePositionFromTypeIndex(other.getText('x'), 0)
    expect(body.offsetOf(foreign)).toBeNull()
    const rootOfAnotherName = new Y.RelativePosition(null, 'notes', null, 0)
    expect(body.offsetOf(rootOfAnotherName)).toBeNull()
    expect(doc.share.has('notes')).toBe(false)
    const claimsPos = Y.createRelativePositionFromTypeIndex(doc.getMap('claims'), 0)
    expect(body.offsetOf(claimsPos)).toBeNull()
  })
})

describe('positions made by y-prosemirror', () => {
  // <h1>Title</h1><p>Hello world</p><ul><li><p>Item</p></li></ul>
  // ProseMirror positions of the text:  Title 1..6 | Hello world 8..19 | Item 23..27
  // Plain text "Title\n\nHello world\n\nItem": Title 0..5 | Hello world 7..18 | Item 20..24
  const doc = new Y.Doc()
  bodyFragment(doc).insert(0, [
    element('heading', [new Y.XmlText('Title')]),
    element('paragraph', [new Y.XmlText('Hello world')]),
    element('bulletList', [element('listItem', [element('paragraph', [new Y.XmlText('Item')])])]),
  ])
  const fragment = bodyFragment(doc)
  const mapping = proseMirrorMapping(fragment)
  const textPositions: Array<[pm: number, plain: number, blockEnd: boolean]> = []
  for (let pm = 1; pm <= 6; pm++) textPositions.push([pm, pm - 1, pm === 6])
  for (let pm = 8; pm <= 19; pm++) textPositions.push([pm, pm - 1, pm === 19])
  for (let pm = 23; pm <= 27; pm++) textPositions.push([pm, pm - 3, pm === 27])

  it('resolves them to plain-text offsets', () => {
    const body = BodyText.of(doc)
    expect(body.text).toBe('Title\n\nHello world\n\nItem')
    for (const [pm, plain] of textPositions) {
      const rel = absolutePositionToRelativePosition(pm, fragment, mapping as never)
      expect(body.offsetOf(rel), `ProseMirror position ${pm}`).toBe(plain)
    }
    // Position 0 is stored against the fragment itself, not a text node.
    expect(body.offsetOf(absolutePositionToRelativePosition(0, fragment, mapping as never))).toBe(0)
  })

  it('makes positions y-prosemirror resolves back to the same ProseMirror positions', () => {
    const body = BodyText.of(doc)
    for (const [pm, plain, blockEnd] of textPositions) {
      const rel = body.relativePositionAt(plain, blockEnd ? 'end' : 'start')
      expect(relativePositionToAbsolutePosition(doc, fragment, rel, mapping as never), `plain offset ${plain}`).toBe(pm)
    }
    // Range ends bind to the character before them; y-prosemirror must resolve those too.
    for (const [pm, plain] of textPositions.filter(([, plain]) => ![0, 7, 20].includes(plain))) {
      const rel = body.relativePositionAt(plain, 'end')
      expect(relativePositionToAbsolutePosition(doc, fragment, rel, mapping as never), `end at ${plain}`).toBe(pm)
    }
  })

  it('resolves a block-boundary position stored against an element', () => {
    const body = BodyText.of(doc)
    const paragraph = fragment.get(1) as Y.XmlElement
    // y-prosemirror's "end of this paragraph" shape: the element's id, no item.
    const endOfParagraph = new Y.RelativePosition(paragraph._item!.id, null, null, 0)
    expect(body.offsetOf(endOfParagraph)).toBe(18)
    const startOfList = Y.createRelativePositionFromTypeIndex(fragment, 2)
    expect(body.offsetOf(startOfList)).toBe(20)
  })
})
