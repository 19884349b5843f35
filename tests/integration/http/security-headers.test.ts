import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Answer, call, createArticle, signUp } from '../support/accounts.js'
import { startServer, type TestServer } from '../support/server.js'

/** A built client of our own, so the static answers are tested whether or not `client/dist` exists. */
function fakeClient(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-dist-'))
  fs.mkdirSync(path.join(dir, 'assets'))
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>')
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app")')
  return dir
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

function expectAppHeaders(res: Answer): void {
  const csp = res.headers.get('content-security-policy') ?? ''
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  )
  expect(directives.get('default-src')).toEqual(["'self'"])
  expect(directives.get('script-src')).toEqual(["'self'"]) // no 'unsafe-inline', no 'unsafe-eval'
  expect(directives.get('object-src')).toEqual(["'none'"])
  expect(directives.get('base-uri')).toEqual(["'self'"])
  expect(directives.get('frame-ancestors')).toEqual(["'none'"])
  expect(directives.get('form-action')).toEqual(["'self'"])
  expect(directives.get('connect-src')).toEqual(["'self'"])
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
}

/** Every answer, whatever produced it, tells the browser not to frame, sniff or run foreign script. */
describe('security headers on every answer', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ env: { CLIENT_DIST: fakeClient() } })
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('API JSON, its errors (401, 404, 400) and a refused write (403)', async () => {
    const owner = await signUp(server, 'headers')
    const answers = [
      await call(server, '/api/health'),
      await call(server, '/api/workspaces', { token: owner.token }),
      await call(server, '/api/me'),
      await call(server, '/api/no-such-route'),
      await call(server, '/api/auth/login', { body: '{' }),
      await call(server, '/api/workspaces', {
        body: { name: 'x' },
        cookie: owner.cookie,
        headers: { origin: 'https://evil.example' },
      }),
      await call(server, '/api/no-such-route', { method: 'DELETE' }),
    ]
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 404, 400, 403, 404])
    for (const res of answers) expectAppHeaders(res)
  })

  it('the index page, a static asset, the SPA fallback and a malformed URL', async () => {
    const answers = [
      await call(server, '/'),
      await call(server, '/assets/app.js'),
      await call(server, '/w/some/where'),
      await call(server, '/a/%ff'),
    ]
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 400])
    expect(answers[1]!.body).toBe('console.log("app")')
    for (const res of answers) expectAppHeaders(res)
  })

  it('an attachment keeps its own stricter policy: nothing runs, nothing loads but itself', async () => {
    const owner = await signUp(server, 'attach')
    const article = await createArticle(server, owner, owner.workspaceId)
    const up = await fetch(`${server.httpUrl}/api/articles/${article.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'image/png', 'x-filename': 'dot.png' },
      body: PNG,
    })
    expect(up.status).toBe(201)
    const { url } = (await up.json()) as { url: string }
    const res = await call(server, url, { token: owner.token })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/(^|;\s*)default-src 'none'/)
    expect(csp).not.toMatch(/script-src/)
    expect(csp).toMatch(/frame-ancestors 'none'/)
  })
})
