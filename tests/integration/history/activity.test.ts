import { addComment, addEvidence, getBodyText, markClaimAtText, setClaimField, setVerdict } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, join, sessionCookie, signUp } from '../support/accounts.js'
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
  articleId: string
  summary: string
  read?: boolean
}

async function feed(server: TestServer, who: Account, path: string): Promise<Item[]> {
  const res = await call<Item[]>(server, path, { token: who.token })
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

async function secondSession(server: TestServer, who: Account): Promise<string> {
  const res = await call(server, '/api/auth/login', {
    body: { email: who.email, password: who.password },
    sameOrigin: true,
  })
  const cookie = sessionCookie(res.headers)
  if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status}`)
  return cookie
}

describe.each(backends())('activity and notifications from attributed changes ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'each kind reaches exactly the right users, never the actor; a forged author changes nothing; read state is per user across sessions; paging',
    async () => {
      const server = await backend.start()
      try {
        const owner = await signUp(server, 'Olga')
        const bilal = await signUp(server, 'Bilal')
        const chen = await signUp(server, 'Chen')
        const stranger = await signUp(server, 'Stranger')
        await join(server, owner, owner.workspaceId, bilal, 'checker')
        await join(server, owner, owner.workspaceId, chen, 'checker')
        const article = await createArticle(server, owner, owner.workspaceId, { title: 'Schools', text: TEXT })
        const chenLive = await openLiveEvents(server, { cookie: chen.cookie })
        const v0 = await call(server, `/api/articles/${article.id}/versions`, {
          body: { label: 'before' },
          token: owner.token,
        })
        expect(v0.status).toBe(201)

        const b = connectClient(server, article.docId, { token: bilal.token })
        const o = connectClient(server, article.docId, { token: owner.token })
        await Promise.all([b.synced, o.synced])
        const quote = '40 schools reopened'
        const from = getBodyText(b.doc).indexOf(quote)
        const claimId = markClaimAtText(b.doc, from, from + quote.length, { createdBy: bilal.user.id })
        await waitFor(() => o.doc.getMap('claims').has(claimId), 5000, 'owner sees the claim')
        setClaimField(o.doc, claimId, 'assignee', chen.user.id)
        await eventually(
          async () => (await feed(server, owner, `/api/articles/${article.id}/activity`)).length >= 2,
          5000,
          'two activity items',
        )
        const mid = await call(server, `/api/articles/${article.id}/versions`, {
          body: { label: 'marked and assigned' },
          token: owner.token,
        })
        addEvidence(b.doc, claimId, {
          url: 'https://example.org/register',
          title: 'School register',
          quote: '25 schools',
          stance: 'refutes',
          addedBy: bilal.user.id,
        })
        setVerdict(b.doc, claimId, 'false', 'The register lists 25.')
        // Bilal's comment claims to be Chen's; it mentions Olga, Chen, himself and an outsider.
        addComment(b.doc, claimId, {
          author: chen.user.id,
          text: '@Olga @Chen the register says 25',
          mentions: [owner.user.id, chen.user.id, bilal.user.id, stranger.user.id],
        })

        let items: Item[] = []
        await eventually(
          async () => (items = await feed(server, owner, `/api/articles/${article.id}/activity`)).length >= 5,
          8000,
          'five activity items',
        )
        expect(items.map((i) => [i.kind, i.actor.name])).toEqual([
          ['comment', 'Bilal'],
          ['verdict-set', 'Bilal'],
          ['evidence-added', 'Bilal'],
          ['assigned', 'Olga'],
          ['claim-added', 'Bilal'],
        ])
        expect(items.every((i) => i.claimId === claimId && i.articleId === article.id)).toBe(true)
        expect(items[0]!.summary).toContain('the register says 25')
        expect(items[1]!.summary).toContain('false')

        // The changes view names the same people (the forged comment author included).
        const changes = await call(server, `/api/articles/${article.id}/changes?from=${v0.body.id}`, {
          token: chen.token,
        })
        expect(changes.body.claims).toEqual([
          { claimId, quote, change: 'added', after: quote, by: { id: bilal.user.id, name: 'Bilal' } },
        ])
        const since = await call(server, `/api/articles/${article.id}/changes?from=${mid.body.id}&to=current`, {
          token: chen.token,
        })
        const byChange = (since.body.claims as { change: string; by?: { name: string } }[]).map((c) => [
          c.change,
          c.by?.name,
        ])
        expect(byChange).toEqual([
          ['verdict', 'Bilal'],
          ['rationale', 'Bilal'],
          ['evidence', 'Bilal'],
          ['comment', 'Bilal'],
        ])

        // The workspace feed holds the same, and pages newest first.
        const page1 = await feed(server, chen, `/api/workspaces/${owner.workspaceId}/activity?limit=2`)
        expect(page1.map((i) => i.id)).toEqual(items.slice(0, 2).map((i) => i.id))
        const page2 = await feed(
          server,
          chen,
          `/api/workspaces/${owner.workspaceId}/activity?limit=2&before=${page1[1]!.id}`,
        )
        expect(page2.map((i) => i.id)).toEqual(items.slice(2, 4).map((i) => i.id))
        const page3 = await feed(server, chen, `/api/articles/${article.id}/activity?before=${page2[1]!.id}`)
        expect(page3.map((i) => i.id)).toEqual(items.slice(4).map((i) => i.id))

        // Olga: mentioned by Bilal (not Chen, whatever the author field said). Chen: assigned by Olga, mentioned by Bilal.
        // Notifications are written by their own listener, a moment after the activity item.
        let olgas: Item[] = []
        let chens: Item[] = []
        await eventually(
          async () =>
            (olgas = await feed(server, owner, '/api/me/notifications')).length >= 1 &&
            (chens = await feed(server, chen, '/api/me/notifications')).length >= 2,
          8000,
          'the mention notifications',
        )
        expect(olgas.map((n) => [n.kind, n.actor.name])).toEqual([['mention', 'Bilal']])
        expect(chens.map((n) => [n.kind, n.actor.name])).toEqual([
          ['mention', 'Bilal'],
          ['assigned', 'Olga'],
        ])
        expect(chens.every((n) => n.articleId === article.id && n.claimId === claimId && n.read === false)).toBe(true)
        expect(await feed(server, bilal, '/api/me/notifications')).toEqual([])
        expect(await feed(server, stranger, '/api/me/notifications')).toEqual([])
        // Pushed live to Chen as they were made.
        const pushed = await chenLive.next('notification', (n) => n.kind === 'mention')
        expect(pushed).toMatchObject({
          id: chens[0]!.id,
          actor: { id: bilal.user.id, name: 'Bilal' },
          claimId,
          read: false,
        })

        // Read state is the server's: marked in one session, read in the other.
        const other = await secondSession(server, chen)
        expect(
          (
            await call(server, '/api/me/notifications/read', {
              body: { ids: [chens[1]!.id, olgas[0]!.id] },
              cookie: chen.cookie,
              sameOrigin: true,
            })
          ).status,
        ).toBe(204)
        const unread = await call<Item[]>(server, '/api/me/notifications?unread=1', { cookie: other })
        expect(unread.body.map((n) => n.id)).toEqual([chens[0]!.id])
        // Someone else's id was ignored: Olga's stays unread.
        expect((await feed(server, owner, '/api/me/notifications?unread=1')).map((n) => n.id)).toEqual([olgas[0]!.id])
        expect(
          (await call(server, '/api/me/notifications/read', { body: { all: true }, cookie: other, sameOrigin: true }))
            .status,
        ).toBe(204)
        expect(await feed(server, chen, '/api/me/notifications?unread=1')).toEqual([])
        expect((await feed(server, chen, '/api/me/notifications')).map((n) => n.read)).toEqual([true, true])

        chenLive.close()
        b.destroy()
        o.destroy()
      } finally {
        await server.stop()
      }
    },
    120_000,
  )

  it.skipIf(backend.unavailable)('refuses other workspaces and bad input cleanly', async () => {
    const server = await backend.start()
    try {
      const owner = await signUp(server, 'owner')
      const stranger = await signUp(server, 'stranger')
      const article = await createArticle(server, owner, owner.workspaceId, { title: 'A', text: TEXT })
      expect((await call(server, `/api/articles/${article.id}/activity`, { token: stranger.token })).status).toBe(403)
      expect(
        (await call(server, `/api/workspaces/${owner.workspaceId}/activity`, { token: stranger.token })).status,
      ).toBe(403)
      expect((await call(server, '/api/me/notifications')).status).toBe(401)
      for (const q of ['?unread=2', '?limit=0', '?before=a%20b']) {
        expect((await call(server, `/api/me/notifications${q}`, { token: owner.token })).status, q).toBe(400)
      }
      expect((await call(server, '/api/me/notifications?before=unknownid', { token: owner.token })).status).toBe(404)
      expect(
        (await call(server, `/api/articles/${article.id}/activity?limit=500`, { token: owner.token })).status,
      ).toBe(400)
      for (const body of [{}, { ids: [] }, { ids: ['a b'] }, { all: false }, { all: true, ids: ['x'] }, '[']) {
        const res = await call(server, '/api/me/notifications/read', { body, token: owner.token })
        expect(res.status, JSON.stringify(body)).toBe(400)
      }
    } finally {
      await server.stop()
    }
  })
})
