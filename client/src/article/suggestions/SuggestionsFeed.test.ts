import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bodyFragment, getBodyText, markClaimAtText, removeClaim } from '@fc/shared/schema/index'
import { connect, docWithBlocks } from '@fc/shared/schema/test-docs'
import { SuggestionsFeed, TEXT_SETTLE_MS } from './SuggestionsFeed'

const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms))

const KILLED = 'The group said 84 soldiers were killed on Monday.'
const ROADS = 'Officials told reporters that 12 roads were closed.'

function article(): Y.Doc {
  return docWithBlocks([
    ['heading', 'Attacks in the north'],
    ['paragraph', `The weather was pleasant. ${KILLED}`],
    ['paragraph', ROADS],
  ])
}

function mark(doc: Y.Doc, words: string): string {
  const from = getBodyText(doc).indexOf(words)
  return markClaimAtText(doc, from, from + words.length, { createdBy: 'u1' })
}

const quotes = (feed: SuggestionsFeed) => feed.getSnapshot().map((s) => s.quote)

describe('SuggestionsFeed', () => {
  it('lists the check-worthy sentences with offsets into the plain text', () => {
    const doc = article()
    const feed = new SuggestionsFeed(doc)
    expect(quotes(feed)).toEqual([KILLED, ROADS])
    const text = getBodyText(doc)
    for (const s of feed.getSnapshot()) expect(text.slice(s.start, s.end)).toBe(s.quote)
    feed.destroy()
  })

  it('drops a sentence as soon as a claim covers it, and brings it back when the claim goes', async () => {
    const doc = article()
    const feed = new SuggestionsFeed(doc)
    let renders = 0
    feed.subscribe(() => renders++)
    const id = mark(doc, '84 soldiers were killed')
    await settle()
    expect(quotes(feed)).toEqual([ROADS])
    expect(renders).toBe(1)
    removeClaim(doc, id)
    await settle()
    expect(quotes(feed)).toEqual([KILLED, ROADS])
    feed.destroy()
  })

  it('follows edits from another replica, once the text settles', async () => {
    const doc = article()
    const other = new Y.Doc()
    connect(doc, other)
    const feed = new SuggestionsFeed(doc)
    const paragraph = bodyFragment(other).get(1) as Y.XmlElement
    const text = paragraph.get(0) as Y.XmlText
    text.insert(0, 'Police said 3 people were hurt. ')
    expect(quotes(feed)).toEqual([KILLED, ROADS]) // not yet: typing is still going on
    await settle(TEXT_SETTLE_MS + 50)
    expect(quotes(feed)).toEqual(['Police said 3 people were hurt.', KILLED, ROADS])
    const shifted = feed.getSnapshot()[1]!
    expect(getBodyText(doc).slice(shifted.start, shifted.end)).toBe(KILLED)
    feed.destroy()
  })

  it('stops listening when destroyed', async () => {
    const doc = article()
    const feed = new SuggestionsFeed(doc)
    feed.destroy()
    mark(doc, ROADS)
    await settle()
    expect(quotes(feed)).toEqual([KILLED, ROADS])
  })
})
