import { claimsMap, LIMITS, setClaimField, type ReviewQueueItem } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { type Account, call, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { connectClient, drained } from '../support/clients.js'
import { openLiveEvents } from '../support/live-events.js'
import type { TestServer } from '../support/server.js'
import { onServerDb } from '../support/stored-docs.js'
import { deskTeam, type DeskTeam, editOverSocket, markClaim, reviewOf, stateOf } from './desk-team.js'

const TOO_LONG = 'x'.repeat(LIMITS.noteMax + 1)

/** Review and publishing (docs/api.md): the transition table, the role matrix, and what a socket cannot do. */
describe.each(backends())('review of claims ($name)', (backend) => {
  let server: TestServer
  let team: DeskTeam
  let outsider: Account
  const run = it.skipIf(backend.unavailable)

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    team = await deskTeam(server)
    outsider = await signUp(server, 'outsider')
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })

  const post = (path: string, who: Account | undefined, body?: unknown) =>
    call(server, path, { method: 'POST', body, token: who?.token })
  const get = (path: string, who: Account | undefined) => call(server, path, { token: who?.token })
  const queue = async (who: Account) =>
    (await get(`/api/workspaces/${team.owner.workspaceId}/review-queue`, who)).body as ReviewQueueItem[]
  const recorded = async (articleId: string) => {
    const count = async (table: string) =>
      Number(
        (
          await onServerDb<{ n: number | string }>(server, `SELECT COUNT(*) AS n FROM ${table} WHERE article_id = $1`, [
            articleId,
          ])
        )[0]!.n,
      )
    return {
      requests: await count('review_requests'),
      decisions: await count('review_decisions'),
      publications: await count('article_publications'),
      reviews: await count('claim_reviews'),
    }
  }

  run(
    'every route checks, in order: signed in, article, member, role, claim, body; a refused request records nothing',
    async () => {
      const { article, owner, editor, checker, viewer } = team
      const claimId = await markClaim(server, owner, article, { verdict: 'false' })
      const claimPath = `/api/articles/${article.id}/claims/${claimId}`
      const routes: Array<{ path: string; method: 'GET' | 'POST'; body?: unknown }> = [
        { path: `${claimPath}/review-request`, method: 'POST', body: {} },
        { path: `${claimPath}/decisions`, method: 'POST', body: { decision: 'approve' } },
        { path: `/api/articles/${article.id}/review`, method: 'GET' },
        { path: `/api/workspaces/${owner.workspaceId}/review-queue`, method: 'GET' },
        { path: `/api/articles/${article.id}/publish`, method: 'POST', body: { url: 'https://news.example/check' } },
        { path: `/api/articles/${article.id}/corrections`, method: 'GET' },
      ]
      const ask = (r: (typeof routes)[number], who: Account | undefined) =>
        r.method === 'GET' ? get(r.path, who) : post(r.path, who, r.body)
      for (const r of routes) {
        expect((await ask(r, undefined)).status, `${r.path} signed out`).toBe(401)
        expect((await ask(r, outsider)).status, `${r.path} another workspace`).toBe(403)
      }
      expect((await post(`/api/articles/no-such-article/claims/${claimId}/review-request`, checker, {})).status).toBe(
        404,
      )
      expect((await post(`/api/articles/no-such-article/publish`, editor, {})).status).toBe(404)
      // Viewers read; checkers also request review; only editors and owners decide and publish.
      expect((await ask(routes[0]!, viewer)).status).toBe(403)
      for (const who of [viewer, checker]) {
        expect((await ask(routes[1]!, who)).status).toBe(403)
        expect((await ask(routes[4]!, who)).status).toBe(403)
      }
      for (const r of [routes[2]!, routes[3]!, routes[5]!]) expect((await ask(r, viewer)).status).toBe(200)
      // The claim before the body: an unknown claim is 404 even with a bad body.
      expect(
        (await post(`/api/articles/${article.id}/claims/nope/review-request`, checker, { note: TOO_LONG })).status,
      ).toBe(404)
      expect(
        (await post(`/api/articles/${article.id}/claims/nope/decisions`, editor, { decision: 'approve' })).status,
      ).toBe(404)
      // Bad bodies: 400 with the field named.
      const bad: Array<[string, Account, unknown]> = [
        [`${claimPath}/review-request`, checker, { note: TOO_LONG }],
        [`${claimPath}/review-request`, checker, 'not json'],
        [`${claimPath}/decisions`, editor, { decision: 'request-changes', note: TOO_LONG }],
        [`${claimPath}/decisions`, editor, { decision: 'request-changes' }],
        [`${claimPath}/decisions`, editor, { decision: 'request-changes', note: '   ' }],
        [`${claimPath}/decisions`, editor, { decision: 'publish', note: 'x' }],
        [`${claimPath}/decisions`, editor, undefined],
        [`/api/articles/${article.id}/publish`, editor, { url: 'javascript:alert(1)' }],
        [`/api/articles/${article.id}/publish`, editor, { url: 'https://news.example/check', note: TOO_LONG }],
      ]
      for (const [path, who, body] of bad) {
        const res = await post(path, who, body)
        expect(res.status, `${path} ${JSON.stringify(body)?.slice(0, 60)}`).toBe(400)
        expect(typeof res.body.error).toBe('string')
      }
      expect(
        (await post(`${claimPath}/decisions`, editor, { decision: 'request-changes', note: TOO_LONG })).body.error,
      ).toMatch(/^note: /)

      const review = await reviewOf(server, owner, article.id)
      expect(review.claims.find((c) => c.claimId === claimId)).toMatchObject({ state: 'unreviewed', verdict: 'false' })
      expect(review.decisions).toEqual([])
      expect(review.factCheckPublishedAt).toBeNull()
      expect(await queue(owner)).toEqual([])
      expect(await recorded(article.id)).toEqual({ requests: 0, decisions: 0, publications: 0, reviews: 0 })
    },
  )

  run('the transition table, every move and every 409', async () => {
    const { article, owner, editor, checker } = team
    const noVerdict = await markClaim(server, checker, article, { quote: 'only 12 bridges were built' })
    const at = (claimId: string) => `/api/articles/${article.id}/claims/${claimId}`
    const requestReview = (claimId: string, who: Account = checker) =>
      post(`${at(claimId)}/review-request`, who, { note: 'Please check the figure.' })
    const approve = (claimId: string, who: Account = editor) =>
      post(`${at(claimId)}/decisions`, who, { decision: 'approve', note: 'Solid.' })
    const changes = (claimId: string) =>
      post(`${at(claimId)}/decisions`, editor, { decision: 'request-changes', note: 'Cite the budget line.' })
    const expectMove = async (res: Awaited<ReturnType<typeof post>>, status: number, state: string) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status)
      expect(res.body.state).toBe(state)
    }

    // unreviewed: approve needs a verdict; request-changes is refused.
    expect((await approve(noVerdict)).status).toBe(409)
    expect((await changes(noVerdict)).status).toBe(409)
    expect(await recorded(article.id)).toMatchObject({ requests: 0, decisions: 0 })
    // unreviewed → in-review; again: 200, no new record.
    await expectMove(await requestReview(noVerdict), 201, 'in-review')
    await expectMove(await requestReview(noVerdict), 200, 'in-review')
    expect(await recorded(article.id)).toMatchObject({ requests: 1, decisions: 0 })
    // in-review: approve without a verdict 409; request-changes → changes-requested.
    expect((await approve(noVerdict)).status).toBe(409)
    await expectMove(await changes(noVerdict), 201, 'changes-requested')
    // changes-requested: request-changes 409, approve without verdict 409, review-request → in-review.
    expect((await changes(noVerdict)).status).toBe(409)
    expect((await approve(noVerdict)).status).toBe(409)
    await expectMove(await requestReview(noVerdict), 201, 'in-review')
    expect(await recorded(article.id)).toMatchObject({ requests: 2, decisions: 1 })

    const rated = await markClaim(server, checker, article, { verdict: 'mostly-false' })
    // unreviewed → approved directly (with a verdict).
    await expectMove(await approve(rated), 201, 'approved')
    // approved: approve and review-request 409; request-changes → changes-requested.
    expect((await approve(rated)).status).toBe(409)
    expect((await requestReview(rated)).status).toBe(409)
    await expectMove(await changes(rated), 201, 'changes-requested')
    // changes-requested → approved, by an editor who requested the review themselves.
    await expectMove(await requestReview(rated, editor), 201, 'in-review')
    await expectMove(await changes(rated), 201, 'changes-requested')
    const decision = await approve(rated, owner)
    await expectMove(decision, 201, 'approved')
    expect(decision.body).toMatchObject({
      claimId: rated,
      decision: 'approve',
      note: 'Solid.',
      by: { id: owner.user.id, name: 'owner' },
      at: expect.any(String),
    })

    const review = await reviewOf(server, owner, article.id)
    expect(review.claims.find((c) => c.claimId === rated)).toMatchObject({
      state: 'approved',
      verdict: 'mostly-false',
      verdictSetBy: { id: checker.user.id, name: 'checker' },
      approvedBy: { id: owner.user.id, name: 'owner' },
    })
    expect(review.decisions.filter((d) => d.claimId === rated).map((d) => [d.decision, d.by.name])).toEqual([
      ['approve', 'editor'],
      ['request-changes', 'editor'],
      ['request-changes', 'editor'],
      ['approve', 'owner'],
    ])
    const inQueue = (await queue(checker)).find((q) => q.claimId === noVerdict)!
    expect(inQueue).toMatchObject({
      articleId: article.id,
      articleTitle: article.title,
      quote: 'only 12 bridges were built',
      verdict: null,
      evidenceCount: 0,
      requestedBy: { id: checker.user.id, name: 'checker' },
      reason: 'requested',
    })
    expect((await queue(checker)).some((q) => q.claimId === rated)).toBe(false)
  })

  run(
    'a checker’s socket writing approved, a forged author and status done changes no review state, queue or decision',
    async () => {
      const { article, owner, checker } = team
      const claimId = await markClaim(server, owner, article, { verdict: 'misleading' })
      const before = await recorded(article.id)
      const decisionsBefore = (await reviewOf(server, owner, article.id)).decisions
      const forger = connectClient(server, article.docId, { token: checker.token })
      const watcher = connectClient(server, article.docId, { token: owner.token })
      try {
        await Promise.all([forger.synced, watcher.synced])
        const map = claimsMap(forger.doc).get(claimId) as Y.Map<unknown>
        forger.doc.transact(() => {
          map.set('approved', true)
          map.set('review', { state: 'approved', by: owner.user.id })
          map.set('approvedBy', owner.user.id)
          map.set('status', 'done')
          map.set('createdBy', owner.user.id)
        })
        await drained(forger, watcher, 'forged')
      } finally {
        forger.destroy()
        watcher.destroy()
      }
      expect(await stateOf(server, owner, article.id, claimId)).toBe('unreviewed')
      expect((await queue(owner)).some((q) => q.claimId === claimId)).toBe(false)
      expect((await reviewOf(server, owner, article.id)).decisions).toEqual(decisionsBefore)
      expect(await recorded(article.id)).toEqual(before)
      // The verdict is still the owner's by the server's record.
      expect(
        (await reviewOf(server, owner, article.id)).claims.find((c) => c.claimId === claimId)?.verdictSetBy?.id,
      ).toBe(owner.user.id)
      const publish = await post(`/api/articles/${article.id}/publish`, team.editor, {
        url: 'https://news.example/check',
      })
      expect(publish.status).toBe(409)
      expect(publish.body.unapproved).toContain(claimId)
    },
  )

  run(
    'approve → the rationale edited over a socket → back in the queue as changed-after-approval; the review event reaches members, not others',
    async () => {
      const { article, owner, editor, checker } = team
      const claimId = await markClaim(server, owner, article, { verdict: 'false' })
      const member = await openLiveEvents(server, { cookie: checker.cookie })
      const other = await openLiveEvents(server, { cookie: outsider.cookie })
      try {
        expect(
          (await post(`/api/articles/${article.id}/claims/${claimId}/decisions`, editor, { decision: 'approve' }))
            .status,
        ).toBe(201)
        expect(await member.next('review', (d) => d.claimId === claimId && d.state === 'approved')).toEqual({
          articleId: article.id,
          claimId,
          state: 'approved',
        })

        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => setClaimField(doc, claimId, 'rationale', 'The budget shows 12%, not 40%.'),
          async () => (await stateOf(server, owner, article.id, claimId)) === 'in-review',
        )
        const item = (await queue(editor)).find((q) => q.claimId === claimId)
        expect(item).toMatchObject({
          reason: 'changed-after-approval',
          requestedBy: { id: checker.user.id, name: 'checker' },
          rationale: 'The budget shows 12%, not 40%.',
        })
        expect(await member.next('review', (d) => d.claimId === claimId && d.state === 'in-review')).toMatchObject({
          state: 'in-review',
        })
        // A status change is no content change: an approved claim stays approved.
        expect(
          (await post(`/api/articles/${article.id}/claims/${claimId}/decisions`, editor, { decision: 'approve' }))
            .status,
        ).toBe(201)
        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => setClaimField(doc, claimId, 'status', 'done'),
          async () => true,
        )
        await new Promise((r) => setTimeout(r, 500))
        expect(await stateOf(server, owner, article.id, claimId)).toBe('approved')
        expect(other.events.filter((e) => e.type === 'review')).toEqual([])
      } finally {
        member.close()
        other.close()
      }
    },
  )
})
