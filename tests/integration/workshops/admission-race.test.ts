import { getBodyText, markClaimAtText, readClaims } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, signUp, socketOutcome } from '../support/accounts.js'
import { HOLD_ADMISSION_ENV, HOLD_PARAM, HOLD_QUERY, admissionHeld, heldClient } from '../support/admission-hold.js'
import { backends } from '../support/backends.js'
import { type TestClient, connectClient, drained, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, cookieClient, createWorkshop, joinAs } from './helpers.js'

/**
 * A participant's socket the gate let in as writable just before the reveal, but that joins
 * its copy's room after it, is locked like the sockets already open (docs/api.md, "POST
 * /api/workshops/:id/reveal"); one let in just before the workshop's deletion is closed.
 * The server holds the socket between the gate and its room until the change is applied
 * (support/admission-hold.ts), so the race happens every time.
 */
describe.each(backends())('workshops: reveal and deletion while a socket is let in ($name)', (backend) => {
  let server: TestServer
  let trainer: Account
  let articleId: string
  const clients: TestClient[] = []
  const open = (client: TestClient) => {
    clients.push(client)
    return client
  }
  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start({ env: HOLD_ADMISSION_ENV })
    trainer = await signUp(server, 'trainer')
    articleId = (await createArticle(server, trainer, trainer.workspaceId, { title: 'Operation Herof', text: ARTICLE }))
      .id
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  run(
    'revealed while the participant’s socket is let in: told it is locked, and its answers after that are not applied',
    async () => {
      const workshop = await createWorkshop(server, trainer, trainer.workspaceId, articleId)
      const key = { claims: [{ quote: 'taken 18 personnel captive', verdict: 'unproven' }] }
      expect(
        (await call(server, `/api/workshops/${workshop.id}/key`, { method: 'PUT', body: key, token: trainer.token }))
          .status,
      ).toBe(204)
      const ana = await joinAs(server, workshop.joinCode, 'Ana')
      const watcher = open(connectClient(server, ana.docId, { token: trainer.token }))
      await watcher.synced

      const client = open(cookieClient(server, ana.docId, ana.cookie, HOLD_PARAM))
      const heard = await heldClient(server, ana.docId, client)
      expect(
        (await call(server, `/api/workshops/${workshop.id}/reveal`, { method: 'POST', token: trainer.token })).status,
      ).toBe(204)
      await client.synced
      await waitFor(() => heard.length >= 2, 5000, 'the access message')
      expect(heard).toEqual([
        { kind: 'permission-denied', reason: expect.stringContaining('revealed') },
        { kind: 'access', canWrite: false, reason: 'workshop-revealed' },
      ])

      // A client that ignores it marks a claim anyway: not applied, the score stays.
      const quote = 'taken 18 personnel captive'
      const from = getBodyText(client.doc).indexOf(quote)
      markClaimAtText(client.doc, from, from + quote.length, { createdBy: ana.participantId })
      await drained(client, watcher, 'after-reveal')
      expect(readClaims(watcher.doc)).toHaveLength(0)
      const results = await call(server, `/api/workshops/${workshop.id}/results`, { token: trainer.token })
      expect(results.body.participants).toMatchObject([{ name: 'Ana', claims: 0 }])
    },
  )

  run('deleted while the participant’s socket is let in: closed with 4404, told why', async () => {
    const workshop = await createWorkshop(server, trainer, trainer.workspaceId, articleId, 'Doomed')
    const ben = await joinAs(server, workshop.joinCode, 'Ben')
    const outcome = socketOutcome(`${server.wsUrl}/${ben.docId}?${HOLD_QUERY}`, {
      headers: { cookie: ben.cookie, origin: server.httpUrl },
      openMs: 3000,
    })
    await admissionHeld(server, ben.docId)
    expect(
      (await call(server, `/api/workshops/${workshop.id}`, { method: 'DELETE', token: trainer.token })).status,
    ).toBe(204)
    expect(await outcome).toMatchObject({ code: 4404, reason: 'workshop deleted' })
  })
})
