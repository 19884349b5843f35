import { describe, expect, it } from 'vitest'
import { DEFAULT_VERDICT_SCALE, relabelVerdicts } from '../schema/verdicts.js'
import type { RefusedUrl } from './article.js'
import { buildClaimReviews } from './claim-review.js'
import { ARTICLE, CAPTIVES, DETACHED, KILLED } from './test-fixtures.js'

describe('buildClaimReviews', () => {
  const opts = { organization: { name: 'Example Checks', url: 'https://checks.example' }, datePublished: '2025-02-03' }

  it('emits one ClaimReview per claim with a verdict', () => {
    const reviews = buildClaimReviews(ARTICLE, [KILLED, CAPTIVES, DETACHED], DEFAULT_VERDICT_SCALE, opts)
    expect(reviews.map((r) => r.claimReviewed)).toEqual([KILLED.quote, CAPTIVES.quote])
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factcheck.example/articles/art-1#claim-c-killed',
      claimReviewed: '84 Pakistani security personnel were killed',
      datePublished: '2025-02-03',
      author: { '@type': 'Organization', name: 'Example Checks', url: 'https://checks.example' },
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'False',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        ratingExplanation: KILLED.rationale,
      },
      itemReviewed: {
        '@type': 'Claim',
        appearance: { '@type': 'CreativeWork', url: 'https://news.example/bla-attacks' },
        author: { '@type': 'Organization', name: 'Baloch Liberation Army' },
      },
      citation: [{ '@type': 'CreativeWork', url: 'https://gov.example/press?id=7', name: 'Ministry press [release]' }],
    })
  })

  it('gives verdicts off the true→false scale a label but no numbers', () => {
    const [, captives] = buildClaimReviews(ARTICLE, [KILLED, CAPTIVES], DEFAULT_VERDICT_SCALE, opts)
    expect(captives!.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'Unproven',
      ratingExplanation: 'No independent confirmation.',
    })
  })

  it('uses the workspace labels', () => {
    const scale = relabelVerdicts({ false: 'Pants on fire' })
    const [killed] = buildClaimReviews(ARTICLE, [KILLED], scale, opts)
    expect(killed!.reviewRating.alternateName).toBe('Pants on fire')
    expect(killed!.reviewRating.ratingValue).toBe(1)
  })

  it('drops and reports evidence URLs that are not http(s), and never emits unsafe links', () => {
    const refused: RefusedUrl[] = []
    const article = { ...ARTICLE, sourceUrl: 'javascript:alert(1)' }
    const reviews = buildClaimReviews(article, [KILLED], DEFAULT_VERDICT_SCALE, {
      ...opts,
      organization: { name: 'Example Checks', url: 'data:text/html,x' },
      onRefusedUrl: (r) => refused.push(r),
    })
    expect(refused).toEqual([{ claimId: 'c-killed', evidenceId: 'e-js', url: 'javascript:alert(document.cookie)' }])
    expect(JSON.stringify(reviews)).not.toMatch(/javascript:|data:/)
    // The original's URL was unsafe: no appearance at all (this app's page is members-only).
    expect(reviews[0]!.itemReviewed.appearance).toBeUndefined()
    expect(reviews[0]!.author).toEqual({ '@type': 'Organization', name: 'Example Checks' })
  })

  it('names the claim’s claimant as the claim’s author, and dates a preview not at all', () => {
    const [review] = buildClaimReviews(
      ARTICLE,
      [{ ...KILLED, claimant: '  Pakistan’s  army ' }],
      DEFAULT_VERDICT_SCALE,
      {
        organization: { name: 'X' },
        datePublished: null,
        dateModified: () => '2025-03-01T00:00:00.000Z',
      },
    )
    expect(review!.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Pakistan’s army' })
    expect(review!.datePublished).toBeUndefined()
    expect(review!.dateModified).toBeUndefined()
    const [published] = buildClaimReviews(ARTICLE, [KILLED], DEFAULT_VERDICT_SCALE, {
      ...opts,
      dateModified: () => '2025-03-01T00:00:00.000Z',
    })
    expect(published).toMatchObject({ datePublished: '2025-02-03', dateModified: '2025-03-01T00:00:00.000Z' })
  })

  it('collapses whitespace in the reviewed quote and defaults the date to today', () => {
    const multiline = { ...CAPTIVES, quote: 'taken 18\n\npersonnel  captive' }
    const [review] = buildClaimReviews(ARTICLE, [multiline], DEFAULT_VERDICT_SCALE, { organization: { name: 'X' } })
    expect(review!.claimReviewed).toBe('taken 18 personnel captive')
    expect(review!.datePublished).toBe(new Date().toISOString().slice(0, 10))
  })
})

describe('ClaimReview: evidence without an address', () => {
  it('cites only what has a URL, and reports nothing refused for an interview or a document without one', () => {
    const refused: unknown[] = []
    const claim = {
      ...KILLED,
      evidence: [
        ...KILLED.evidence.filter((e) => e.id === 'e-ok'),
        {
          id: 'e-int',
          kind: 'interview' as const,
          url: '',
          title: '',
          quote: '',
          stance: 'refutes' as const,
          addedBy: 'u',
          addedAt: '2025-02-01T09:00:00.000Z',
          interviewee: 'Dr. Rana',
          interviewedAt: '2025-02-01',
        },
      ],
    }
    const [review] = buildClaimReviews(ARTICLE, [claim], DEFAULT_VERDICT_SCALE, {
      organization: { name: 'Example Checks' },
      datePublished: '2025-02-03',
      onRefusedUrl: (r) => refused.push(r),
    })
    expect(review!.citation).toEqual([
      { '@type': 'CreativeWork', url: 'https://gov.example/press?id=7', name: 'Ministry press [release]' },
    ])
    expect(refused).toEqual([])
  })
})
