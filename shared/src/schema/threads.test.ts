import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addComment, setThreadResolved } from './comments.js'
import { markClaimAtText } from './anchor.js'
import { readClaim } from './read.js'
import { writePlainTextBody } from './body-write.js'
import { commentThreads } from './threads.js'
import type { Comment } from './types.js'

function docWithClaim(): { doc: Y.Doc; claimId: string } {
  const doc = new Y.Doc()
  writePlainTextBody(doc, 'The ministry said 40 schools reopened.')
  return { doc, claimId: markClaimAtText(doc, 18, 37, { createdBy: 'u1' }) }
}

describe('threaded comments', () => {
  it('stores replyTo and resolve/reopen on the thread’s first comment', () => {
    const { doc, claimId } = docWithClaim()
    const first = addComment(doc, claimId, { author: 'u1', text: 'Source?', at: '2026-01-01T00:00:00.000Z' })
    const reply = addComment(doc, claimId, { author: 'u2', text: 'The register.', replyTo: first })
    expect(readClaim(doc, claimId)!.comments.map((c) => [c.id, c.replyTo])).toEqual([
      [first, undefined],
      [reply, first],
    ])

    expect(setThreadResolved(doc, claimId, first, true, 'u2', '2026-01-02T00:00:00.000Z')).toBe(true)
    expect(readClaim(doc, claimId)!.comments[0]).toMatchObject({
      resolved: true,
      resolvedBy: 'u2',
      resolvedAt: '2026-01-02T00:00:00.000Z',
    })
    expect(setThreadResolved(doc, claimId, first, false, 'u1', '2026-01-03T00:00:00.000Z')).toBe(true)
    expect(readClaim(doc, claimId)!.comments[0]).toMatchObject({ resolved: false, resolvedBy: 'u1' })
  })

  it('refuses an unknown comment, an empty replyTo or resolver, and ignores a non-boolean resolved', () => {
    const { doc, claimId } = docWithClaim()
    const first = addComment(doc, claimId, { author: 'u1', text: 'Source?' })
    expect(setThreadResolved(doc, claimId, 'nope', true, 'u1')).toBe(false)
    expect(() => addComment(doc, claimId, { author: 'u1', text: 'x', replyTo: '' })).toThrow()
    expect(() => setThreadResolved(doc, claimId, first, true, '')).toThrow()
    expect(readClaim(doc, claimId)!.comments).toHaveLength(1)
    // A client writing garbage in the field: read as not resolved.
    const entry = (doc.getMap('claims').get(claimId) as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>
    entry.get(0).set('resolved', 'yes')
    expect(readClaim(doc, claimId)!.comments[0]!.resolved).toBeUndefined()
  })
})

describe('commentThreads', () => {
  const c = (id: string, replyTo?: string, resolved?: boolean): Comment => ({
    id,
    author: 'u1',
    text: id,
    at: '2026-01-01T00:00:00.000Z',
    ...(replyTo !== undefined ? { replyTo } : {}),
    ...(resolved !== undefined ? { resolved } : {}),
  })

  it('groups replies under their thread’s first comment, one level deep, in writing order', () => {
    const threads = commentThreads([c('a', undefined, true), c('b'), c('a1', 'a'), c('a2', 'a1'), c('b1', 'b')])
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id), t.resolved])).toEqual([
      ['a', ['a1', 'a2'], true],
      ['b', ['b1'], false],
    ])
  })

  it('keeps a reply whose thread is gone, or that answers a later or unknown comment, as a thread of its own', () => {
    const threads = commentThreads([c('x1', 'x'), c('p', 'q'), c('q', 'p'), c('d', 'd')])
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([
      ['x1', []],
      ['p', ['q']],
      ['d', []],
    ])
    // Only a thread's first comment decides whether the thread is resolved.
    expect(commentThreads([c('r'), c('r1', 'r', true)])[0]!.resolved).toBe(false)
  })
})
