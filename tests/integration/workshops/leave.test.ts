import { addClaim, readClaims } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, signUp, socketOutcome } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { connectClient, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, type CreatedWorkshop, cookieClient, createWorkshop, joinAs } from './helpers.js'

describe.each(backends())('workshops: a participant leaves on a shared computer ($name)', (backend) => {
  let server: TestServer
  let trainer: Account
  let workshop: CreatedWorkshop

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    trainer = await signUp(server, 'trainer')
    const article = await createArticle(server, trainer, trainer.workspaceId, {
      title: 'Operation Herof',
      text: ARTICLE,
    })
    workshop = await createWorkshop(server, trainer, trainer.workspaceId, article.id)
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const asBrowser = (cookie: string) => ({ headers: { cookie, origin: server.httpUrl } })

  run(
    'leaving ends the session (204, cookie dropped, open socket 4401, cookie opens nothing), and the trainer keeps their work',
    async () => {
      const ana = await joinAs(server, workshop.joinCode, 'Ana')
      const client = cookieClient(server, ana.docId, ana.cookie)
      await client.synced
      const claimId = addClaim(client.doc, { quote: 'taken 18 personnel captive', createdBy: ana.participantId })
      const closed = new Promise<number>((resolve) =>
        client.provider.once('connection-close', (event) => resolve(event?.code ?? -1)),
      )
      const watcher = connectClient(server, ana.docId, { token: trainer.token })
      await waitFor(() => readClaims(watcher.doc).some((c) => c.id === claimId), 5000, 'the trainer to see the claim')

      const left = await call(server, '/api/workshops/leave', { method: 'POST', cookie: ana.cookie, sameOrigin: true })
      expect(left.status).toBe(204)
      expect(left.headers.getSetCookie().some((line) => /^fc_guest=;.*Max-Age=0/i.test(line))).toBe(true)
      expect(await closed).toBe(4401)
      client.destroy()

      // The old cookie is dead everywhere, even if the browser had kept it.
      expect((await call(server, `/api/workshops/${workshop.id}`, { cookie: ana.cookie })).status).toBe(401)
      expect((await socketOutcome(`${server.wsUrl}/${ana.docId}`, asBrowser(ana.cookie))).code).toBe(4401)

      // What Ana did stays with the trainer: still listed, the copy and its claim intact.
      const view = await call(server, `/api/workshops/${workshop.id}`, { token: trainer.token })
      expect(view.body.participants.map((p: { name: string }) => p.name)).toContain('Ana')
      expect(readClaims(watcher.doc).map((c) => c.id)).toContain(claimId)
      watcher.destroy()

      // The next person at this computer joins as someone new.
      const next = await joinAs(server, workshop.joinCode, 'Ben')
      expect(next.participantId).not.toBe(ana.participantId)
      expect(next.cookie).not.toBe(ana.cookie)
    },
  )

  run('without a live guest session it is 401; from a foreign page 403, and the session stays', async () => {
    expect((await call(server, '/api/workshops/leave', { method: 'POST', sameOrigin: true })).status).toBe(401)
    expect(
      (
        await call(server, '/api/workshops/leave', {
          method: 'POST',
          cookie: `fc_guest=fcg_${'x'.repeat(43)}`,
          sameOrigin: true,
        })
      ).status,
    ).toBe(401)

    const cy = await joinAs(server, workshop.joinCode, 'Cy')
    const forged = await call(server, '/api/workshops/leave', {
      method: 'POST',
      cookie: cy.cookie,
      headers: { origin: 'https://evil.example' },
    })
    expect(forged.status).toBe(403)
    expect((await call(server, `/api/workshops/${workshop.id}`, { cookie: cy.cookie })).status).toBe(200)
    expect((await socketOutcome(`${server.wsUrl}/${cy.docId}`, asBrowser(cy.cookie))).code).toBe('open')
  })
})
