import { addClaim, readClaims } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, join, signUp, socketOutcome } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { connectClient, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, type CreatedWorkshop, type Guest, cookieClient, createWorkshop, joinAs } from './helpers.js'

describe.each(backends())('workshops: what a guest participant may reach ($name)', (backend) => {
  let server: TestServer
  let owner: Account
  let editor: Account
  let checker: Account
  let viewer: Account
  let outsider: Account
  let article: { id: string; docId: string }
  let workshop: CreatedWorkshop
  let other: CreatedWorkshop
  let ana: Guest
  let ben: Guest
  let cy: Guest

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    ;[owner, editor, checker, viewer, outsider] = await Promise.all([
      signUp(server, 'owner'),
      signUp(server, 'editor'),
      signUp(server, 'checker'),
      signUp(server, 'viewer'),
      signUp(server, 'outsider'),
    ])
    await join(server, owner, owner.workspaceId, editor, 'editor')
    await join(server, owner, owner.workspaceId, checker, 'checker')
    await join(server, owner, owner.workspaceId, viewer, 'viewer')
    article = await createArticle(server, owner, owner.workspaceId, { title: 'Operation Herof', text: ARTICLE })
    workshop = await createWorkshop(server, owner, owner.workspaceId, article.id)
    other = await createWorkshop(server, owner, owner.workspaceId, article.id, 'Another room')
    const key = { claims: [{ quote: 'taken 18 personnel captive', verdict: 'unproven' }] }
    await call(server, `/api/workshops/${workshop.id}/key`, { method: 'PUT', body: key, token: owner.token })
    ana = await joinAs(server, workshop.joinCode, 'Ana')
    ben = await joinAs(server, workshop.joinCode, 'Ben')
    cy = await joinAs(server, other.joinCode, 'Cy')
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const url = (docId: string, token?: string) =>
    `${server.wsUrl}/${docId}${token ? `?token=${encodeURIComponent(token)}` : ''}`
  const asBrowser = (cookie: string, origin = server.httpUrl) => ({ headers: { cookie, origin } })

  run('a guest opens their own copy by cookie alone (no token) and writes to it', async () => {
    expect((await socketOutcome(url(ana.docId), asBrowser(ana.cookie))).code).toBe('open')
    const client = cookieClient(server, ana.docId, ana.cookie)
    await client.synced
    const claimId = addClaim(client.doc, { quote: 'taken 18 personnel captive', createdBy: ana.participantId })
    const watcher = connectClient(server, ana.docId, { token: owner.token })
    await waitFor(
      () => readClaims(watcher.doc).some((c) => c.id === claimId),
      5000,
      'the trainer to see the guest’s claim',
    )
    client.destroy()
    watcher.destroy()
  })

  run(
    'a guest gets 4403 on another participant’s copy, another workshop’s copy, the original article and any other article',
    async () => {
      const outsidersArticle = (
        await call(server, `/api/workspaces/${outsider.workspaceId}/articles`, { token: outsider.token })
      ).body[0].docId as string
      for (const docId of [ben.docId, cy.docId, article.docId, outsidersArticle]) {
        expect((await socketOutcome(url(docId), asBrowser(ana.cookie))).code, docId).toBe(4403)
      }
      // A stock provider reports the same, and y-websocket does not retry 44xx.
      const refused = cookieClient(server, ben.docId, ana.cookie)
      const code = await new Promise<number>((resolve) =>
        refused.provider.once('connection-close', (event) => resolve(event?.code ?? -1)),
      )
      expect(code).toBe(4403)
      setTimeout(() => refused.destroy(), 0)
      expect((await socketOutcome(url('no-such-document'), asBrowser(ana.cookie))).code).toBe(4404)
    },
  )

  run(
    'without a guest cookie, or with an unknown or forged one, the socket is 4401; a guest cookie from a foreign origin is 4403',
    async () => {
      expect((await socketOutcome(url(ana.docId))).code).toBe(4401)
      expect((await socketOutcome(url(ana.docId), asBrowser(`fc_guest=fcg_${'x'.repeat(43)}`))).code).toBe(4401)
      expect((await socketOutcome(url(ana.docId), asBrowser('fc_guest=not-a-guest-token'))).code).toBe(4401)
      expect((await socketOutcome(url(ana.docId), asBrowser(ana.cookie, 'https://evil.example'))).code).toBe(4403)
      // A page elsewhere that brings its own valid token still cannot ride the guest's cookie into their copy.
      expect(
        (await socketOutcome(url(ana.docId, outsider.token), asBrowser(ana.cookie, 'https://evil.example'))).code,
      ).toBe(4403)
    },
  )

  run(
    'trainers (owner, editor) open participants’ copies read/write by token; checkers, viewers and outsiders get 4403',
    async () => {
      expect((await socketOutcome(url(ana.docId, owner.token))).code).toBe('open')
      expect((await socketOutcome(url(cy.docId, editor.token))).code).toBe('open')
      expect((await socketOutcome(url(ana.docId, checker.token))).code).toBe(4403)
      expect((await socketOutcome(url(ana.docId, viewer.token))).code).toBe(4403)
      expect((await socketOutcome(url(ana.docId, outsider.token))).code).toBe(4403)

      const trainer = connectClient(server, ben.docId, { token: editor.token })
      const guest = cookieClient(server, ben.docId, ben.cookie)
      await Promise.all([trainer.synced, guest.synced])
      const claimId = addClaim(trainer.doc, { quote: 'Look again at the figure of 84.', createdBy: editor.user.id })
      await waitFor(
        () => readClaims(guest.doc).some((c) => c.id === claimId),
        5000,
        'the guest to see the trainer’s note',
      )
      trainer.destroy()
      guest.destroy()
    },
  )

  run('a trainer removed from the workspace is disconnected from participants’ copies at once (4403)', async () => {
    const leaving = await signUp(server, 'leaving')
    await join(server, owner, owner.workspaceId, leaving, 'editor')
    const client = connectClient(server, ana.docId, { token: leaving.token })
    await client.synced
    const closed = new Promise<number>((resolve) =>
      client.provider.once('connection-close', (event) => resolve(event?.code ?? -1)),
    )
    await call(server, `/api/workspaces/${owner.workspaceId}/members/${leaving.user.id}`, {
      method: 'DELETE',
      token: owner.token,
    })
    expect(await closed).toBe(4403)
    setTimeout(() => client.destroy(), 0)
    expect((await socketOutcome(url(ana.docId, leaving.token))).code).toBe(4403)
  })

  run('a guest is not signed in anywhere else: every account and workspace route answers 401', async () => {
    const ws = owner.workspaceId
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/me'],
      ['GET', '/api/workspaces'],
      ['GET', `/api/workspaces/${ws}`],
      ['GET', `/api/workspaces/${ws}/articles`],
      ['GET', `/api/workspaces/${ws}/members`],
      ['GET', `/api/workspaces/${ws}/verdicts`],
      ['GET', `/api/workspaces/${ws}/workshops`],
      ['GET', `/api/articles/${article.id}`],
      ['GET', `/api/articles/${article.id}/report.md`],
      ['GET', `/api/articles/${article.id}/claimreview`],
      ['GET', `/api/articles/${article.id}/annotations`],
      ['GET', `/api/articles/${article.id}/suggestions`],
      ['GET', `/api/articles/${article.id}/attachments`],
      ['GET', '/api/demo'],
      ['GET', '/api/tokens'],
      ['POST', '/api/tokens', { name: 'mine' }],
      ['POST', '/api/workspaces', { name: 'Mine' }],
      ['POST', `/api/workspaces/${ws}/articles`, { title: 'x', text: 'y' }],
      ['POST', `/api/workspaces/${ws}/invites`, { role: 'viewer' }],
      ['POST', `/api/workspaces/${ws}/workshops`, { articleId: article.id, title: 'x' }],
    ]
    for (const [method, path, body] of routes) {
      const res = await call(server, path, { method, body, cookie: ana.cookie, sameOrigin: true })
      expect(res.status, `${method} ${path}`).toBe(401)
      expect(res.body).toEqual({ error: expect.any(String) })
    }
  })

  run('on workshop routes a guest sees their own workshop’s minimum and nothing a trainer holds (403)', async () => {
    const mine = await call(server, `/api/workshops/${workshop.id}`, { cookie: ana.cookie })
    expect(mine.status).toBe(200)
    expect(mine.body).toEqual({
      id: workshop.id,
      title: 'Morning training',
      revealed: false,
      endsAt: null,
      articleTitle: 'Operation Herof',
      participant: { participantId: ana.participantId, name: 'Ana', docId: ana.docId },
    })

    const refused: Array<[string, string, unknown?]> = [
      ['GET', `/api/workshops/${other.id}`],
      ['GET', `/api/workshops/${workshop.id}/key`],
      ['PUT', `/api/workshops/${workshop.id}/key`, { claims: [{ quote: 'x', verdict: 'true' }] }],
      ['POST', `/api/workshops/${workshop.id}/reveal`],
      ['GET', `/api/workshops/${workshop.id}/results`],
      ['GET', `/api/workshops/${other.id}/results`],
    ]
    for (const [method, path, body] of refused) {
      const res = await call(server, path, { method, body, cookie: ana.cookie, sameOrigin: true })
      expect(res.status, `${method} ${path}`).toBe(403)
      expect(res.body).toEqual({ error: expect.any(String) })
    }
    expect((await call(server, '/api/workshops/no-such-workshop', { cookie: ana.cookie })).status).toBe(404)
  })

  run('members who do not train the workshop, outsiders and nobody are refused on it', async () => {
    for (const who of [checker, viewer, outsider]) {
      expect((await call(server, `/api/workshops/${workshop.id}`, { token: who.token })).status).toBe(403)
      expect((await call(server, `/api/workshops/${workshop.id}/results`, { token: who.token })).status).toBe(403)
      expect(
        (await call(server, `/api/workshops/${workshop.id}/reveal`, { method: 'POST', token: who.token })).status,
      ).toBe(403)
    }
    expect((await call(server, `/api/workshops/${workshop.id}`)).status).toBe(401)
    expect((await call(server, `/api/workshops/${workshop.id}/results`)).status).toBe(401)
    expect((await call(server, '/api/workshops/no-such-workshop', { token: owner.token })).status).toBe(404)
  })
})
