import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { backends } from '../support/backends.js'
import { connectClient, sleep, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { type Account, call, createArticle, join, sessionCookie, signUp, socketOutcome } from '../support/accounts.js'

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

/** The close event a stock y-websocket provider reports for its first connection. */
function providerClose(server: TestServer, docId: string, params: Record<string, string>): Promise<number> {
  const client = connectClient(server, docId, params)
  return new Promise<number>((resolve) => {
    client.provider.once('connection-close', (event) => {
      resolve(event?.code ?? -1)
      // Not from inside the provider's own close handling (destroy() closes again).
      setTimeout(() => client.destroy(), 0)
    })
  })
}

describe.each(backends())('the socket gate ($name)', (backend) => {
  let server: TestServer
  let owner: Account
  let outsider: Account
  let docId: string
  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    ;[owner, outsider] = await Promise.all([signUp(server, 'owner'), signUp(server, 'outsider')])
    docId = (await createArticle(server, owner, owner.workspaceId)).docId
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const url = (doc: string, token?: string) =>
    `${server.wsUrl}/${doc}${token ? `?token=${encodeURIComponent(token)}` : ''}`

  run('close codes with a stock WebsocketProvider: 4401 / 4404 / 4403, and a member syncs', async () => {
    expect(await providerClose(server, docId, {})).toBe(4401)
    expect(await providerClose(server, docId, { token: 'fct_not-a-real-token' })).toBe(4401)
    expect(await providerClose(server, 'no-such-document', { token: owner.token })).toBe(4404)
    expect(await providerClose(server, docId, { token: outsider.token })).toBe(4403)
    const member = connectClient(server, docId, { token: owner.token })
    await member.synced
    expect(member.doc.getXmlFragment('body').length).toBe(1)
    member.destroy()
  })

  run('the old global "demo" document id is unknown now (4404)', async () => {
    expect((await socketOutcome(url('demo', owner.token))).code).toBe(4404)
  })

  run('without credentials the server says 4401 before revealing whether a document exists', async () => {
    expect((await socketOutcome(url('no-such-document'))).code).toBe(4401)
    expect((await socketOutcome(url(docId))).code).toBe(4401)
  })

  run(
    'the session cookie works on the socket; from a foreign Origin it is refused (4403); after logout 4401',
    async () => {
      const login = await call(server, '/api/auth/login', {
        body: { email: owner.email, password: owner.password },
        sameOrigin: true,
      })
      const cookie = sessionCookie(login.headers)!
      expect((await socketOutcome(url(docId), { headers: { cookie } })).code).toBe('open')
      expect((await socketOutcome(url(docId), { headers: { cookie, origin: server.httpUrl } })).code).toBe('open')
      expect((await socketOutcome(url(docId), { headers: { cookie, origin: 'https://evil.example' } })).code).toBe(4403)
      expect((await socketOutcome(url(docId), { headers: { cookie: `fc_session=${'z'.repeat(40)}` } })).code).toBe(4401)
      await call(server, '/api/auth/logout', { method: 'POST', cookie, sameOrigin: true })
      expect((await socketOutcome(url(docId), { headers: { cookie } })).code).toBe(4401)
    },
  )

  run('a revoked token is refused on the next connection (4401)', async () => {
    const minted = await call(server, '/api/tokens', { body: { name: 'short-lived' }, token: owner.token })
    expect((await socketOutcome(url(docId, minted.body.token))).code).toBe('open')
    await call(server, `/api/tokens/${minted.body.id}`, { method: 'DELETE', token: owner.token })
    expect((await socketOutcome(url(docId, minted.body.token))).code).toBe(4401)
  })

  run(
    'a viewer receives every update; its own are never applied, relayed or stored (even across a restart)',
    async () => {
      const viewer = await signUp(server, 'viewer')
      await join(server, owner, owner.workspaceId, viewer, 'viewer')
      const article = await createArticle(server, owner, owner.workspaceId, {
        title: 'Viewer test',
        text: 'Original paragraph.',
      })
      const writer = connectClient(server, article.docId, { token: owner.token })
      const reader = connectClient(server, article.docId, { token: viewer.token })
      await Promise.all([writer.synced, reader.synced])
      const original = writer.doc.getXmlFragment('body').toString()
      expect(reader.doc.getXmlFragment('body').toString()).toBe(original)

      // The viewer edits (sync update), and a fresh sync step 2 would carry it again on reconnect; then it
      // announces itself in awareness. Frames of one socket are handled in order: once the writer sees the
      // awareness, the server has already dropped the edits.
      reader.doc.getXmlFragment('body').insert(0, [paragraph('FORGED BY VIEWER')])
      reader.doc.getMap('claims').set('forged', 'verdict')
      reader.provider.awareness.setLocalStateField('user', { name: 'viewer' })
      await waitFor(
        () => [...writer.provider.awareness.getStates().values()].some((s) => s.user?.name === 'viewer'),
        5000,
        'viewer awareness',
      )
      await sleep(200)
      expect(writer.doc.getXmlFragment('body').toString()).toBe(original)
      expect(writer.doc.getMap('claims').size).toBe(0)

      // The viewer still receives what writers do.
      writer.doc.getXmlFragment('body').insert(1, [paragraph('Added by the owner.')])
      await waitFor(
        () => reader.doc.getXmlFragment('body').toString().includes('Added by the owner.'),
        5000,
        'viewer to receive',
      )

      // A reconnect makes the provider resend its whole state as sync step 2: still dropped.
      reader.provider.disconnect()
      reader.provider.connect()
      await waitFor(() => reader.provider.synced, 5000, 'viewer resync')
      await sleep(300)
      const expected = writer.doc.getXmlFragment('body').toString()
      expect(expected).not.toContain('FORGED')
      reader.destroy()
      writer.destroy()

      expect(await server.stop()).toBe(0)
      await server.restart()
      const after = connectClient(server, article.docId, { token: owner.token })
      await after.synced
      expect(after.doc.getXmlFragment('body').toString()).toBe(expected)
      expect(after.doc.getMap('claims').size).toBe(0)
      after.destroy()
    },
  )

  run('removing a member closes their open socket at once with 4403, and they cannot reconnect', async () => {
    const checker = await signUp(server, 'removed')
    await join(server, owner, owner.workspaceId, checker, 'checker')
    const own = await createArticle(server, checker, checker.workspaceId, { title: 'Their own', text: 'Kept.' })
    const client = connectClient(server, docId, { token: checker.token })
    const elsewhere = connectClient(server, own.docId, { token: checker.token })
    await Promise.all([client.synced, elsewhere.synced])
    const closed = new Promise<number>((resolve) =>
      client.provider.on('connection-close', (event) => resolve(event?.code ?? -1)),
    )

    const removed = await call(server, `/api/workspaces/${owner.workspaceId}/members/${checker.user.id}`, {
      method: 'DELETE',
      token: owner.token,
    })
    expect(removed.status).toBe(204)
    expect(await closed).toBe(4403)
    expect((await socketOutcome(url(docId, checker.token))).code).toBe(4403)
    // Their socket on their own workspace's document stays up.
    await sleep(100)
    expect(elsewhere.provider.wsconnected).toBe(true)
    client.destroy()
    elsewhere.destroy()
  })

  run('demoting a member to viewer makes their open socket read-only at once', async () => {
    const editor = await signUp(server, 'demoted')
    await join(server, owner, owner.workspaceId, editor, 'editor')
    const article = await createArticle(server, owner, owner.workspaceId, { title: 'Demotion', text: 'Start.' })
    const writer = connectClient(server, article.docId, { token: owner.token })
    const demoted = connectClient(server, article.docId, { token: editor.token })
    await Promise.all([writer.synced, demoted.synced])
    demoted.doc.getText('probe').insert(0, 'before')
    await waitFor(() => writer.doc.getText('probe').toString() === 'before', 5000, 'editor edit to arrive')

    const patched = await call(server, `/api/workspaces/${owner.workspaceId}/members/${editor.user.id}`, {
      method: 'PATCH',
      body: { role: 'viewer' },
      token: owner.token,
    })
    expect(patched.body).toMatchObject({ userId: editor.user.id, role: 'viewer' })
    demoted.doc.getText('probe').insert(6, ' and after')
    demoted.provider.awareness.setLocalStateField('user', { name: 'demoted' })
    await waitFor(
      () => [...writer.provider.awareness.getStates().values()].some((s) => s.user?.name === 'demoted'),
      5000,
      'awareness',
    )
    await sleep(100)
    expect(writer.doc.getText('probe').toString()).toBe('before')
    writer.destroy()
    demoted.destroy()
  })
})
