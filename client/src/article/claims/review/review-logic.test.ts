import { describe, expect, it } from 'vitest'
import { readArticleReview, readQueue } from '../../../api/review'
import { decisionsOf, reviewActions, whoName } from './reviewFormat'

describe('review actions follow the transition table', () => {
  it('offers a request from unreviewed and changes-requested only', () => {
    expect(reviewActions('unreviewed', true).request).toBe(true)
    expect(reviewActions('changes-requested', true).request).toBe(true)
    expect(reviewActions('in-review', true).request).toBe(false)
    expect(reviewActions('approved', true).request).toBe(false)
  })

  it('approves anything not approved, but only with a verdict', () => {
    expect(reviewActions('unreviewed', true).approve).toBe(true)
    expect(reviewActions('changes-requested', true).approve).toBe(true)
    expect(reviewActions('in-review', false).approve).toBe(false)
    expect(reviewActions('approved', true).approve).toBe(false)
  })

  it('requests changes from in-review and approved only', () => {
    expect(reviewActions('in-review', true).requestChanges).toBe(true)
    expect(reviewActions('approved', true).requestChanges).toBe(true)
    expect(reviewActions('unreviewed', true).requestChanges).toBe(false)
    expect(reviewActions('changes-requested', true).requestChanges).toBe(false)
  })
})

describe('reading the review answers', () => {
  const body = {
    claims: [
      {
        claimId: 'c1',
        state: 'approved',
        verdict: 'false',
        verdictSetBy: { id: 'u1', name: 'Ayesha' },
        verdictSetAt: '2026-12-02T10:00:00Z',
        approvedBy: { id: 'u2', name: 'Omar' },
      },
      { claimId: 'c2', state: 'done' },
      { claimId: 'c3', state: 'in-review', verdict: 'nonsense' },
    ],
    decisions: [
      {
        id: 'd1',
        claimId: 'c1',
        decision: 'request-changes',
        note: 'Second source?',
        by: { id: 'u2', name: 'Omar' },
        at: '2026-12-02T10:05:00Z',
      },
      {
        id: 'd2',
        claimId: 'c1',
        decision: 'approve',
        note: '',
        by: { id: 'u2', name: 'Omar' },
        at: '2026-12-02T11:00:00Z',
      },
      { id: 'd3', claimId: 'c1', decision: 'forge', by: { id: 'u2' }, at: '2026-12-02T11:00:00Z' },
    ],
    factCheckPublishedAt: null,
    updatedAfterPublish: true,
  }

  it('keeps what it can show and drops unknown states, verdicts and decisions', () => {
    const review = readArticleReview(body)
    expect(review.claims.map((c) => c.claimId)).toEqual(['c1', 'c3'])
    expect(review.claims[0]).toMatchObject({ state: 'approved', verdict: 'false', verdictSetBy: { name: 'Ayesha' } })
    expect(review.claims[1]?.verdict).toBeUndefined()
    expect(review.decisions.map((d) => d.id)).toEqual(['d1', 'd2'])
    expect(review).toMatchObject({
      factCheckPublishedAt: null,
      lastPublishedAt: null,
      publishedUrl: null,
      updatedAfterPublish: true,
    })
  })

  it('lists a claim’s decisions newest first', () => {
    const review = readArticleReview(body)
    expect(decisionsOf(review, 'c1').map((d) => d.id)).toEqual(['d2', 'd1'])
    expect(decisionsOf(review, 'c9')).toEqual([])
    expect(decisionsOf(null, 'c1')).toEqual([])
  })

  it('reads the queue, with the reason defaulting to a request', () => {
    const queue = readQueue([
      {
        articleId: 'a',
        articleTitle: 'T',
        claimId: 'c',
        quote: 'q',
        verdict: 'true',
        rationale: 'r',
        evidenceCount: 2,
        requestedBy: { id: 'u', name: 'N' },
        requestedAt: 'x',
        reason: 'changed-after-approval',
      },
      { articleId: 'a', claimId: 'd', verdict: null, rationale: null, requestedBy: null },
      { claimId: 'no-article', requestedBy: { id: 'u', name: 'N' } },
    ])
    expect(queue).toHaveLength(2)
    expect(queue[0]).toMatchObject({ reason: 'changed-after-approval', evidenceCount: 2, verdict: 'true' })
    expect(queue[1]).toMatchObject({
      reason: 'requested',
      evidenceCount: 0,
      quote: '',
      rationale: '',
      requestedBy: null,
    })
    expect(queue[1]?.verdict).toBeUndefined()
  })

  it('names the caller “you”', () => {
    expect(whoName({ id: 'me', name: 'Ayesha' }, 'me')).toBe('you')
    expect(whoName({ id: 'u2', name: 'Omar' }, 'me')).toBe('Omar')
  })
})
