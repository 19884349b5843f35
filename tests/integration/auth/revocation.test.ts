import WS from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, createArticle, signUp, type Account } from '../support/accounts.js'
import { startServer, type TestServer } from '../support/server.js'

/** An open socket on the document, and a promise of the code the server closes it with. */
async function openSocket(url: string, headers: Record<string, string> = {}): Promise<{ closed: Promise<number> }> {
  const ws = new WS(url, { headers })
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve()) // sync step 1 from the server: the gate let us in
    ws.once('close', (code) => reject(new Error(`closed with ${code} before syncing`)))
  })
  return { closed }
}

describe('revoking a credential closes the sockets opened with it', () => {
  let server: TestServer
  let account: Account
  let docId: string

  beforeAll(async () => {
    server = await startServer()
    account = await signUp(server, 'revoker')
    docId = (await createArticle(server, account, account.workspaceId)).docId
  })
  afterAll(() => server?.stop())

  it('logging out closes the session’s sockets with 4401; a token socket of the same user stays', async () => {
    const cookieSocket = await openSocket(`${server.wsUrl}/${docId}`, {
      cookie: account.cookie,
      origin: server.httpUrl,
    })
    const tokenSocket = await openSocket(`${server.wsUrl}/${docId}?token=${account.token}`)
    let tokenClosed = false
    void tokenSocket.closed.then(() => (tokenClosed = true))
    expect(
      (await call(server, '/api/auth/logout', { method: 'POST', cookie: account.cookie, sameOrigin: true })).status,
    ).toBe(204)
    expect(await cookieSocket.closed).toBe(4401)
    await new Promise((r) => setTimeout(r, 200))
    expect(tokenClosed).toBe(false)
  })

  it('revoking an API token closes its sockets with 4401, and it cannot reconnect', async () => {
    const tokens = await call<{ id: string; name: string }[]>(server, '/api/tokens', { token: account.token })
    const socket = await openSocket(`${server.wsUrl}/${docId}?token=${account.token}`)
    const revoke = await call(server, `/api/tokens/${tokens.body[0]!.id}`, { method: 'DELETE', token: account.token })
    expect(revoke.status).toBe(204)
    expect(await socket.closed).toBe(4401)
    await expect(openSocket(`${server.wsUrl}/${docId}?token=${account.token}`)).rejects.toThrow(/4401/)
  })
})
