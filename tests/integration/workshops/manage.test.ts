import { getBodyText, readClaims } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Account,
  type CallOptions,
  call,
  createArticle,
  join,
  signUp,
  socketOutcome,
} from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { type TestClient, connectClient, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { storedDocRows } from '../support/stored-docs.js'
import { ARTICLE, type CreatedWorkshop, type Guest, cookieClient, createWorkshop, joinAs } from './helpers.js'

/**
 * Trainers rename and delete workshops (docs/api.md, "PATCH / DELETE /api/workshops/:id");
 * participants read their workshop's verdict labels and nothing else of the workspace.
 * Every refused request leaves everything as it was.
 */
describe.each(backends())('workshops: rename, delete, labels for guests ($name)', (backend) => {
  let server: TestServer
  let owner: Account
  let editor: Account
  let checker: Account
  let outsider: Account
  let article: { id: string; docId: string }
  let workshop: CreatedWorkshop
  let kept: CreatedWorkshop
  let foreign: CreatedWorkshop
  let ana: Guest
  let ben: Guest
  let cy: Guest
  const clients: TestClient[] = []
  const open = (client: TestClient) => {
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    ;[owner, editor, checker, outsider] = await Promise.all([
      signUp(server, 'owner'),
      signUp(server, 'editor'),
      signUp(server, 'checker'),
      signUp(server, 'outsider'),
    ])
    await join(server, owner, owner.workspaceId, editor, 'editor')
    await join(server, owner, owner.workspaceId, checker, 'checker')
    article = await createArticle(server, owner, owner.workspaceId, { title: 'Operation Herof', text: ARTICLE })
    workshop = await createWorkshop(server, owner, owner.workspaceId, article.id, 'Morning training')
    kept = await createWorkshop(server, owner, owner.workspaceId, article.id, 'Afternoon training')
    const outsiderArticle = await createArticle(server, outsider, outsider.workspaceId, {
      title: 'Elsewhere',
      text: ARTICLE,
    })
    foreign = await createWorkshop(server, outsider, outsider.workspaceId, outsiderArticle.id, 'Another desk')
    ana = await joinAs(server, workshop.joinCode, 'Ana')
    ben = await joinAs(server, workshop.joinCode, 'Ben')
    cy = await joinAs(server, kept.joinCode, 'Cy')
    const key = { claims: [{ quote: 'taken 18 personnel captive', verdict: 'unproven' }] }
    for (const w of [workshop, kept])
      await call(server, `/api/workshops/${w.id}/key`, { method: 'PUT', body: key, token: owner.token })
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const asGuest = (guest: Guest): CallOptions => ({ cookie: guest.cookie, sameOrigin: true })
  const titleOf = async (id: string) => (await call(server, `/api/workshops/${id}`, { token: owner.token })).body.title
  const rename = (id: string, body: unknown, who: CallOptions) =>
    call(server, `/api/workshops/${id}`, { method: 'PATCH', body, ...who })

  describe('rename', () => {
    run('a trainer renames (200, trimmed); trainers and participants see the new title', async () => {
      const res = await rename(workshop.id, { title: '  Tuesday training  ' }, { token: editor.token })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        id: workshop.id,
        title: 'Tuesday training',
        joinCode: workshop.joinCode,
        hasKey: true,
        revealed: false,
      })
      expect(await titleOf(workshop.id)).toBe('Tuesday training')
      expect((await call(server, `/api/workshops/${workshop.id}`, { cookie: ana.cookie })).body.title).toBe(
        'Tuesday training',
      )
      expect(
        (await call(server, `/api/workspaces/${owner.workspaceId}/workshops`, { token: owner.token })).body.map(
          (w: { title: string }) => w.title,
        ),
      ).toEqual(['Tuesday training', 'Afternoon training'])
    })

    run('an empty, blank, too long, missing or non-string title → 400 naming the field; the title stays', async () => {
      const bad: unknown[] = [
        { title: '' },
        { title: '   ' },
        { title: 'x'.repeat(301) },
        {},
        { title: 42 },
        { title: null },
        [],
        'not json',
      ]
      for (const body of bad) {
        const res = await rename(workshop.id, body, { token: owner.token })
        expect(res.status, JSON.stringify(body)).toBe(400)
        expect(typeof res.body.error).toBe('string')
      }
      expect((await rename(workshop.id, { title: '' }, { token: owner.token })).body.error).toMatch(/^title: /)
      expect(await titleOf(workshop.id)).toBe('Tuesday training')
      // 300 characters is still fine.
      expect((await rename(kept.id, { title: 'y'.repeat(300) }, { token: owner.token })).status).toBe(200)
      expect((await rename(kept.id, { title: 'Afternoon training' }, { token: owner.token })).status).toBe(200)
    })

    run('participants, other members and outsiders → 403; nobody → 401; unknown → 404; the title stays', async () => {
      expect((await rename(workshop.id, { title: 'Mine now' }, asGuest(ana))).status).toBe(403)
      expect((await rename(workshop.id, { title: 'Mine now' }, { token: checker.token })).status).toBe(403)
      expect((await rename(workshop.id, { title: 'Mine now' }, { token: outsider.token })).status).toBe(403)
      expect((await rename(workshop.id, { title: 'Mine now' }, {})).status).toBe(401)
      expect((await rename('no-such-workshop', { title: 'Mine now' }, { token: owner.token })).status).toBe(404)
      // A bad body from someone who may not rename is refused for who they are first.
      expect((await rename(workshop.id, { title: '' }, { token: outsider.token })).status).toBe(403)
      expect(await titleOf(workshop.id)).toBe('Tuesday training')
    })
  })

  describe('labels for participants', () => {
    run('a participant reads the labels of its workshop’s workspace', async () => {
      const relabel = await call(server, `/api/workspaces/${owner.workspaceId}/verdicts`, {
        method: 'PUT',
        body: { labels: { false: 'Pants on fire', unproven: 'Not proven' } },
        token: owner.token,
      })
      expect(relabel.status).toBe(200)
      const res = await call(server, `/api/workshops/${workshop.id}/verdicts`, { cookie: ana.cookie })
      expect(res.status).toBe(200)
      expect(res.body).toEqual(relabel.body)
      expect(res.body.find((v: { id: string }) => v.id === 'false').label).toBe('Pants on fire')
      expect((await call(server, `/api/workshops/${workshop.id}/verdicts`, { token: editor.token })).body).toEqual(
        relabel.body,
      )
    })

    run('and nothing else: not the workspace’s own routes, not another workshop’s labels', async () => {
      for (const path of [
        `/api/workspaces/${owner.workspaceId}/verdicts`,
        `/api/workspaces/${owner.workspaceId}`,
        `/api/workspaces/${owner.workspaceId}/articles`,
        `/api/workspaces/${owner.workspaceId}/members`,
        `/api/articles/${article.id}`,
      ]) {
        expect((await call(server, path, { cookie: ana.cookie })).status, path).toBe(401)
      }
      expect((await call(server, `/api/workshops/${foreign.id}/verdicts`, { cookie: ana.cookie })).status).toBe(403)
      expect((await call(server, `/api/workshops/${kept.id}/verdicts`, { cookie: ana.cookie })).status).toBe(403)
      expect((await call(server, `/api/workshops/no-such-workshop/verdicts`, { cookie: ana.cookie })).status).toBe(404)
      expect((await call(server, `/api/workshops/${workshop.id}/verdicts`, { token: checker.token })).status).toBe(403)
      expect((await call(server, `/api/workshops/${workshop.id}/verdicts`, { token: outsider.token })).status).toBe(403)
      expect((await call(server, `/api/workshops/${workshop.id}/verdicts`, {})).status).toBe(401)
    })
  })

  describe('delete', () => {
    const remove = (id: string, who: CallOptions) => call(server, `/api/workshops/${id}`, { method: 'DELETE', ...who })
    const copies = () => [ana.docId, ben.docId]

    run('participants, other members and outsiders → 403, nobody → 401, unknown → 404: nothing is lost', async () => {
      const storedBefore = await storedDocRows(server, copies())
      expect(storedBefore).toBeGreaterThan(0)
      expect((await remove(workshop.id, asGuest(ana))).status).toBe(403)
      expect((await remove(workshop.id, { token: checker.token })).status).toBe(403)
      expect((await remove(workshop.id, { token: outsider.token })).status).toBe(403)
      expect((await remove(workshop.id, {})).status).toBe(401)
      expect((await remove('no-such-workshop', { token: owner.token })).status).toBe(404)
      const view = await call(server, `/api/workshops/${workshop.id}`, { token: owner.token })
      expect(view.status).toBe(200)
      expect(view.body.participants.map((p: { name: string }) => p.name)).toEqual(['Ana', 'Ben'])
      expect(await storedDocRows(server, copies())).toBe(storedBefore)
      expect(
        (
          await socketOutcome(`${server.wsUrl}/${ana.docId}`, {
            headers: { cookie: ana.cookie, origin: server.httpUrl },
          })
        ).code,
      ).toBe('open')
    })

    run(
      'a trainer deletes (204): open copies close with 4404, storage forgets them, every endpoint answers 404',
      async () => {
        const anaClient = open(cookieClient(server, ana.docId, ana.cookie))
        const trainerOnCopy = open(connectClient(server, ana.docId, { token: owner.token }))
        const cyClient = open(cookieClient(server, cy.docId, cy.cookie))
        await Promise.all([anaClient.synced, trainerOnCopy.synced, cyClient.synced])
        const closes: Array<{ who: string; code: number; reason: string }> = []
        for (const [who, client] of [
          ['ana', anaClient],
          ['trainer', trainerOnCopy],
          ['cy', cyClient],
        ] as const) {
          client.provider.on(
            'connection-close',
            (event) => event && closes.push({ who, code: event.code, reason: event.reason }),
          )
        }
        anaClient.doc.getText('work').insert(0, 'Ana was here.')
        await waitFor(() => trainerOnCopy.doc.getText('work').toString() === 'Ana was here.', 5000, 'Ana’s edit')
        const keptBefore = await storedDocRows(server, [cy.docId])

        expect((await remove(workshop.id, { token: editor.token })).status).toBe(204)
        await waitFor(() => closes.filter((c) => c.who !== 'cy').length >= 2, 5000, 'the copy’s sockets to close')
        expect(closes).toEqual(
          expect.arrayContaining([
            { who: 'ana', code: 4404, reason: 'workshop deleted' },
            { who: 'trainer', code: 4404, reason: 'workshop deleted' },
          ]),
        )
        expect(await storedDocRows(server, copies())).toBe(0)

        for (const path of [
          `/api/workshops/${workshop.id}`,
          `/api/workshops/${workshop.id}/results`,
          `/api/workshops/${workshop.id}/key`,
          `/api/workshops/${workshop.id}/verdicts`,
        ]) {
          expect((await call(server, path, { token: owner.token })).status, path).toBe(404)
          expect((await call(server, path, { cookie: ana.cookie })).status, path).toBe(404)
        }
        expect(
          (await call(server, `/api/workshops/${workshop.id}/reveal`, { method: 'POST', token: owner.token })).status,
        ).toBe(404)
        expect((await rename(workshop.id, { title: 'Back again' }, { token: owner.token })).status).toBe(404)
        expect((await remove(workshop.id, { token: owner.token })).status).toBe(404)
        expect(
          (
            await call(server, '/api/workshops/join', {
              body: { code: workshop.joinCode, name: 'Late' },
              sameOrigin: true,
            })
          ).status,
        ).toBe(404)
        expect(
          (
            await socketOutcome(`${server.wsUrl}/${ana.docId}`, {
              headers: { cookie: ana.cookie, origin: server.httpUrl },
            })
          ).code,
        ).toBe(4404)
        expect((await socketOutcome(`${server.wsUrl}/${ben.docId}?token=${owner.token}`)).code).toBe(4404)
        const list = await call(server, `/api/workspaces/${owner.workspaceId}/workshops`, { token: owner.token })
        expect(list.body.map((w: { id: string }) => w.id)).toEqual([kept.id])

        // The other workshop is untouched: its participant's socket stayed open, its copy is stored.
        expect(closes.filter((c) => c.who === 'cy')).toEqual([])
        expect(cyClient.provider.wsconnected).toBe(true)
        expect(keptBefore).toBeGreaterThan(0)
        expect(await storedDocRows(server, [cy.docId])).toBe(keptBefore)
        const keptView = await call(server, `/api/workshops/${kept.id}`, { token: owner.token })
        expect(keptView.status).toBe(200)
        expect(keptView.body.participants.map((p: { name: string }) => p.name)).toEqual(['Cy'])
        expect((await call(server, `/api/workshops/${kept.id}/results`, { token: owner.token })).status).toBe(200)
        // And the article the workshops came from.
        expect((await call(server, `/api/articles/${article.id}`, { token: owner.token })).status).toBe(200)
      },
    )

    run(
      'the deleted copies stay gone after a restart; the other workshop’s copy still opens with its text',
      async () => {
        for (const client of clients.splice(0)) client.destroy()
        await server.stop()
        await server.restart()
        expect(await storedDocRows(server, copies())).toBe(0)
        const cyAgain = open(cookieClient(server, cy.docId, cy.cookie))
        await cyAgain.synced
        expect(getBodyText(cyAgain.doc)).toContain('84 Pakistani security personnel')
        expect(readClaims(cyAgain.doc)).toEqual([])
      },
    )
  })
})
