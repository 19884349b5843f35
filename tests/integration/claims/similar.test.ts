import { getBodyText, markClaimAtText, readClaims, setVerdict } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, createArticle, signUp, type Account } from '../support/accounts.js'
import { connectClient, eventually, waitFor, type TestClient } from '../support/clients.js'
import { startServer, type TestServer } from '../support/server.js'

// "Seen before": the claims of a workspace's other articles most like a claim, with verdicts.
type Similar = Array<{
  articleId: string
  articleTitle: string
  claimId: string
  quote: string
  verdict?: string
  score: number
}>

async function markIn(
  server: TestServer,
  owner: Account,
  docId: string,
  phrase: string,
  verdict?: 'false' | 'unproven',
): Promise<{ client: TestClient; claimId: string }> {
  const client = connectClient(server, docId, { token: owner.token })
  await client.synced
  const text = getBodyText(client.doc)
  const from = text.indexOf(phrase)
  if (from < 0) throw new Error(`"${phrase}" not in the text`)
  const claimId = markClaimAtText(client.doc, from, from + phrase.length, { createdBy: 'bot' })
  if (verdict) setVerdict(client.doc, claimId, verdict, 'Checked against the ministry’s figures.')
  await waitFor(() => readClaims(client.doc).some((c) => c.id === claimId))
  return { client, claimId }
}

describe('GET /api/articles/:id/claims/:claimId/similar', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('finds the same claim reworded in other articles, closed or open, and keeps current as claims are added', async () => {
    const owner = await signUp(server, 'owner')
    const ws = owner.workspaceId
    const mk = (title: string, text: string) => createArticle(server, owner, ws, { title, text })
    const here = await mk(
      'Attack report',
      'In its statement, the BLA alleged that 84 Pakistani security personnel were killed and dozens more wounded.',
    )
    const earlier = await mk(
      'Last week',
      'The group claimed that eighty-four security personnel were killed in the attacks, a figure officials dispute.',
    )
    const other = await mk('Economy', 'Inflation fell to 4.2 percent in October, the statistics office said.')

    // The earlier article's claim is marked and its socket closed: the server reads it from storage.
    const past = await markIn(server, owner, earlier.docId, 'eighty-four security personnel were killed', 'false')
    const unrelated = await markIn(server, owner, other.docId, 'Inflation fell to 4.2 percent')
    past.client.destroy()
    unrelated.client.destroy()
    await new Promise((r) => setTimeout(r, 300))

    const current = await markIn(server, owner, here.docId, '84 Pakistani security personnel were killed')
    try {
      const url = `/api/articles/${here.id}/claims/${current.claimId}/similar`
      await eventually(
        async () => (await call(server, url, { token: owner.token })).status === 200,
        5000,
        'the claim to reach the server',
      )
      const first = await call<Similar>(server, url, { token: owner.token })
      expect(first.status).toBe(200)
      expect(first.body[0]).toMatchObject({
        articleId: earlier.id,
        articleTitle: 'Last week',
        claimId: past.claimId,
        quote: 'eighty-four security personnel were killed',
        verdict: 'false',
      })
      expect(first.body[0]!.score).toBeGreaterThan(0.3)
      expect(first.body.every((s) => s.articleId !== here.id)).toBe(true)
      expect(first.body.some((s) => s.claimId === unrelated.claimId)).toBe(false)

      // A new article, a claim marked live: the next lookup has it.
      const later = await mk('Follow-up', 'Officials now say 84 personnel of the security forces were killed.')
      const live = await markIn(server, owner, later.docId, '84 personnel of the security forces were killed')
      try {
        await eventually(
          async () =>
            (await call<Similar>(server, url, { token: owner.token })).body.some((s) => s.claimId === live.claimId),
          5000,
          'the new claim in the index',
        )
        const second = await call<Similar>(server, url, { token: owner.token })
        expect(second.body.length).toBeLessThanOrEqual(10)
        const scores = second.body.map((s) => s.score)
        expect(scores).toEqual([...scores].sort((a, b) => b - a))
      } finally {
        live.client.destroy()
      }
    } finally {
      current.client.destroy()
    }
  })

  it('answers 401, then 404 for an unknown article, 403 for a non-member, 404 for an unknown claim', async () => {
    const owner = await signUp(server, 'owner2')
    const stranger = await signUp(server, 'stranger')
    const article = await createArticle(server, owner, owner.workspaceId, {
      title: 'A',
      text: 'The minister said 40% of roads were repaired.',
    })
    const { client, claimId } = await markIn(server, owner, article.docId, '40% of roads were repaired')
    try {
      await eventually(
        async () =>
          (await call(server, `/api/articles/${article.id}/claims/${claimId}/similar`, { token: owner.token }))
            .status === 200,
      )
      expect((await call(server, `/api/articles/${article.id}/claims/${claimId}/similar`)).status).toBe(401)
      expect(
        (await call(server, `/api/articles/nope/claims/${claimId}/similar`, { token: stranger.token })).status,
      ).toBe(404)
      expect(
        (await call(server, `/api/articles/${article.id}/claims/${claimId}/similar`, { token: stranger.token })).status,
      ).toBe(403)
      expect(
        (await call(server, `/api/articles/${article.id}/claims/nope/similar`, { token: stranger.token })).status,
      ).toBe(403)
      const unknown = await call(server, `/api/articles/${article.id}/claims/nope/similar`, { token: owner.token })
      expect(unknown.status).toBe(404)
      expect(unknown.body.error).toMatch(/claim/)
      const none = await call<Similar>(server, `/api/articles/${article.id}/claims/${claimId}/similar`, {
        token: owner.token,
      })
      expect(none.body).toEqual([])
    } finally {
      client.destroy()
    }
  })
})
