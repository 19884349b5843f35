import { getBodyText, markClaimAtText, removeClaim, setVerdict } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, join, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { connectClient, eventually, waitFor } from '../support/clients.js'
import { openLiveEvents } from '../support/live-events.js'
import type { TestServer } from '../support/server.js'

const TEXT = 'The ministry said 40 schools reopened on Monday.\n\nLocal officials disputed the figure.'

interface Item {
  id: string
  kind: string
  actor: { id: string; name: string }
  claimId?: string
  read?: boolean
  reason?: string
}

async function get<T>(server: TestServer, who: Account, path: string): Promise<T> {
  const res = await call<T>(server, path, { token: who.token })
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

const inbox = (server: TestServer, who: Account) => get<Item[]>(server, who, '/api/me/notifications')
const kinds = (items: Item[]) => items.map((n) => [n.kind, n.actor.name])

describe.each(backends())('review notifications, activity and decision versions ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'requests reach the editors, decisions the requester and verdict setter, never the actor; my-last-review; a restored claim is unreviewed',
    async () => {
      const server = await backend.start()
      try {
        const owner = await signUp(server, 'Olga')
        const edith = await signUp(server, 'Edith')
        const emil = await signUp(server, 'Emil')
        const bilal = await signUp(server, 'Bilal')
        const chen = await signUp(server, 'Chen')
        const vera = await signUp(server, 'Vera')
        const outsider = await signUp(server, 'Outsider')
        await join(server, owner, owner.workspaceId, edith, 'editor')
        await join(server, owner, owner.workspaceId, emil, 'editor')
        await join(server, owner, owner.workspaceId, bilal, 'checker')
        await join(server, owner, owner.workspaceId, chen, 'checker')
        await join(server, owner, owner.workspaceId, vera, 'viewer')
        const article = await createArticle(server, owner, owner.workspaceId, { title: 'Schools', text: TEXT })
        const edithLive = await openLiveEvents(server, { cookie: edith.cookie })

        // Bilal marks the claim; Chen sets its verdict (each from their own stock client).
        const b = connectClient(server, article.docId, { token: bilal.token })
        const c = connectClient(server, article.docId, { token: chen.token })
        await Promise.all([b.synced, c.synced])
        const quote = '40 schools reopened'
        const from = getBodyText(b.doc).indexOf(quote)
        const claimId = markClaimAtText(b.doc, from, from + quote.length, { createdBy: bilal.user.id })
        await waitFor(() => c.doc.getMap('claims').has(claimId), 5000, 'Chen sees the claim')
        setVerdict(c.doc, claimId, 'false', 'The register lists 25.')
        await eventually(
          async () =>
            (
              await get<{ claims: { verdictSetBy?: { id: string } }[] }>(
                server,
                owner,
                `/api/articles/${article.id}/review`,
              )
            ).claims[0]?.verdictSetBy?.id === chen.user.id,
          5000,
          'verdict setter recorded',
        )

        // Edith has made no decision and no visit: nothing to compare with.
        const none = await call(server, `/api/articles/${article.id}/changes?from=my-last-review`, {
          token: edith.token,
        })
        expect(none.status).toBe(404)
        expect(none.body).toEqual({ error: 'no earlier review' })

        // Bilal asks for a review: the owner and both editors are told, nobody else.
        const asked = await call(server, `/api/articles/${article.id}/claims/${claimId}/review-request`, {
          body: {},
          token: bilal.token,
        })
        expect(asked.status).toBe(201)
        for (const editor of [owner, edith, emil])
          expect(kinds(await inbox(server, editor))).toEqual([['review-requested', 'Bilal']])
        for (const other of [bilal, chen, vera, outsider]) expect(await inbox(server, other)).toEqual([])
        const pushed = await edithLive.next('notification', (n) => n.kind === 'review-requested')
        expect(pushed).toMatchObject({ claimId, articleId: article.id, actor: { id: bilal.user.id }, read: false })
        // Someone asked (not a reopen): the reason says so, an addition to the contract.
        expect(pushed.reason).toBe('requested')
        for (const editor of [owner, edith, emil]) expect((await inbox(server, editor))[0]!.reason).toBe('requested')
        // Asking again while in review records nothing and tells nobody again.
        expect(
          (
            await call(server, `/api/articles/${article.id}/claims/${claimId}/review-request`, {
              body: {},
              token: chen.token,
            })
          ).status,
        ).toBe(200)
        expect(await inbox(server, emil)).toHaveLength(1)

        // Edith asks for changes: Bilal (requester) and Chen (verdict setter) are told; not Edith.
        const changesAsked = await call(server, `/api/articles/${article.id}/claims/${claimId}/decisions`, {
          body: { decision: 'request-changes', note: 'Cite the register.' },
          token: edith.token,
        })
        expect(changesAsked.status).toBe(201)
        expect(kinds(await inbox(server, bilal))).toEqual([['decision', 'Edith']])
        // Only review requests carry a reason.
        expect((await inbox(server, bilal))[0]).not.toHaveProperty('reason')
        expect(kinds(await inbox(server, chen))).toEqual([['decision', 'Edith']])
        expect(kinds(await inbox(server, edith))).toEqual([['review-requested', 'Bilal']])
        expect(await inbox(server, vera)).toEqual([])

        // Edith asks again herself; Emil approves: Edith (requester now) and Chen are told, not Emil.
        expect(
          (
            await call(server, `/api/articles/${article.id}/claims/${claimId}/review-request`, {
              body: {},
              token: edith.token,
            })
          ).status,
        ).toBe(201)
        expect(kinds(await inbox(server, emil))).toEqual([
          ['review-requested', 'Edith'],
          ['review-requested', 'Bilal'],
        ])
        expect(kinds(await inbox(server, edith))).toEqual([['review-requested', 'Bilal']])
        expect(
          (
            await call(server, `/api/articles/${article.id}/claims/${claimId}/decisions`, {
              body: { decision: 'approve', note: 'Fine.' },
              token: emil.token,
            })
          ).status,
        ).toBe(201)
        expect(kinds(await inbox(server, edith))).toEqual([
          ['decision', 'Emil'],
          ['review-requested', 'Bilal'],
        ])
        expect(kinds(await inbox(server, chen))).toEqual([
          ['decision', 'Emil'],
          ['decision', 'Edith'],
        ])
        expect(kinds(await inbox(server, emil)).filter(([k]) => k === 'decision')).toEqual([])

        // The activity feed records requests and decisions, attributed by the server.
        const activity = await get<Item[]>(server, vera, `/api/articles/${article.id}/activity`)
        expect(kinds(activity.filter((i) => i.kind === 'review-requested' || i.kind === 'decision'))).toEqual([
          ['decision', 'Emil'],
          ['review-requested', 'Edith'],
          ['decision', 'Edith'],
          ['review-requested', 'Bilal'],
        ])
        // Each decision made a `decision` version, by the editor.
        const versions = await get<{ id: string; kind: string; by?: { name: string } }[]>(
          server,
          vera,
          `/api/articles/${article.id}/versions`,
        )
        expect(versions.filter((v) => v.kind === 'decision').map((v) => v.by?.name)).toEqual(['Emil', 'Edith'])

        // Emil's last review is his approval: the changes since start at that decision's version.
        const sinceEmil = await call(server, `/api/articles/${article.id}/changes?from=my-last-review`, {
          token: emil.token,
        })
        expect(sinceEmil.status).toBe(200)
        expect(sinceEmil.body.from).toBe(versions.find((v) => v.kind === 'decision')!.id)
        expect(sinceEmil.body.claims).toEqual([])

        // Bilal deletes the approved claim; Olga restores it from Emil's decision version: it is unreviewed again.
        removeClaim(b.doc, claimId)
        await waitFor(() => !c.doc.getMap('claims').has(claimId), 5000, 'claim gone for Chen')
        const restored = await call(server, `/api/articles/${article.id}/versions/${sinceEmil.body.from}/restore`, {
          body: { claimId },
          token: owner.token,
        })
        expect(restored.status).toBe(200)
        await waitFor(() => c.doc.getMap('claims').has(claimId), 5000, 'claim back for Chen')
        const review = await get<{ claims: { claimId: string; state: string }[] }>(
          server,
          vera,
          `/api/articles/${article.id}/review`,
        )
        expect(review.claims.find((r) => r.claimId === claimId)?.state).toBe('unreviewed')
        await edithLive.next('review', (e) => e.claimId === claimId && e.state === 'unreviewed')

        edithLive.close()
        b.destroy()
        c.destroy()
      } finally {
        await server.stop()
      }
    },
    120_000,
  )
})
