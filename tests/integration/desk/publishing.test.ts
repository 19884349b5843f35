import { setClaimField } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { type Account, call } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { deskTeam, editOverSocket, markClaim, reviewOf, stateOf } from './desk-team.js'

/** Publishing and corrections (docs/api.md, "Review and publishing"), and that the desk's records survive a restart. */
describe.each(backends())('publishing an article ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'refused until every claim with a verdict is approved, then published; a second publish after changes is a correction; all of it survives a restart',
    async () => {
      const server = await backend.start()
      try {
        const { article, owner, editor, checker } = await deskTeam(server, ['editor', 'checker'])
        const listed = async () =>
          (
            (await call(server, `/api/workspaces/${owner.workspaceId}/articles`, { token: checker.token }))
              .body as Array<{ id: string }>
          ).find((a) => a.id === article.id)
        const post = (path: string, who: Account, body?: unknown) =>
          call(server, path, { method: 'POST', body, token: who.token })
        const publish = (body: unknown) => post(`/api/articles/${article.id}/publish`, editor, body)
        const approve = (claimId: string) =>
          post(`/api/articles/${article.id}/claims/${claimId}/decisions`, editor, { decision: 'approve' })
        const corrections = async () =>
          (await call(server, `/api/articles/${article.id}/corrections`, { token: checker.token })).body

        expect(await listed()).toMatchObject({
          counts: { claims: 0, withVerdict: 0, inReview: 0, approved: 0 },
          published: false,
          factCheckPublishedAt: null,
          lastPublishedAt: null,
        })
        const rated = await markClaim(server, checker, article, { verdict: 'false' })
        const open = await markClaim(server, checker, article, { quote: 'only 12 bridges were built' })
        const refused = await publish({ url: 'https://news.example/fact-check/roads' })
        expect(refused.status).toBe(409)
        expect(refused.body).toEqual({ error: expect.stringMatching(/not approved/), unapproved: [rated] })
        expect((await reviewOf(server, editor, article.id)).factCheckPublishedAt).toBeNull()

        expect((await approve(rated)).status).toBe(201)
        // The first publish needs the public address.
        expect((await publish({})).status).toBe(400)
        const first = await publish({ url: 'https://news.example/fact-check/roads' })
        expect(first.status).toBe(200)
        expect(first.body).toEqual({
          factCheckPublishedAt: expect.any(String),
          lastPublishedAt: first.body.factCheckPublishedAt,
        })
        let review = await reviewOf(server, editor, article.id)
        expect(review).toMatchObject({
          factCheckPublishedAt: first.body.factCheckPublishedAt,
          publishedUrl: 'https://news.example/fact-check/roads',
          updatedAfterPublish: false,
        })
        // Nothing changed: nothing recorded.
        expect((await publish({ note: 'again' })).body).toEqual(first.body)
        expect(await corrections()).toEqual([])
        // A claim without a verdict is no part of the publication: editing it changes nothing published.
        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => setClaimField(doc, open, 'rationale', 'Still researching.'),
          async () => true,
        )
        expect((await reviewOf(server, editor, article.id)).updatedAfterPublish).toBe(false)

        // The approved claim changes: back in review, the article is visibly updated after publish, publishing waits.
        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => setClaimField(doc, rated, 'rationale', 'Corrected: the ministry revised its figure.'),
          async () => (await stateOf(server, editor, article.id, rated)) === 'in-review',
        )
        expect((await reviewOf(server, editor, article.id)).updatedAfterPublish).toBe(true)
        expect(await listed()).toMatchObject({
          counts: { claims: 2, withVerdict: 1, inReview: 1, approved: 0 },
          published: true,
        })
        expect((await publish({ note: 'Figure revised' })).status).toBe(409)
        expect((await approve(rated)).status).toBe(201)
        const noNote = await publish({})
        expect(noNote.status).toBe(400)
        expect(noNote.body.error).toMatch(/^note: /)
        const second = await publish({ note: 'The ministry revised its figure on 3 May.' })
        expect(second.status).toBe(200)
        expect(second.body.factCheckPublishedAt).toBe(first.body.factCheckPublishedAt)
        expect(Date.parse(second.body.lastPublishedAt)).toBeGreaterThan(Date.parse(first.body.lastPublishedAt))
        expect(await corrections()).toEqual([
          {
            at: second.body.lastPublishedAt,
            by: { id: editor.user.id, name: 'editor' },
            note: 'The ministry revised its figure on 3 May.',
            claims: [rated],
          },
        ])
        review = await reviewOf(server, editor, article.id)
        expect(review).toMatchObject({
          lastPublishedAt: second.body.lastPublishedAt,
          publishedUrl: 'https://news.example/fact-check/roads',
          updatedAfterPublish: false,
        })
        expect(await listed()).toMatchObject({
          title: 'Roads and bridges',
          counts: { claims: 2, withVerdict: 1, inReview: 0, approved: 1 },
          published: true,
          factCheckPublishedAt: first.body.factCheckPublishedAt,
          lastPublishedAt: second.body.lastPublishedAt,
        })

        expect(await server.stop()).toBe(0)
        await server.restart()
        const after = await reviewOf(server, editor, article.id)
        expect(after).toEqual(review)
        expect(after.claims.find((c) => c.claimId === rated)).toMatchObject({
          state: 'approved',
          verdictSetBy: { id: checker.user.id, name: 'checker' },
          approvedBy: { id: editor.user.id },
        })
        expect(after.decisions.map((d) => d.decision)).toEqual(['approve', 'approve'])
        expect(await corrections()).toHaveLength(1)
      } finally {
        await server.stop()
      }
    },
  )
})
