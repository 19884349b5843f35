import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/backends.js'
import type { TestServer } from '../support/server.js'
import { type Account, call, signUp } from '../support/accounts.js'

/** Bad input at the edge: always a 4xx `{error}` naming the field, never a 500. */
describe.each(backends())('validation at the edge ($name)', (backend) => {
  let server: TestServer
  let account: Account
  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    account = await signUp(server, 'validator')
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  const long = (n: number) => 'x'.repeat(n)

  // [what, method, path (W = the caller's workspace, M = their own user id), body, status, error pattern]
  const CASES: [string, string, string, unknown, number, RegExp][] = [
    ['signup: malformed JSON', 'POST', '/api/auth/signup', '{"email": "a@b.c",', 400, /malformed JSON/],
    ['signup: empty body', 'POST', '/api/auth/signup', '', 400, /^body/],
    ['signup: an array', 'POST', '/api/auth/signup', [], 400, /^body: /],
    ['signup: missing email', 'POST', '/api/auth/signup', { password: 'long enough pw', name: 'N' }, 400, /^email: /],
    [
      'signup: missing name',
      'POST',
      '/api/auth/signup',
      { email: 'n@example.test', password: 'long enough pw' },
      400,
      /^name: /,
    ],
    [
      'signup: email not an email',
      'POST',
      '/api/auth/signup',
      { email: 'nope', password: 'long enough pw', name: 'N' },
      400,
      /^email: /,
    ],
    [
      'signup: email too long',
      'POST',
      '/api/auth/signup',
      { email: `${long(250)}@example.test`, password: 'long enough pw', name: 'N' },
      400,
      /^email: /,
    ],
    [
      'signup: password a number',
      'POST',
      '/api/auth/signup',
      { email: 'n@example.test', password: 12345678901, name: 'N' },
      400,
      /^password: /,
    ],
    [
      'signup: password too long',
      'POST',
      '/api/auth/signup',
      { email: 'n@example.test', password: long(1025), name: 'N' },
      400,
      /^password: /,
    ],
    [
      'signup: name too long',
      'POST',
      '/api/auth/signup',
      { email: 'n@example.test', password: 'long enough pw', name: long(101) },
      400,
      /^name: .*100/,
    ],
    [
      'signup: name blank',
      'POST',
      '/api/auth/signup',
      { email: 'n@example.test', password: 'long enough pw', name: '   ' },
      400,
      /^name: /,
    ],
    ['login: malformed JSON', 'POST', '/api/auth/login', '{', 400, /malformed JSON/],
    ['login: missing password', 'POST', '/api/auth/login', { email: 'n@example.test' }, 400, /^password: /],
    ['login: email an object', 'POST', '/api/auth/login', { email: { $ne: '' }, password: 'x' }, 400, /^email: /],
    ['tokens: missing name', 'POST', '/api/tokens', {}, 400, /^name: /],
    ['tokens: name too long', 'POST', '/api/tokens', { name: long(101) }, 400, /^name: /],
    ['workspaces: malformed JSON', 'POST', '/api/workspaces', '{name:"x"}', 400, /malformed JSON/],
    ['workspaces: name a number', 'POST', '/api/workspaces', { name: 42 }, 400, /^name: /],
    ['workspaces: name too long', 'POST', '/api/workspaces', { name: long(101) }, 400, /^name: /],
    ['invites: unknown role', 'POST', '/api/workspaces/W/invites', { role: 'admin' }, 400, /^role: /],
    ['invites: missing role', 'POST', '/api/workspaces/W/invites', {}, 400, /^role: /],
    ['members: role a list', 'PATCH', '/api/workspaces/W/members/M', { role: ['owner'] }, 400, /^role: /],
    [
      'articles: malformed JSON',
      'POST',
      '/api/workspaces/W/articles',
      '{"title": "x", "text": ',
      400,
      /malformed JSON/,
    ],
    ['articles: missing title', 'POST', '/api/workspaces/W/articles', { text: 'body' }, 400, /^title: /],
    [
      'articles: title too long',
      'POST',
      '/api/workspaces/W/articles',
      { title: long(301), text: 'body' },
      400,
      /^title: .*300/,
    ],
    ['articles: text a number', 'POST', '/api/workspaces/W/articles', { title: 't', text: 5 }, 400, /^text: /],
    ['articles: html an object', 'POST', '/api/workspaces/W/articles', { title: 't', html: { a: 1 } }, 400, /^html: /],
    [
      'articles: two body formats',
      'POST',
      '/api/workspaces/W/articles',
      { title: 't', text: 'a', markdown: 'b' },
      400,
      /^markdown: .*at most one/,
    ],
    [
      'articles: javascript: sourceUrl',
      'POST',
      '/api/workspaces/W/articles',
      { title: 't', sourceUrl: 'javascript:alert(1)' },
      400,
      /^sourceUrl: /,
    ],
    [
      'articles: sourceUrl too long',
      'POST',
      '/api/workspaces/W/articles',
      { title: 't', sourceUrl: `https://e.example/${long(2100)}` },
      400,
      /^sourceUrl: /,
    ],
    [
      'articles: text over 1,000,000 characters',
      'POST',
      '/api/workspaces/W/articles',
      { title: 't', text: long(1_000_001) },
      400,
      /^text: /,
    ],
    [
      'articles: body over the byte limit',
      'POST',
      '/api/workspaces/W/articles',
      { title: 't', text: long(5 * 1024 * 1024) },
      413,
      /larger than/,
    ],
    ['tokens: body over the JSON limit', 'POST', '/api/tokens', { name: long(100 * 1024) }, 413, /larger than/],
  ]

  for (const [what, method, path, body, status, pattern] of CASES) {
    run(`${what} → ${status}`, async () => {
      const resolved = path.replace('/W/', `/${account.workspaceId}/`).replace(/\/M$/, `/${account.user.id}`)
      // Cookie + our Origin, as the browser app sends it (auth routes need no session).
      const res = await call(server, resolved, {
        method,
        body,
        cookie: account.cookie,
        sameOrigin: true,
        headers: { 'content-type': 'application/json' },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(status)
      expect(res.body).toEqual({ error: expect.stringMatching(pattern) })
    })
  }

  run('a valid article still goes through after all that', async () => {
    const res = await call(server, `/api/workspaces/${account.workspaceId}/articles`, {
      body: { title: '  Trimmed title  ', text: 'Body.', sourceUrl: 'https://news.example/a', markdown: null },
      token: account.token,
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ title: 'Trimmed title', sourceUrl: 'https://news.example/a', format: 'text' })
  })
})
