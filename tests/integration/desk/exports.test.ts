import { addComment, clearVerdict, setClaimField } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { type Account, call } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { deskTeam, editOverSocket, markClaim, stateOf } from './desk-team.js'

/** The exports follow review (docs/api.md, "Exports"): ClaimReview publishes approved claims of published articles only. */
describe.each(backends())('exports of a reviewed article ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'ClaimReview before and after approval and publish, the report’s drafts, people, decisions and corrections, annotations on the source',
    async () => {
      const server = await backend.start()
      try {
        const { article, editor, checker } = await deskTeam(server, ['editor', 'checker'])
        const post = (path: string, who: Account, body?: unknown) =>
          call(server, path, { method: 'POST', body, token: who.token })
        const claimReview = async (who: Account, query = '') => {
          const res = await call(server, `/api/articles/${article.id}/claimreview${query}`, { token: who.token })
          return {
            status: res.status,
            body: typeof res.body === 'string' ? JSON.parse(res.body) : res.body,
            type: res.headers.get('content-type'),
          }
        }

        const claimId = await markClaim(server, checker, article, {
          verdict: 'false',
          rationale: 'The budget shows 12%.',
        })
        const other = await markClaim(server, checker, article, {
          quote: 'only 12 bridges were built',
          verdict: 'unproven',
          rationale: 'No records.',
        })
        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => {
            setClaimField(doc, claimId, 'claimant', 'Ministry of Works')
            addComment(doc, claimId, { author: checker.user.id, text: 'Asked the ministry for the *raw* data.' })
          },
          async () => true,
        )

        // Before anything is approved or published: nothing to publish; the preview is for editors.
        expect(await claimReview(checker)).toMatchObject({ status: 200, body: [] })
        expect((await claimReview(checker, '?preview=1')).status).toBe(403)
        expect((await claimReview(editor, '?preview=1')).body).toEqual([])
        expect(
          (
            await post(`/api/articles/${article.id}/claims/${claimId}/decisions`, editor, {
              decision: 'approve',
              note: 'Matches the budget.',
            })
          ).status,
        ).toBe(201)
        const preview = (await claimReview(editor, '?preview=1')).body
        expect(preview).toHaveLength(1)
        expect(preview[0]).not.toHaveProperty('datePublished')
        expect(preview[0]).not.toHaveProperty('url')
        expect(await claimReview(checker)).toMatchObject({ body: [] })

        // Publishing waits for the other claim; then ClaimReview holds the approved claims, dated.
        expect(
          (await post(`/api/articles/${article.id}/publish`, editor, { url: 'https://checks.example/roads' })).status,
        ).toBe(409)
        expect((await post(`/api/articles/${article.id}/claims/${other}/review-request`, checker)).status).toBe(201)
        expect(
          (
            await post(`/api/articles/${article.id}/claims/${other}/decisions`, editor, {
              decision: 'request-changes',
              note: 'Find the tender records.',
            })
          ).status,
        ).toBe(201)
        expect(
          (await post(`/api/articles/${article.id}/publish`, editor, { url: 'https://checks.example/roads' })).status,
        ).toBe(409)
        // The checker withdraws the other verdict: a claim without one is no part of the publication.
        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => clearVerdict(doc, other),
          async () => {
            const res = await call(server, `/api/articles/${article.id}/review`, { token: editor.token })
            return res.body.claims.find((c: { claimId: string }) => c.claimId === other)?.verdict === null
          },
        )
        const published = await post(`/api/articles/${article.id}/publish`, editor, {
          url: 'https://checks.example/roads',
        })
        expect(published.status).toBe(200)
        let reviews = (await claimReview(checker)).body
        expect(reviews).toHaveLength(1)
        expect(reviews[0]).toMatchObject({
          url: `https://checks.example/roads#claim-${claimId}`,
          claimReviewed: '40% of roads were repaired',
          datePublished: published.body.factCheckPublishedAt,
          reviewRating: { alternateName: 'False', ratingExplanation: 'The budget shows 12%.' },
          itemReviewed: {
            '@type': 'Claim',
            author: { name: 'Ministry of Works' },
            appearance: { '@type': 'CreativeWork', url: 'https://news.example/roads' },
          },
        })
        expect(reviews[0]).not.toHaveProperty('dateModified')

        // A correction dates the claim it touched.
        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => setClaimField(doc, claimId, 'rationale', 'The revised budget shows 14%.'),
          async () => (await stateOf(server, editor, article.id, claimId)) === 'in-review',
        )
        // While back in review, the claim is not published.
        expect((await claimReview(checker)).body).toEqual([])
        expect(
          (await post(`/api/articles/${article.id}/claims/${claimId}/decisions`, editor, { decision: 'approve' }))
            .status,
        ).toBe(201)
        const corrected = await post(`/api/articles/${article.id}/publish`, editor, { note: 'Budget revised.' })
        expect(corrected.status).toBe(200)
        reviews = (await claimReview(checker)).body
        expect(reviews[0]).toMatchObject({
          datePublished: published.body.factCheckPublishedAt,
          dateModified: corrected.body.lastPublishedAt,
          reviewRating: { ratingExplanation: 'The revised budget shows 14%.' },
        })

        const report = (await call(server, `/api/articles/${article.id}/report.md`, { token: checker.token }))
          .body as string
        expect(report).toContain('- Published: ')
        expect(report).toMatch(/## Claim 1: False\n/)
        expect(report).toMatch(/## Claim 2: No verdict yet \(draft\)/)
        expect(report).toContain('- Marked by: checker')
        expect(report).toContain('- Claimant: Ministry of Works')
        expect(report).toMatch(/- Approved by editor, \S+: Matches the budget\./)
        expect(report).toMatch(/- Changes requested by editor, \S+: Find the tender records\./)
        expect(report).toContain('> Asked the ministry for the \\*raw\\* data.')
        expect(report).toMatch(/## Corrections \(1\)\n\n1\. [^,]+, by editor \(claim 1\): Budget revised\./)
        expect(report).not.toContain(checker.user.id)

        const annotations = (await call(server, `/api/articles/${article.id}/annotations`, { token: checker.token }))
          .body
        const list = typeof annotations === 'string' ? JSON.parse(annotations) : annotations
        // Each claim, then its discussion: the comment is an annotation on the claim's annotation.
        expect(list.map((a: { motivation: string }) => a.motivation)).toEqual([
          'assessing',
          'commenting',
          'questioning',
        ])
        expect(list.map((a: { target: string | { source: string } }) => a.target)).toMatchObject([
          { source: 'https://news.example/roads' },
          list[0].id,
          { source: 'https://news.example/roads' },
        ])
        expect(list[1].creator).toEqual({ type: 'Person', name: 'checker' })
      } finally {
        await server.stop()
      }
    },
  )
})
