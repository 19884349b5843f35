import { setClaimField } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { type Account, call } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { deskTeam, editOverSocket, markClaim, stateOf } from '../desk/desk-team.js'
import { versions } from './support.js'

interface Activity {
  kind: string
  actor: { id: string; name: string }
  summary: string
  claimId?: string
}

/** Publishing makes a `publish` version and a `published` activity item (docs/api.md, "History"). */
describe.each(backends())('publish versions and activity ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'a publish and a correction each make a version of the document as published and a `published` item; a refused or empty publish makes neither; nobody is notified',
    async () => {
      const server = await backend.start()
      try {
        const { article, owner, editor, checker } = await deskTeam(server, ['editor', 'checker'])
        const post = (path: string, who: Account, body?: unknown) =>
          call(server, path, { method: 'POST', body, token: who.token })
        const publish = (body: unknown) => post(`/api/articles/${article.id}/publish`, editor, body)
        const approve = (claimId: string) =>
          post(`/api/articles/${article.id}/claims/${claimId}/decisions`, editor, { decision: 'approve' })
        const activity = async () =>
          (await call<Activity[]>(server, `/api/articles/${article.id}/activity`, { token: checker.token })).body
        const published = async () => (await activity()).filter((a) => a.kind === 'published')
        const publishVersions = async () =>
          (await versions(server, checker, article.id)).filter((v) => v.kind === 'publish')
        const inbox = async (who: Account) =>
          (await call<{ kind: string }[]>(server, '/api/me/notifications', { token: who.token })).body

        const claimId = await markClaim(server, checker, article, { verdict: 'false' })
        // Refused while the claim is unapproved, and without a url: neither records a version or an item.
        expect((await publish({ url: 'https://news.example/fact-check/roads' })).status).toBe(409)
        expect((await approve(claimId)).status).toBe(201)
        expect((await publish({})).status).toBe(400)
        expect(await publishVersions()).toEqual([])
        expect(await published()).toEqual([])
        const inboxesBefore = await Promise.all([owner, checker].map(inbox))

        const first = await publish({ url: 'https://news.example/fact-check/roads' })
        expect(first.status).toBe(200)
        const [made] = await publishVersions()
        expect(made).toMatchObject({
          kind: 'publish',
          at: first.body.factCheckPublishedAt,
          by: { id: editor.user.id, name: 'editor' },
        })
        // Newest first: the publish version is the latest; the approval made its own decision version.
        const kinds = (await versions(server, checker, article.id)).map((v) => v.kind)
        expect(kinds[0]).toBe('publish')
        expect(kinds).toContain('decision')
        const asPublished = await call(server, `/api/articles/${article.id}/versions/${made!.id}`, {
          token: checker.token,
        })
        expect(made!.label).toBeUndefined()
        expect(asPublished.status).toBe(200)
        expect(asPublished.body.claims).toEqual([
          expect.objectContaining({
            id: claimId,
            verdict: 'false',
            rationale: 'The ministry’s own figures say otherwise.',
          }),
        ])
        expect(await published()).toEqual([
          expect.objectContaining({
            kind: 'published',
            actor: { id: editor.user.id, name: 'editor' },
            summary: 'published the fact-check',
          }),
        ])
        expect((await activity())[0]?.kind).toBe('published')

        // Publishing again with nothing changed records nothing.
        expect((await publish({ note: 'again' })).status).toBe(200)
        expect(await publishVersions()).toHaveLength(1)
        expect(await published()).toHaveLength(1)

        // A change (reopens the claim), a new approval, then a correction without a note (refused) and with one.
        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => setClaimField(doc, claimId, 'rationale', 'The budget shows 12%.'),
          async () => (await stateOf(server, editor, article.id, claimId)) === 'in-review',
        )
        expect((await approve(claimId)).status).toBe(201)
        expect((await publish({})).status).toBe(400)
        expect(await publishVersions()).toHaveLength(1)
        const correction = await publish({ note: 'The rationale now cites the budget.' })
        expect(correction.status).toBe(200)
        const after = await publishVersions()
        expect(after).toHaveLength(2)
        expect(after[0]).toMatchObject({
          kind: 'publish',
          at: correction.body.lastPublishedAt,
          label: 'correction: The rationale now cites the budget.',
          by: { id: editor.user.id },
        })
        const corrected = await call(server, `/api/articles/${article.id}/versions/${after[0]!.id}`, {
          token: checker.token,
        })
        expect(corrected.body.claims[0]).toMatchObject({ id: claimId, rationale: 'The budget shows 12%.' })
        expect((await published()).map((a) => a.summary)).toEqual([
          'published a correction: The rationale now cites the budget.',
          'published the fact-check',
        ])
        // The changes view between the two publications shows the corrected rationale.
        const changes = await call(server, `/api/articles/${article.id}/changes?from=${made!.id}&to=${after[0]!.id}`, {
          token: checker.token,
        })
        expect(changes.body.claims).toContainEqual(
          expect.objectContaining({ claimId, change: 'rationale', after: 'The budget shows 12%.' }),
        )

        // Publishing notifies nobody: the owner's inbox only gained the review request of the reopen.
        const [ownerAfter, checkerAfter] = await Promise.all([owner, checker].map(inbox))
        expect(ownerAfter!.slice(0, ownerAfter!.length - inboxesBefore[0]!.length).map((n) => n.kind)).toEqual([
          'review-requested',
        ])
        expect(checkerAfter!.slice(0, checkerAfter!.length - inboxesBefore[1]!.length).map((n) => n.kind)).toEqual([
          'decision',
        ])

        // Still there after a restart.
        expect(await server.stop()).toBe(0)
        await server.restart()
        expect((await publishVersions()).map((v) => v.label)).toEqual([
          'correction: The rationale now cites the budget.',
          undefined,
        ])
      } finally {
        await server.stop()
      }
    },
    120_000,
  )
})
