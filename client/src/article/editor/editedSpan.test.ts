import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Transform } from '@tiptap/pm/transform'
import { describe, expect, it } from 'vitest'
import { differingSpan, spanMapping, stepsSpan } from './editedSpan'

const schema = getSchema([StarterKit.configure({ undoRedo: false })])
const doc = (...paragraphs: string[]) =>
  schema.node(
    'doc',
    null,
    paragraphs.map((p) => schema.node('paragraph', null, p === '' ? [] : [schema.text(p)])),
  )

describe('differingSpan', () => {
  it('is null for equal documents, even as other objects', () => {
    expect(differingSpan(doc('one', 'two'), doc('one', 'two'))).toBeNull()
  })

  it('finds a letter typed in the second paragraph', () => {
    // <p>one</p> is 0..5; "two" starts at 6.
    const span = differingSpan(doc('one', 'two'), doc('one', 'twoX'))
    expect(span).toEqual({ from: 9, to: 10, toBefore: 9 })
  })

  it('moves the ends past the start when the text around the change repeats', () => {
    const span = differingSpan(doc('aaa'), doc('aaaa'))!
    expect(span.to - span.from - (span.toBefore - span.from)).toBe(1)
    expect(span.from).toBeLessThanOrEqual(span.to)
    expect(span.toBefore).toBeGreaterThanOrEqual(span.from)
  })

  it('maps positions before, inside and after the change as one replaced range', () => {
    const mapping = spanMapping(differingSpan(doc('one', 'two', 'six'), doc('one', 'twenty', 'six')))
    expect(mapping.map(2)).toBe(2)
    // "six" started at 11 and now starts at 14.
    expect(mapping.map(11)).toBe(14)
  })
})

describe('stepsSpan', () => {
  it('covers a typed letter', () => {
    const tr = new Transform(doc('one', 'two')).insert(7, schema.text('X'))
    expect(stepsSpan(tr)).toEqual({ from: 7, to: 8 })
  })

  it('carries earlier steps through later ones and joins them', () => {
    const tr = new Transform(doc('one', 'two', 'six')).insert(12, schema.text('X')).insert(2, schema.text('Y'))
    // X went in at 12, shifted to 13 by Y at 2.
    expect(stepsSpan(tr)).toEqual({ from: 2, to: 14 })
  })

  it('covers a deletion as the point where the text was', () => {
    const tr = new Transform(doc('one', 'two')).delete(7, 9)
    expect(stepsSpan(tr)).toEqual({ from: 7, to: 7 })
  })

  it('covers a mark added to some words', () => {
    const tr = new Transform(doc('one', 'two')).addMark(7, 9, schema.marks.bold!.create())
    expect(stepsSpan(tr)).toEqual({ from: 7, to: 9 })
  })

  it('covers a block whose markup changed', () => {
    const tr = new Transform(doc('one', 'two')).setNodeMarkup(5, schema.nodes.heading, { level: 2 })
    expect(stepsSpan(tr)).toEqual({ from: 5, to: 10 })
  })

  it('does not tell without steps', () => {
    expect(stepsSpan(new Transform(doc('one')))).toBeNull()
  })
})
