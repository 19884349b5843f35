import { addClaim, addEvidence, markClaimAtText, readClaims, setVerdict, getBodyText } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { backends } from '../support/backends.js'
import { connectClient, waitFor } from '../support/clients.js'
import { writableDoc } from '../support/session.js'
import type { TestServer } from '../support/server.js'

const ARTICLE = [
  'In its statement, the BLA alleged that 84 Pakistani security personnel were killed and dozens more wounded.',
  'It also claimed to have taken 18 personnel captive, reported NDTV.',
].join('\n')

async function get(server: TestServer, path: string, token: string) {
  const res = await fetch(`${server.httpUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
    headers: res.headers,
  }
}

describe.each(backends())('claims through stock clients and the exports ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'a bot marks a claim with two evidence items and a verdict; a second client and the exports see it',
    async () => {
      const server = await backend.start()
      try {
        const access = await writableDoc(server, ARTICLE)
        const bot = connectClient(server, access.docId, access.params)
        const reader = connectClient(server, access.docId, access.params)
        await Promise.all([bot.synced, reader.synced])

        const text = getBodyText(bot.doc)
        const quote = '84 Pakistani security personnel were killed'
        const from = text.indexOf(quote)
        expect(from).toBeGreaterThan(0)
        const claimId = markClaimAtText(bot.doc, from, from + quote.length, { createdBy: 'bot' })
        addEvidence(bot.doc, claimId, {
          url: 'https://www.ndtv.com/world-news/bla-claims',
          title: 'NDTV report',
          quote: 'The BLA claimed 84 personnel were killed',
          stance: 'context',
          addedBy: 'bot',
        })
        addEvidence(bot.doc, claimId, {
          url: 'javascript:alert(1)',
          title: 'A hostile link',
          quote: 'should never become a link',
          stance: 'refutes',
          addedBy: 'bot',
        })
        setVerdict(
          bot.doc,
          claimId,
          'unproven',
          'Only the militant group’s own statement; no independent confirmation.',
        )

        await waitFor(
          () =>
            readClaims(reader.doc).some((c) => c.id === claimId && c.verdict === 'unproven' && c.evidence.length === 2),
          5000,
          'reader to see the claim',
        )
        const seen = readClaims(reader.doc).find((c) => c.id === claimId)!
        expect(seen.quote).toBe(quote)
        expect(seen.rationale).toMatch(/no independent confirmation/)

        // ClaimReview follows review: nothing before the article is published, then its approved claims.
        const draft = await get(server, `/api/articles/${access.articleId}/claimreview`, access.token)
        expect(draft.status).toBe(200)
        expect(JSON.parse(draft.text)).toEqual([])
        const post = (path: string, body: unknown) =>
          fetch(`${server.httpUrl}${path}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${access.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        expect(
          (await post(`/api/articles/${access.articleId}/claims/${claimId}/decisions`, { decision: 'approve' })).status,
        ).toBe(201)
        expect(
          (await post(`/api/articles/${access.articleId}/publish`, { url: 'https://checks.example/bla-claims' }))
            .status,
        ).toBe(200)

        const review = await get(server, `/api/articles/${access.articleId}/claimreview`, access.token)
        expect(review.status).toBe(200)
        expect(review.type).toContain('application/ld+json')
        const reviews = JSON.parse(review.text) as Array<Record<string, any>>
        expect(reviews).toHaveLength(1)
        const r = reviews[0]!
        expect(r['@context']).toBe('https://schema.org')
        expect(r['@type']).toBe('ClaimReview')
        expect(r.claimReviewed).toBe(quote)
        expect(r.reviewRating.alternateName).toBe('Unproven')
        expect(r.reviewRating.ratingValue).toBeUndefined() // unproven has no place on the true→false scale
        expect(r.itemReviewed['@type']).toBe('Claim')
        expect(r.author.name).toBeTruthy()
        expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}/)
        expect(r.url).toBe(`https://checks.example/bla-claims#claim-${claimId}`)
        expect(review.text).not.toContain('javascript:')
        expect(review.headers.get('x-refused-evidence-urls')).toBe('1')

        const report = await get(server, `/api/articles/${access.articleId}/report.md`, access.token)
        expect(report.status).toBe(200)
        expect(report.text).toContain('Unproven')
        expect(report.text).toContain('NDTV report')
        expect(report.text).not.toMatch(/\]\(javascript:/)

        const annotations = JSON.parse(
          (await get(server, `/api/articles/${access.articleId}/annotations`, access.token)).text,
        ) as Array<Record<string, any>>
        const selectors = annotations[0]!.target.selector as Array<Record<string, any>>
        const position = selectors.find((s) => s.type === 'TextPositionSelector')!
        expect(getBodyText(reader.doc).slice(position.start, position.end)).toBe(quote)

        bot.destroy()
        reader.destroy()
      } finally {
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)(
    "concurrent edits by two clients to one claim's evidence list merge without loss",
    async () => {
      const server = await backend.start()
      try {
        const access = await writableDoc(server, ARTICLE)
        const a = connectClient(server, access.docId, access.params)
        const b = connectClient(server, access.docId, access.params)
        await Promise.all([a.synced, b.synced])
        const claimId = addClaim(a.doc, { quote: 'taken 18 personnel captive', createdBy: 'a' })
        await waitFor(() => readClaims(b.doc).some((c) => c.id === claimId), 5000, 'b to see the claim')

        // Both add evidence at the same moment, without seeing each other's.
        for (let i = 0; i < 10; i++) {
          addEvidence(a.doc, claimId, {
            url: `https://a.example/${i}`,
            title: `A ${i}`,
            quote: '',
            stance: 'supports',
            addedBy: 'a',
          })
          addEvidence(b.doc, claimId, {
            url: `https://b.example/${i}`,
            title: `B ${i}`,
            quote: '',
            stance: 'refutes',
            addedBy: 'b',
          })
        }
        const evidenceOf = (doc: typeof a.doc) =>
          readClaims(doc)
            .find((c) => c.id === claimId)
            ?.evidence.map((e) => e.title)
            .sort() ?? []
        await waitFor(
          () => evidenceOf(a.doc).length === 20 && evidenceOf(b.doc).length === 20,
          5000,
          'both lists to merge',
        )
        expect(evidenceOf(a.doc)).toEqual(evidenceOf(b.doc))
        a.destroy()
        b.destroy()
      } finally {
        await server.stop()
      }
    },
  )
})
