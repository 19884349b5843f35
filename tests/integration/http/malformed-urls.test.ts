import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, signUp } from '../support/accounts.js'
import { startServer, type TestServer } from '../support/server.js'

/** A percent sign that does not start a valid UTF-8 escape is the client's mistake (400), never the server's (500). */
describe('malformed URLs', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server?.stop()
  })

  const MALFORMED = [
    '/%ff',
    '/%E0%A4%A',
    '/a/%ff',
    '/assets/%c0%af.js',
    '/%',
    '/api/%ff',
    '/api/workspaces/%ff',
    '/api/articles/%E0%A4%A/claims',
    '/api/health?x=%ff',
  ]

  it.each(MALFORMED)('GET %s answers 400 {error}', async (path) => {
    const res = await call(server, path)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: expect.stringMatching(/malformed URL/) })
  })

  it('a POST to a malformed API path is 400 too, before anything reads its body', async () => {
    const res = await call(server, '/api/workspaces/%ff/articles', { body: { title: 'x' }, sameOrigin: true })
    expect(res.status).toBe(400)
  })

  it('well-formed escapes still reach their route, and the server stays healthy', async () => {
    const owner = await signUp(server, 'escapes')
    // An escaped id that exists nowhere: the route answers (404), not the URL check.
    expect((await call(server, '/api/workspaces/%C3%A9t%C3%A9', { token: owner.token })).status).toBe(404)
    // A valid escape outside /api falls back to the app (its index or the "not built" notice), never a 400.
    expect([200, 503]).toContain((await call(server, '/w/%C3%A9t%C3%A9')).status)
    expect((await call(server, '/api/health')).status).toBe(200)
    expect(server.logs()).not.toMatch(/request failed/)
  })
})
