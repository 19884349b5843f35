import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/backends.js'
import type { TestServer } from '../support/server.js'
import { type Account, type Answer, call, createArticle, join, signUp } from '../support/accounts.js'

/**
 * The whole matrix: every role (and a non-member, and nobody) against every
 * workspace and article route, each as its own test, with token and with
 * cookie credentials. 'todo' marks routes another issue implements.
 */
const ACTORS = ['owner', 'editor', 'checker', 'viewer', 'non-member', 'anonymous'] as const
type Actor = (typeof ACTORS)[number]
type Expected = number | 'todo'

interface Ctx {
  server: TestServer
  accounts: Record<Exclude<Actor, 'anonymous'>, Account>
  target: Account
  workspaceId: string
  articleId: string
}

type Send = (path: string, options?: { method?: string; body?: unknown }) => Promise<Answer>

interface RouteCase {
  route: string
  /** Runs before each call (e.g. put the target member back). */
  prepare?: (ctx: Ctx) => Promise<void>
  send: (ctx: Ctx, send: Send) => Promise<Answer>
  expected: Record<Actor, Expected>
}

const readAll = (ok: number): Record<Actor, Expected> => ({
  owner: ok,
  editor: ok,
  checker: ok,
  viewer: ok,
  'non-member': 403,
  anonymous: 401,
})

async function ensureTargetMember(ctx: Ctx): Promise<void> {
  const members = await call(ctx.server, `/api/workspaces/${ctx.workspaceId}/members`, {
    token: ctx.accounts.owner.token,
  })
  if (!members.body.some((m: { userId: string }) => m.userId === ctx.target.user.id)) {
    await join(ctx.server, ctx.accounts.owner, ctx.workspaceId, ctx.target, 'checker')
  }
}

const ROUTES: RouteCase[] = [
  { route: 'GET /api/workspaces/:id', send: (c, s) => s(`/api/workspaces/${c.workspaceId}`), expected: readAll(200) },
  {
    route: 'GET /api/workspaces/:id/members',
    send: (c, s) => s(`/api/workspaces/${c.workspaceId}/members`),
    expected: readAll(200),
  },
  {
    route: 'POST /api/workspaces/:id/invites {role: viewer}',
    send: (c, s) => s(`/api/workspaces/${c.workspaceId}/invites`, { body: { role: 'viewer' } }),
    expected: { owner: 201, editor: 201, checker: 403, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'POST /api/workspaces/:id/invites {role: editor}',
    send: (c, s) => s(`/api/workspaces/${c.workspaceId}/invites`, { body: { role: 'editor' } }),
    expected: { owner: 201, editor: 201, checker: 403, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'POST /api/workspaces/:id/invites {role: owner}',
    send: (c, s) => s(`/api/workspaces/${c.workspaceId}/invites`, { body: { role: 'owner' } }),
    expected: { owner: 201, editor: 403, checker: 403, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'PATCH /api/workspaces/:id/members/:userId',
    prepare: ensureTargetMember,
    send: (c, s) =>
      s(`/api/workspaces/${c.workspaceId}/members/${c.target.user.id}`, { method: 'PATCH', body: { role: 'checker' } }),
    expected: { owner: 200, editor: 403, checker: 403, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'DELETE /api/workspaces/:id/members/:userId',
    prepare: ensureTargetMember,
    send: (c, s) => s(`/api/workspaces/${c.workspaceId}/members/${c.target.user.id}`, { method: 'DELETE' }),
    expected: { owner: 204, editor: 403, checker: 403, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'POST /api/workspaces/:id/articles',
    send: (c, s) =>
      s(`/api/workspaces/${c.workspaceId}/articles`, { body: { title: 'Matrix article', text: 'A claim.' } }),
    expected: { owner: 201, editor: 201, checker: 201, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'GET /api/workspaces/:id/articles',
    send: (c, s) => s(`/api/workspaces/${c.workspaceId}/articles`),
    expected: readAll(200),
  },
  { route: 'GET /api/articles/:id', send: (c, s) => s(`/api/articles/${c.articleId}`), expected: readAll(200) },
  {
    route: 'GET /api/articles/:id/claimreview',
    send: (c, s) => s(`/api/articles/${c.articleId}/claimreview`),
    expected: readAll(200),
  },
  {
    route: 'GET /api/articles/:id/report.md',
    send: (c, s) => s(`/api/articles/${c.articleId}/report.md`),
    expected: readAll(200),
  },
  {
    route: 'GET /api/articles/:id/annotations',
    send: (c, s) => s(`/api/articles/${c.articleId}/annotations`),
    expected: readAll(200),
  },
  {
    route: 'GET /api/articles/:id/suggestions',
    send: (c, s) => s(`/api/articles/${c.articleId}/suggestions`),
    expected: readAll(200),
  },
  // Second wave: the desk, history and activity. Writes here are refused by their body or an
  // unknown id after the role check, so the matrix records nothing and can run in any order.
  {
    route: 'GET /api/articles/:id/review',
    send: (c, s) => s(`/api/articles/${c.articleId}/review`),
    expected: readAll(200),
  },
  {
    route: 'GET /api/workspaces/:id/review-queue',
    send: (c, s) => s(`/api/workspaces/${c.workspaceId}/review-queue`),
    expected: readAll(200),
  },
  {
    route: 'GET /api/articles/:id/corrections',
    send: (c, s) => s(`/api/articles/${c.articleId}/corrections`),
    expected: readAll(200),
  },
  {
    route: 'GET /api/articles/:id/versions',
    send: (c, s) => s(`/api/articles/${c.articleId}/versions`),
    expected: readAll(200),
  },
  {
    route: 'GET /api/articles/:id/activity',
    send: (c, s) => s(`/api/articles/${c.articleId}/activity`),
    expected: readAll(200),
  },
  {
    route: 'GET /api/workspaces/:id/activity',
    send: (c, s) => s(`/api/workspaces/${c.workspaceId}/activity`),
    expected: readAll(200),
  },
  {
    route: 'GET /api/articles/:id/changes (no from)',
    send: (c, s) => s(`/api/articles/${c.articleId}/changes`),
    expected: readAll(400),
  },
  {
    route: 'POST /api/articles/:id/versions {label: ""}',
    send: (c, s) => s(`/api/articles/${c.articleId}/versions`, { body: { label: '' } }),
    expected: { owner: 400, editor: 400, checker: 400, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'POST /api/articles/:id/versions/:unknown/restore',
    send: (c, s) => s(`/api/articles/${c.articleId}/versions/nope/restore`, { body: {} }),
    expected: { owner: 404, editor: 404, checker: 403, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'POST /api/articles/:id/claims/:unknown/review-request',
    send: (c, s) => s(`/api/articles/${c.articleId}/claims/nope/review-request`, { body: {} }),
    expected: { owner: 404, editor: 404, checker: 404, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'POST /api/articles/:id/claims/:unknown/decisions',
    send: (c, s) => s(`/api/articles/${c.articleId}/claims/nope/decisions`, { body: { decision: 'approve' } }),
    expected: { owner: 404, editor: 404, checker: 403, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
  {
    route: 'POST /api/articles/:id/publish {} (first time: url required)',
    send: (c, s) => s(`/api/articles/${c.articleId}/publish`, { body: {} }),
    expected: { owner: 400, editor: 400, checker: 403, viewer: 403, 'non-member': 403, anonymous: 401 },
  },
]

describe.each(backends())('roles × routes ($name)', (backend) => {
  const ctx = {} as Ctx
  beforeAll(async () => {
    if (backend.unavailable) return
    ctx.server = await backend.start()
    const [owner, editor, checker, viewer, outsider, target] = await Promise.all(
      ['owner', 'editor', 'checker', 'viewer', 'outsider', 'target'].map((label) => signUp(ctx.server, label)),
    )
    ctx.workspaceId = owner!.workspaceId
    ctx.accounts = { owner: owner!, editor: editor!, checker: checker!, viewer: viewer!, 'non-member': outsider! }
    ctx.target = target!
    await join(ctx.server, owner!, ctx.workspaceId, editor!, 'editor')
    await join(ctx.server, owner!, ctx.workspaceId, checker!, 'checker')
    await join(ctx.server, owner!, ctx.workspaceId, viewer!, 'viewer')
    await join(ctx.server, owner!, ctx.workspaceId, target!, 'checker')
    ctx.articleId = (await createArticle(ctx.server, owner!, ctx.workspaceId)).id
  })
  afterAll(async () => {
    await ctx.server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  function sender(actor: Actor, via: 'token' | 'cookie'): Send {
    return (path, options = {}) => {
      if (actor === 'anonymous') return call(ctx.server, path, { ...options, sameOrigin: true })
      const account = ctx.accounts[actor]
      return via === 'token'
        ? call(ctx.server, path, { ...options, token: account.token })
        : call(ctx.server, path, { ...options, cookie: account.cookie, sameOrigin: true })
    }
  }

  for (const via of ['token', 'cookie'] as const) {
    describe(`with ${via} credentials`, () => {
      for (const route of ROUTES) {
        for (const actor of ACTORS) {
          const expected = route.expected[actor]
          if (expected === 'todo') {
            it.todo(
              `${route.route}: ${actor} → export not implemented yet (issue: exports); assert its 200 and content type there`,
            )
            continue
          }
          run(`${route.route}: ${actor} → ${expected}`, async () => {
            await route.prepare?.(ctx)
            const res = await route.send(ctx, sender(actor, via))
            expect(res.status, JSON.stringify(res.body)).toBe(expected)
            if (expected >= 400) expect(res.body).toEqual({ error: expect.any(String) })
          })
        }
      }
    })
  }

  run('unknown workspace and article ids are 404 for a signed-in caller, on every route shape', async () => {
    const token = ctx.accounts.owner.token
    const paths: [string, string, unknown?][] = [
      ['GET', '/api/workspaces/nope'],
      ['GET', '/api/workspaces/nope/members'],
      ['GET', '/api/workspaces/nope/articles'],
      ['POST', '/api/workspaces/nope/articles', { title: 't' }],
      ['POST', '/api/workspaces/nope/invites', { role: 'viewer' }],
      ['PATCH', `/api/workspaces/nope/members/${ctx.target.user.id}`, { role: 'viewer' }],
      ['DELETE', `/api/workspaces/nope/members/${ctx.target.user.id}`],
      ['GET', '/api/articles/nope'],
      ['GET', '/api/articles/nope/claimreview'],
      ['GET', '/api/articles/nope/report.md'],
      ['GET', '/api/articles/nope/annotations'],
      ['GET', '/api/articles/nope/suggestions'],
      ['POST', '/api/invites/not-a-code/accept'],
    ]
    for (const [method, path, body] of paths) {
      const res = await call(ctx.server, path, { method, body, token })
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(res.body).toEqual({ error: expect.any(String) })
    }
  })

  run('GET /api/workspaces lists exactly the caller’s workspaces with their role', async () => {
    for (const [actor, role] of [
      ['owner', 'owner'],
      ['editor', 'editor'],
      ['checker', 'checker'],
      ['viewer', 'viewer'],
    ] as const) {
      const res = await call(ctx.server, '/api/workspaces', { token: ctx.accounts[actor].token })
      expect(res.body).toContainEqual({ id: ctx.workspaceId, name: expect.any(String), role })
    }
    const outsider = await call(ctx.server, '/api/workspaces', { token: ctx.accounts['non-member'].token })
    expect(outsider.body.map((w: { id: string }) => w.id)).not.toContain(ctx.workspaceId)
    expect((await call(ctx.server, '/api/workspaces')).status).toBe(401)
  })

  run('the last owner can be neither demoted nor removed (409); with a second owner both work', async () => {
    const owner = ctx.accounts.owner
    const solo = await call(ctx.server, '/api/workspaces', { body: { name: 'Solo desk' }, token: owner.token })
    const wid = solo.body.id as string
    const demote = await call(ctx.server, `/api/workspaces/${wid}/members/${owner.user.id}`, {
      method: 'PATCH',
      body: { role: 'editor' },
      token: owner.token,
    })
    expect(demote.status).toBe(409)
    const remove = await call(ctx.server, `/api/workspaces/${wid}/members/${owner.user.id}`, {
      method: 'DELETE',
      token: owner.token,
    })
    expect(remove.status).toBe(409)
    await join(ctx.server, owner, wid, ctx.target, 'owner')
    const demoted = await call(ctx.server, `/api/workspaces/${wid}/members/${owner.user.id}`, {
      method: 'PATCH',
      body: { role: 'editor' },
      token: owner.token,
    })
    expect(demoted).toMatchObject({ status: 200, body: { userId: owner.user.id, role: 'editor' } })
    // Now an editor there: may no longer change roles.
    const denied = await call(ctx.server, `/api/workspaces/${wid}/members/${ctx.target.user.id}`, {
      method: 'PATCH',
      body: { role: 'viewer' },
      token: owner.token,
    })
    expect(denied.status).toBe(403)
    // Any member may leave; the (now only) owner may not.
    expect(
      (
        await call(ctx.server, `/api/workspaces/${wid}/members/${ctx.target.user.id}`, {
          method: 'DELETE',
          token: ctx.target.token,
        })
      ).status,
    ).toBe(409)
    expect(
      (
        await call(ctx.server, `/api/workspaces/${wid}/members/${owner.user.id}`, {
          method: 'DELETE',
          token: owner.token,
        })
      ).status,
    ).toBe(204)
    expect((await call(ctx.server, `/api/workspaces/${wid}`, { token: owner.token })).status).toBe(403)
  })

  run('invites: accepting gives the invite’s role; an existing member keeps theirs', async () => {
    const fresh = await signUp(ctx.server, 'invitee')
    const invite = await call(ctx.server, `/api/workspaces/${ctx.workspaceId}/invites`, {
      body: { role: 'checker' },
      token: ctx.accounts.editor.token,
    })
    expect(invite).toMatchObject({ status: 201, body: { code: expect.any(String), role: 'checker' } })
    const accepted = await call(ctx.server, `/api/invites/${invite.body.code}/accept`, {
      method: 'POST',
      token: fresh.token,
    })
    expect(accepted).toMatchObject({ status: 200, body: { workspaceId: ctx.workspaceId, role: 'checker' } })
    const ownerAccepts = await call(ctx.server, `/api/invites/${invite.body.code}/accept`, {
      method: 'POST',
      token: ctx.accounts.owner.token,
    })
    expect(ownerAccepts.body).toEqual({ workspaceId: ctx.workspaceId, role: 'owner' })
    const anonymous = await call(ctx.server, `/api/invites/${invite.body.code}/accept`, {
      method: 'POST',
      sameOrigin: true,
    })
    expect(anonymous.status).toBe(401)
  })
})
