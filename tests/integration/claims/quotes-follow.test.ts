import { getBodyText, readClaims } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../support/accounts.js'
import { editInsideOneClaimAtOnce, replaceInBody, storedQuote as stored } from '../support/body-edits.js'
import { backends } from '../support/backends.js'
import { connectClient, eventually, type TestClient } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { deskTeam, type DeskTeam, markClaim, stateOf } from '../desk/desk-team.js'

// Quotes that follow the text (docs/api.md, "Document schema (Yjs)"): after an edit of the body the
// server brings every anchored claim's quote, prefix and suffix up to date, every client converges
// on the same values, and the exports read the claim's words from its anchor.

const TEXT =
  'The BLA alleged that 84 Pakistani security personnel were killed. It also claimed to have taken 18 personnel captive. ' +
  'The army denied the figures. Officials in Quetta gave no number of their own, and journalists could not reach the area.'
const CLAIM = 'It also claimed to have taken 18 personnel captive'

describe.each(backends())('quotes that follow the text ($name)', (backend) => {
  let server: TestServer
  let team: DeskTeam
  const run = it.skipIf(backend.unavailable)
  const open: TestClient[] = []
  const client = async (token: string) => {
    const c = connectClient(server, team.article.docId, { token })
    open.push(c)
    await c.synced
    return c
  }

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    team = await deskTeam(server, ['editor', 'checker'], TEXT)
  })
  afterAll(async () => {
    for (const c of open) c.destroy()
    await server?.stop()
    await backend.cleanup()
  })

  run(
    'an edit inside a claim updates quote, prefix and suffix on every client, in storage and in every export',
    async () => {
      const claimId = await markClaim(server, team.checker, team.article, {
        quote: CLAIM,
        verdict: 'unproven',
        rationale: 'Only the BLA says so.',
      })
      const a = await client(team.checker.token)
      const b = await client(team.editor.token)
      replaceInBody(a.doc, '18', 'eighteen')
      const wanted = 'It also claimed to have taken eighteen personnel captive'
      await eventually(
        async () => stored(a, claimId).quote === wanted && stored(b, claimId).quote === wanted,
        5000,
        'the quote to follow on both clients',
      )
      expect(stored(a, claimId)).toEqual(stored(b, claimId))
      const text = getBodyText(b.doc)
      const at = text.indexOf(wanted)
      expect(stored(b, claimId).prefix).toBe(text.slice(at - 32, at))
      expect(stored(b, claimId).suffix).toBe(text.slice(at + wanted.length, at + wanted.length + 32))

      // A client that joins later holds the same.
      const late = await client(team.owner.token)
      expect(stored(late, claimId)).toEqual(stored(a, claimId))

      const report = await call(server, `/api/articles/${team.article.id}/report.md`, { token: team.editor.token })
      expect(report.body).toContain('eighteen personnel captive')
      expect(report.body).not.toContain('taken 18 personnel')
      const annotations = await call(server, `/api/articles/${team.article.id}/annotations`, {
        token: team.editor.token,
      })
      const selector = JSON.stringify(annotations.body)
      expect(selector).toContain(wanted)
      expect(selector).not.toContain('taken 18 personnel')
      expect(
        (
          await call(server, `/api/articles/${team.article.id}/claims/${claimId}/decisions`, {
            method: 'POST',
            body: { decision: 'approve' },
            token: team.editor.token,
          })
        ).status,
      ).toBe(201)
      const preview = await call(server, `/api/articles/${team.article.id}/claimreview?preview=1`, {
        token: team.editor.token,
      })
      expect(preview.body[0].claimReviewed).toBe(wanted)
    },
  )

  run(
    'two clients editing inside the same claim at once converge on one quote, the text its anchor spans',
    async () => {
      const claimId = await markClaim(server, team.checker, team.article, { quote: 'The army denied the figures' })
      const a = await client(team.checker.token)
      const b = await client(team.editor.token)
      const wanted = await editInsideOneClaimAtOnce(a, b, claimId, 8000)
      expect(stored(a, claimId)).toEqual(stored(b, claimId))
      const text = getBodyText(a.doc)
      const at = text.indexOf(wanted)
      expect(stored(a, claimId).prefix).toBe(text.slice(Math.max(0, at - 32), at))
    },
  )

  run('an edit far from every claim changes no quote and sends no quote update', async () => {
    const a = await client(team.checker.token)
    const before = new Map(readClaims(a.doc).map((c) => [c.id, { quote: c.quote, prefix: c.prefix, suffix: c.suffix }]))
    let claimUpdates = 0
    const observer = () => claimUpdates++
    a.doc.getMap('claims').observeDeep(observer)
    replaceInBody(a.doc, 'journalists could not reach', 'reporters could not reach')
    await new Promise((r) => setTimeout(r, 1000))
    a.doc.getMap('claims').unobserveDeep(observer)
    expect(claimUpdates).toBe(0)
    expect(
      new Map(readClaims(a.doc).map((c) => [c.id, { quote: c.quote, prefix: c.prefix, suffix: c.suffix }])),
    ).toEqual(before)
  })

  run(
    'editing the words of an approved claim puts it back in review, requested by the editor of the words',
    async () => {
      const claimId = await markClaim(server, team.checker, team.article, {
        quote: 'Officials in Quetta gave no number of their own',
        verdict: 'true',
        rationale: 'Confirmed by phone.',
      })
      expect(
        (
          await call(server, `/api/articles/${team.article.id}/claims/${claimId}/decisions`, {
            method: 'POST',
            body: { decision: 'approve' },
            token: team.editor.token,
          })
        ).status,
      ).toBe(201)
      expect(await stateOf(server, team.editor, team.article.id, claimId)).toBe('approved')
      const a = await client(team.checker.token)
      replaceInBody(a.doc, 'gave no number', 'gave a number')
      await eventually(
        async () => (await stateOf(server, team.editor, team.article.id, claimId)) === 'in-review',
        5000,
        'the claim to go back to review',
      )
      const queue = await call(server, `/api/workspaces/${team.owner.workspaceId}/review-queue`, {
        token: team.editor.token,
      })
      const item = queue.body.find((i: { claimId: string }) => i.claimId === claimId)
      expect(item).toMatchObject({
        reason: 'changed-after-approval',
        quote: 'Officials in Quetta gave a number of their own',
        requestedBy: { id: team.checker.user.id },
      })
    },
  )
})
