import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { bodyFragment, getBodyText, markClaimAtText, readClaim, setStatus } from '@fc/shared/schema/index'
import { docWithBlocks } from '@fc/shared/schema/test-docs'
import { ClaimsController } from './ClaimsController'

// For what must NOT happen (no write, no second notice): a pause; what must happen is waited for (vi.waitFor).
const settle = () => new Promise((resolve) => setTimeout(resolve, 120))

function article(): Y.Doc {
  return docWithBlocks([
    ['paragraph', 'The ministry issued a statement.'],
    ['paragraph', 'The group said 84 soldiers were killed on Monday.'],
  ])
}

function mark(doc: Y.Doc, words: string, createdAt: string): string {
  const from = getBodyText(doc).indexOf(words)
  return markClaimAtText(doc, from, from + words.length, { createdBy: 'u1', createdAt })
}

describe('ClaimsController', () => {
  it('lists claims in text order, longer first where they start together, whatever their age', () => {
    const doc = article()
    const late = mark(doc, 'The ministry', '2025-01-03T00:00:00.000Z')
    const short = mark(doc, '84 soldiers', '2025-01-01T00:00:00.000Z')
    const long = mark(doc, '84 soldiers were killed', '2025-01-02T00:00:00.000Z')
    const controller = new ClaimsController(doc, 'u1', true)
    expect(controller.getData().inText.map((v) => v.claim.id)).toEqual([late, long, short])
    expect(controller.getData().detached).toEqual([])
    controller.destroy()
  })

  it('keeps a claim whose words are deleted as detached, and stores its re-found positions when they return', async () => {
    const doc = article()
    const id = mark(doc, '84 soldiers were killed', '2025-01-01T00:00:00.000Z')
    const controller = new ClaimsController(doc, 'u1', true)
    const text = (bodyFragment(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText
    const at = text.toString().indexOf('84 soldiers')
    text.delete(at, '84 soldiers were killed'.length)
    await vi.waitFor(() => expect(controller.getData().detached.map((v) => v.claim.id)).toEqual([id]))
    const before = readClaim(doc, id)!.start

    text.insert(at, '84 soldiers were killed')
    await vi.waitFor(() =>
      expect(controller.getData().inText.map((v) => [v.claim.id, v.anchor.status])).toEqual([[id, 'anchored']]),
    )
    expect(readClaim(doc, id)!.start).not.toBe(before) // repaired: every client sees it attached
    controller.destroy()
  })

  it('lets a viewer see a re-found claim in place without writing anything', async () => {
    const doc = article()
    const id = mark(doc, '84 soldiers were killed', '2025-01-01T00:00:00.000Z')
    const text = (bodyFragment(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText
    const at = text.toString().indexOf('84 soldiers')
    text.delete(at, '84 soldiers were killed'.length)
    text.insert(at, '84 soldiers were killed')
    let writes = 0
    doc.on('update', () => writes++)
    const controller = new ClaimsController(doc, 'viewer', false)
    await vi.waitFor(() =>
      expect(controller.getData().inText.map((v) => [v.claim.id, v.anchor.status])).toEqual([[id, 'reanchored']]),
    )
    await settle()
    expect(writes).toBe(0)
    controller.destroy()
  })

  it('does not repair positions that point at text this replica has not received yet', async () => {
    const replica = article()
    // Writer A adds a paragraph; writer B, who already has it, marks a claim in it.
    const writerA = new Y.Doc()
    Y.applyUpdate(writerA, Y.encodeStateAsUpdate(replica))
    const start = Y.encodeStateVector(writerA)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Officials said 84 soldiers were killed.')])
    bodyFragment(writerA).insert(2, [paragraph])
    const bodyUpdate = Y.encodeStateAsUpdate(writerA, start)
    const writerB = new Y.Doc()
    Y.applyUpdate(writerB, Y.encodeStateAsUpdate(writerA))
    const beforeMark = Y.encodeStateVector(writerB)
    // The quote also stands in the replica's text already, in another paragraph.
    const text = getBodyText(writerB)
    const from = text.indexOf('84 soldiers', text.indexOf('Officials'))
    const id = markClaimAtText(writerB, from, from + '84 soldiers were killed'.length, { createdBy: 'u2' })
    const claimUpdate = Y.encodeStateAsUpdate(writerB, beforeMark)

    const controller = new ClaimsController(replica, 'u1', true)
    Y.applyUpdate(replica, claimUpdate) // B's claim arrives before A's paragraph (another route)
    await vi.waitFor(() =>
      expect(controller.getData().inText.find((v) => v.claim.id === id)?.anchor.status).toBe('reanchored'),
    )
    Y.applyUpdate(replica, bodyUpdate)
    await settle()
    // The original positions survived: the claim sits where it was marked, not at the
    // earlier occurrence the quote search found meanwhile.
    const view = controller.getData().inText.find((v) => v.claim.id === id)
    expect(view?.anchor).toEqual({ status: 'anchored', from, to: from + '84 soldiers were killed'.length })
    controller.destroy()
  })

  it('knows which claim is open and forgets it when the claim is removed', async () => {
    const doc = article()
    const id = mark(doc, 'The ministry', '2025-01-01T00:00:00.000Z')
    const controller = new ClaimsController(doc, 'u1', true)
    controller.open(id, 'text')
    expect(controller.getSelection()).toMatchObject({ selectedId: id, revealCard: 1 })
    controller.toggle(id)
    expect(controller.getSelection().selectedId).toBeNull()
    controller.open(id, 'text')
    ;(doc.getMap('claims') as Y.Map<unknown>).delete(id)
    await settle()
    expect(controller.getSelection().selectedId).toBeNull()
    controller.destroy()
  })

  it('re-reads only the claims that changed: the others keep their view objects, deleted and new ones follow', async () => {
    const doc = article()
    const a = mark(doc, 'The ministry', '2025-01-01T00:00:00.000Z')
    const b = mark(doc, '84 soldiers', '2025-01-02T00:00:00.000Z')
    const controller = new ClaimsController(doc, 'u1', true)
    let told = 0
    controller.subscribeData(() => told++)
    const before = controller.getData()
    setStatus(doc, b, 'researching')
    await settle()
    const after = controller.getData()
    expect(told).toBe(1)
    expect(after.byId.get(a)).toBe(before.byId.get(a))
    expect(after.byId.get(b)).not.toBe(before.byId.get(b))
    expect(after.byId.get(b)?.claim.status).toBe('researching')

    // Typing elsewhere moves offsets only: nobody is told, nothing is rebuilt.
    const text = (bodyFragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(text.length, ' More.')
    await settle()
    expect(told).toBe(1)
    expect(controller.getData()).toBe(after)

    const c = mark(doc, 'were killed', '2025-01-03T00:00:00.000Z')
    ;(doc.getMap('claims') as Y.Map<unknown>).delete(a)
    await vi.waitFor(() => expect(controller.getData().inText.map((v) => v.claim.id)).toEqual([b, c]))
    expect(controller.getData().byId.get(b)).toBe(after.byId.get(b))
    controller.destroy()
  })
})
