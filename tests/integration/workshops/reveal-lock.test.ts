import { readClaims, setVerdict } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAuthMessages } from '../support/access-messages.js'
import { type Account, call, createArticle, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { type TestClient, connectClient, drained, sleep, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, type CreatedWorkshop, type Guest, cookieClient, createWorkshop, joinAs, mark } from './helpers.js'

const KEY = [
  { quote: '84 Pakistani security personnel were killed', verdict: 'false' },
  { quote: 'taken 18 personnel captive', verdict: 'unproven' },
]

/**
 * The reveal makes answers final (docs/api.md, "POST /api/workshops/:id/reveal"): a
 * participant's socket turns read-only and is told so, later sockets open read-only,
 * and the scores stop moving. Trainers keep their rights on the copies.
 */
describe.each(backends())('workshops: answers lock at the reveal ($name)', (backend) => {
  let server: TestServer
  let trainer: Account
  let workshop: CreatedWorkshop
  let ana: Guest
  let ben: Guest
  const clients: TestClient[] = []
  const open = (client: TestClient) => {
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    trainer = await signUp(server, 'trainer')
    const article = await createArticle(server, trainer, trainer.workspaceId, {
      title: 'Operation Herof',
      text: ARTICLE,
    })
    workshop = await createWorkshop(server, trainer, trainer.workspaceId, article.id)
    ana = await joinAs(server, workshop.joinCode, 'Ana')
    ben = await joinAs(server, workshop.joinCode, 'Ben')
    const key = await call(server, `/api/workshops/${workshop.id}/key`, {
      method: 'PUT',
      body: { claims: KEY },
      token: trainer.token,
    })
    expect(key.status).toBe(204)
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const results = async () => {
    const res = await call(server, `/api/workshops/${workshop.id}/results`, { token: trainer.token })
    expect(res.status).toBe(200)
    return res.body
  }

  let anaClient: TestClient
  let anaWatcher: TestClient
  let heard: ReturnType<typeof recordAuthMessages>
  let before: Record<string, unknown>

  run('before the reveal a participant writes to their copy and is told nothing', async () => {
    anaClient = open(cookieClient(server, ana.docId, ana.cookie))
    heard = recordAuthMessages(anaClient.provider)
    anaWatcher = open(connectClient(server, ana.docId, { token: trainer.token }))
    await Promise.all([anaClient.synced, anaWatcher.synced])
    mark(anaClient, '84 Pakistani security personnel were killed', 'false', ana.participantId)
    await waitFor(() => readClaims(anaWatcher.doc).length === 1, 5000, 'the trainer to see Ana’s claim')
    before = await results()
    expect(before.participants).toMatchObject([
      { name: 'Ana', claims: 1, recall: 0.5, verdictAccuracy: 1 },
      { name: 'Ben', claims: 0 },
    ])
    expect(heard).toEqual([])
  })

  run(
    'at the reveal her open socket is told it is read-only; what it sends afterwards is not applied and the scores stay',
    async () => {
      expect(
        (await call(server, `/api/workshops/${workshop.id}/reveal`, { method: 'POST', token: trainer.token })).status,
      ).toBe(204)
      await waitFor(() => heard.length >= 2, 5000, 'the access message')
      expect(heard).toEqual([
        { kind: 'permission-denied', reason: expect.stringContaining('revealed') },
        { kind: 'access', canWrite: false, reason: 'workshop-revealed' },
      ])

      // A client that ignores the message keeps going: a new claim, a changed verdict, the body.
      mark(anaClient, 'taken 18 personnel captive', 'unproven', ana.participantId)
      const first = readClaims(anaClient.doc).find((c) => c.quote.startsWith('84'))!
      setVerdict(anaClient.doc, first.id, 'true', 'changed my mind')
      await drained(anaClient, anaWatcher, 'after-reveal')
      expect(readClaims(anaWatcher.doc)).toHaveLength(1)
      expect(readClaims(anaWatcher.doc)[0]!.verdict).toBe('false')
      expect(await results()).toEqual({ ...before, revealed: true })
    },
  )

  run('a participant socket opened after the reveal is read-only from the start', async () => {
    const benClient = open(cookieClient(server, ben.docId, ben.cookie))
    const benWatcher = open(connectClient(server, ben.docId, { token: trainer.token }))
    await Promise.all([benClient.synced, benWatcher.synced])
    mark(benClient, '84 Pakistani security personnel were killed', 'false', ben.participantId)
    await drained(benClient, benWatcher, 'ben-after-reveal')
    expect(readClaims(benWatcher.doc)).toHaveLength(0)

    // Ana again, on a fresh socket (a reload): still locked.
    const again = open(cookieClient(server, ana.docId, ana.cookie))
    await again.synced
    mark(again, 'taken 18 personnel captive', 'unproven', ana.participantId)
    await drained(again, anaWatcher, 'ana-reload')
    expect(readClaims(anaWatcher.doc)).toHaveLength(1)
    expect(await results()).toEqual({ ...before, revealed: true })
  })

  run('the participant’s own results are the same, also from storage once everyone left', async () => {
    for (const client of clients.splice(0)) client.destroy()
    await sleep(300)
    expect(await results()).toEqual({ ...before, revealed: true })
    const own = await call(server, `/api/workshops/${workshop.id}/results`, { cookie: ana.cookie })
    expect(own.status).toBe(200)
    expect(own.body.participants).toEqual([(before.participants as unknown[])[0]])
  })

  run(
    'after the reveal nobody new can join (409, no cookie, no participant); a participant coming back still can',
    async () => {
      const late = await call(server, '/api/workshops/join', {
        body: { code: workshop.joinCode, name: 'Late' },
        sameOrigin: true,
      })
      expect(late.status).toBe(409)
      expect(late.body.error).toMatch(/revealed/)
      expect(late.headers.get('set-cookie')).toBeNull()
      const back = await joinAs(server, workshop.joinCode, 'Ana', ana.cookie)
      expect(back.docId).toBe(ana.docId)
      const view = await call(server, `/api/workshops/${workshop.id}`, { token: trainer.token })
      expect(view.body.participants.map((p: { name: string }) => p.name)).toEqual(['Ana', 'Ben'])
    },
  )

  run('trainers keep their rights on a copy after the reveal', async () => {
    const trainerClient = open(connectClient(server, ana.docId, { token: trainer.token }))
    const reader = open(connectClient(server, ana.docId, { token: trainer.token }))
    await Promise.all([trainerClient.synced, reader.synced])
    trainerClient.doc.getText('trainer-note').insert(0, 'Good work.')
    await waitFor(() => reader.doc.getText('trainer-note').toString() === 'Good work.', 5000, 'the trainer’s note')
  })
})
