import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, signUp, socketOutcome } from '../support/accounts.js'
import { startServer, type TestServer } from '../support/server.js'

/** A cookie-authenticated write as a browser page at `origin` sends it. */
const writeFrom = (server: TestServer, account: Account, origin: string, headers: Record<string, string> = {}) =>
  call(server, '/api/workspaces', { body: { name: 'Desk' }, cookie: account.cookie, headers: { origin, ...headers } })

/** The same origin means scheme, host and port: a page on https://our-host or on another port of it is another site. */
describe('CSRF origin check compares scheme, host and port', () => {
  let plain: TestServer
  let proxied: TestServer
  beforeAll(async () => {
    // PUBLIC_URL names the address browsers use (a TLS-terminating proxy in front).
    plain = await startServer({ env: { PUBLIC_URL: 'https://desk.example/' } })
    // Behind a trusted proxy, X-Forwarded-Proto says which scheme the browser used.
    proxied = await startServer({ env: { TRUST_PROXY: '1' } })
  })
  afterAll(async () => {
    await plain?.stop()
    await proxied?.stop()
  })

  it('the plain-http server refuses https://<its host> and http://<its host>:<another port>, and accepts its own origin', async () => {
    const owner = await signUp(plain, 'scheme')
    const { host, port } = new URL(plain.httpUrl)
    const otherPort = port === '1' ? '2' : String(Number(port) - 1)
    for (const origin of [
      `https://${host}`,
      `http://${new URL(plain.httpUrl).hostname}:${otherPort}`,
      `ws://${host}`,
    ]) {
      const refused = await writeFrom(plain, owner, origin)
      expect(refused.status, origin).toBe(403)
      expect(refused.body.error).toMatch(/cross-origin/)
    }
    // A client claiming the https scheme is not believed without TRUST_PROXY.
    expect((await writeFrom(plain, owner, `https://${host}`, { 'x-forwarded-proto': 'https' })).status).toBe(403)
    // Referer is judged the same way when Origin is absent.
    const byReferer = await call(plain, '/api/workspaces', {
      body: { name: 'Desk' },
      cookie: owner.cookie,
      headers: { referer: `https://${host}/w/x` },
    })
    expect(byReferer.status).toBe(403)
    // The refused writes created nothing (the one workspace is signup's); our own origin's write does.
    expect((await call(plain, '/api/workspaces', { token: owner.token })).body).toHaveLength(1)
    expect((await writeFrom(plain, owner, plain.httpUrl)).status).toBe(201)
    expect((await call(plain, '/api/workspaces', { token: owner.token })).body).toHaveLength(2)
  })

  it('PUBLIC_URL is an origin of ours with its own scheme only', async () => {
    const owner = await signUp(plain, 'public')
    expect((await writeFrom(plain, owner, 'https://desk.example')).status).toBe(201)
    expect((await writeFrom(plain, owner, 'http://desk.example')).status).toBe(403)
    expect((await writeFrom(plain, owner, 'https://desk.example:8443')).status).toBe(403)
  })

  it('the socket refuses a cookie from https://<its host> (4403) and opens for its own origin', async () => {
    const owner = await signUp(plain, 'socket')
    const article = await createArticle(plain, owner, owner.workspaceId)
    const url = `${plain.wsUrl}/${article.docId}`
    const { host } = new URL(plain.httpUrl)
    expect((await socketOutcome(url, { headers: { cookie: owner.cookie, origin: `https://${host}` } })).code).toBe(4403)
    expect((await socketOutcome(url, { headers: { cookie: owner.cookie, origin: plain.httpUrl } })).code).toBe('open')
  })

  it('behind a trusted proxy, the scheme is the one X-Forwarded-Proto reports, and only that one', async () => {
    const owner = await signUp(proxied, 'proxied')
    const { host } = new URL(proxied.httpUrl)
    const tls = { 'x-forwarded-proto': 'https' }
    expect((await writeFrom(proxied, owner, `https://${host}`, tls)).status).toBe(201)
    expect((await writeFrom(proxied, owner, `http://${host}`, tls)).status).toBe(403)
    expect((await writeFrom(proxied, owner, `https://${host}`)).status).toBe(403)
    // The host the proxy forwards for counts too, with the proxy's scheme.
    expect(
      (await writeFrom(proxied, owner, 'https://desk.example', { ...tls, 'x-forwarded-host': 'desk.example' })).status,
    ).toBe(201)
    expect(
      (await writeFrom(proxied, owner, 'https://evil.example', { ...tls, 'x-forwarded-host': 'desk.example' })).status,
    ).toBe(403)
  })
})
