import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, join, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, createWorkshop, joinAs } from './helpers.js'

const KEY = [
  { quote: '84 Pakistani security personnel were killed', verdict: 'false', rationale: 'The army reported 4 dead.' },
  { quote: 'taken 18 personnel captive', verdict: 'unproven' },
]

describe.each(backends())('workshops: creation, listing and the answer key ($name)', (backend) => {
  let server: TestServer
  let owner: Account
  let editor: Account
  let checker: Account
  let viewer: Account
  let outsider: Account
  let workspaceId: string
  let articleId: string

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
    workspaceId = owner.workspaceId
    await join(server, owner, workspaceId, editor, 'editor')
    await join(server, owner, workspaceId, checker, 'checker')
    await join(server, owner, workspaceId, viewer, 'viewer')
    articleId = (await createArticle(server, owner, workspaceId, { title: 'Operation Herof', text: ARTICLE })).id
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const create = (who: Account | undefined, body: unknown = { articleId, title: 'Training' }, ws = workspaceId) =>
    call(server, `/api/workspaces/${ws}/workshops`, { body, ...(who ? { token: who.token } : {}) })

  run(
    'owners and editors create workshops (201 with a join code); checkers, viewers, non-members and nobody cannot',
    async () => {
      for (const who of [owner, editor]) {
        const res = await create(who)
        expect(res.status).toBe(201)
        expect(res.body).toMatchObject({
          title: 'Training',
          workspaceId,
          articleId,
          hasKey: false,
          revealed: false,
          createdBy: who.user.id,
        })
        expect(res.body.id).toMatch(/^[A-Za-z0-9_-]+$/)
        expect(res.body.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/)
      }
      expect((await create(checker)).status).toBe(403)
      expect((await create(viewer)).status).toBe(403)
      expect((await create(outsider)).status).toBe(403)
      const anonymous = await create(undefined)
      expect(anonymous.status).toBe(401)
      expect(anonymous.body).toEqual({ error: expect.any(String) })
      expect((await create(owner, undefined, 'no-such-workspace')).status).toBe(404)
    },
  )

  run(
    'the article must belong to the workspace: another workspace’s article or an unknown one is 404 and creates nothing',
    async () => {
      const second = await call(server, '/api/workspaces', { body: { name: 'Second desk' }, token: owner.token })
      const elsewhere = await createArticle(server, owner, second.body.id, { title: 'Elsewhere', text: ARTICLE })
      const outsidersArticle = (
        await call(server, `/api/workspaces/${outsider.workspaceId}/articles`, { token: outsider.token })
      ).body[0].id
      const before = (await call(server, `/api/workspaces/${workspaceId}/workshops`, { token: owner.token })).body
        .length

      for (const foreign of [elsewhere.id, outsidersArticle, 'no-such-article']) {
        const res = await create(owner, { articleId: foreign, title: 'Training' })
        expect(res.status).toBe(404)
        expect(res.body.error).toMatch(/^articleId: /)
      }
      // And the article's own workspace takes it.
      expect((await create(owner, { articleId: elsewhere.id, title: 'Training' }, second.body.id)).status).toBe(201)
      expect(
        (await call(server, `/api/workspaces/${workspaceId}/workshops`, { token: owner.token })).body,
      ).toHaveLength(before)
    },
  )

  run('bad creation bodies are 400 naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ title: 'Training' }, /^articleId: /],
      [{ articleId, title: '' }, /^title: /],
      [{ articleId, title: '   ' }, /^title: /],
      [{ articleId, title: 'x'.repeat(301) }, /^title: /],
      [{ articleId: 42, title: 'Training' }, /^articleId: /],
      ['{"articleId": ', /malformed JSON/],
      [[1, 2], /./],
    ]
    for (const [body, message] of cases) {
      const res = await create(owner, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error).toMatch(message)
    }
  })

  run('the list shows each member the workshops they train, with participant counts', async () => {
    const byOwner = await createWorkshop(server, owner, workspaceId, articleId, 'Listed')
    await joinAs(server, byOwner.joinCode, 'Ana')
    await joinAs(server, byOwner.joinCode, 'Ben')

    const ownerList = await call(server, `/api/workspaces/${workspaceId}/workshops`, { token: owner.token })
    expect(ownerList.status).toBe(200)
    const listed = ownerList.body.find((w: { id: string }) => w.id === byOwner.id)
    expect(listed).toMatchObject({
      title: 'Listed',
      joinCode: byOwner.joinCode,
      articleId,
      participants: 2,
      revealed: false,
      hasKey: false,
    })
    expect(ownerList.body.some((w: { createdBy: string }) => w.createdBy === editor.user.id)).toBe(true)
    const editorList = await call(server, `/api/workspaces/${workspaceId}/workshops`, { token: editor.token })
    expect(editorList.body.map((w: { id: string }) => w.id)).toEqual(ownerList.body.map((w: { id: string }) => w.id))
    // Checkers and viewers train nothing here: an empty list, not the join codes.
    expect((await call(server, `/api/workspaces/${workspaceId}/workshops`, { token: checker.token })).body).toEqual([])
    expect((await call(server, `/api/workspaces/${workspaceId}/workshops`, { token: viewer.token })).body).toEqual([])
    expect((await call(server, `/api/workspaces/${workspaceId}/workshops`, { token: outsider.token })).status).toBe(403)
    expect((await call(server, `/api/workspaces/${workspaceId}/workshops`)).status).toBe(401)
  })

  run(
    'the answer key: any trainer sets it (204) and reads it back; checkers, viewers, participants, outsiders cannot',
    async () => {
      const workshop = await createWorkshop(server, editor, workspaceId, articleId)
      const guest = await joinAs(server, workshop.joinCode, 'Ana')
      const put = (opts: Parameters<typeof call>[2]) =>
        call(server, `/api/workshops/${workshop.id}/key`, { method: 'PUT', body: { claims: KEY }, ...opts })

      expect((await put({ token: editor.token })).status).toBe(204)
      for (const trainer of [owner, editor]) {
        const back = await call(server, `/api/workshops/${workshop.id}/key`, { token: trainer.token })
        expect(back.status).toBe(200)
        expect(back.body).toEqual({ claims: KEY })
      }
      expect((await put({ token: owner.token })).status).toBe(204)

      expect((await put({ token: checker.token })).status).toBe(403)
      expect((await put({ token: viewer.token })).status).toBe(403)
      expect((await put({ token: outsider.token })).status).toBe(403)
      expect((await put({ cookie: guest.cookie, sameOrigin: true })).status).toBe(403)
      expect((await put({})).status).toBe(401)
      expect(
        (
          await call(server, '/api/workshops/no-such-workshop/key', {
            method: 'PUT',
            body: { claims: KEY },
            token: owner.token,
          })
        ).status,
      ).toBe(404)

      for (const reader of [
        { token: checker.token },
        { token: viewer.token },
        { token: outsider.token },
        { cookie: guest.cookie },
      ]) {
        const res = await call(server, `/api/workshops/${workshop.id}/key`, reader)
        expect(res.status).toBe(403)
        expect(JSON.stringify(res.body)).not.toContain('army reported')
      }
      expect((await call(server, `/api/workshops/${workshop.id}/key`)).status).toBe(401)
      expect((await call(server, `/api/workshops/${workshop.id}`, { token: owner.token })).body.hasKey).toBe(true)
    },
  )

  run('a bad key body is 400 naming the field, and the stored key stays as it was', async () => {
    const workshop = await createWorkshop(server, owner, workspaceId, articleId)
    const put = (body: unknown) =>
      call(server, `/api/workshops/${workshop.id}/key`, { method: 'PUT', body, token: owner.token })
    const stored = async () => (await call(server, `/api/workshops/${workshop.id}/key`, { token: owner.token })).body

    const bad: Array<[unknown, RegExp]> = [
      [{}, /^claims: /],
      [{ claims: [] }, /^claims: /],
      [{ claims: 'all of them' }, /^claims: /],
      [{ claims: [{ quote: '', verdict: 'false' }] }, /^claims\.0\.quote: /],
      [{ claims: [{ quote: 'q', verdict: 'pants-on-fire' }] }, /^claims\.0\.verdict: /],
      [{ claims: [{ quote: 'q' }] }, /^claims\.0\.verdict: /],
      [{ claims: [{ quote: 'q', verdict: 'false', rationale: 'x'.repeat(5001) }] }, /^claims\.0\.rationale: /],
      [{ claims: [{ quote: 'q', verdict: 'false' }, 5] }, /^claims\.1: /],
      ['{"claims": [', /malformed JSON/],
    ]
    // Nothing stored before a good key...
    for (const [body, message] of bad) {
      const res = await put(body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error).toMatch(message)
    }
    expect(await stored()).toEqual({ claims: [] })
    expect((await call(server, `/api/workshops/${workshop.id}`, { token: owner.token })).body.hasKey).toBe(false)
    // ...and a good key is not touched by a bad one after it.
    expect((await put({ claims: KEY })).status).toBe(204)
    for (const [body] of bad) expect((await put(body)).status).toBe(400)
    expect(await stored()).toEqual({ claims: KEY })
  })

  run(
    'a creator demoted to checker still trains their own workshop (not others’); removed from the workspace, nothing',
    async () => {
      const creator = await signUp(server, 'creator')
      await join(server, owner, workspaceId, creator, 'editor')
      const theirs = await createWorkshop(server, creator, workspaceId, articleId)
      const others = await createWorkshop(server, owner, workspaceId, articleId)
      const put = (id: string) =>
        call(server, `/api/workshops/${id}/key`, { method: 'PUT', body: { claims: KEY }, token: creator.token })

      await call(server, `/api/workspaces/${workspaceId}/members/${creator.user.id}`, {
        method: 'PATCH',
        body: { role: 'checker' },
        token: owner.token,
      })
      expect((await put(theirs.id)).status).toBe(204)
      expect((await put(others.id)).status).toBe(403)
      const list = await call(server, `/api/workspaces/${workspaceId}/workshops`, { token: creator.token })
      expect(list.body.map((w: { id: string }) => w.id)).toEqual([theirs.id])

      await call(server, `/api/workspaces/${workspaceId}/members/${creator.user.id}`, {
        method: 'DELETE',
        token: owner.token,
      })
      expect((await put(theirs.id)).status).toBe(403)
      expect((await call(server, `/api/workshops/${theirs.id}`, { token: creator.token })).status).toBe(403)
    },
  )
})
