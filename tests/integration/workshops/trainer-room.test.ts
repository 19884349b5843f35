import { readClaims } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { type TestClient, eventually } from '../support/clients.js'
import { openLiveEvents } from '../support/live-events.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, type CreatedWorkshop, type Guest, cookieClient, createWorkshop, joinAs, mark } from './helpers.js'

const Q1 = '84 Pakistani security personnel were killed'
const Q2 = 'taken 18 personnel captive'
const KEY = [
  { quote: Q1, verdict: 'false', rationale: 'The ministry counted 12.' },
  { quote: Q2, verdict: 'unproven' },
]
const BEN_Q1 = 'security personnel were killed and dozens more wounded'
const FACILITIES = 'more than 30 government-linked facilities'
const ANNOUNCEMENT = 'The announcement was made on January 31'

/**
 * The trainer's room (docs/api.md, "Workshops"): the debrief beside the key, per key claim
 * figures, the CSV, the heat map, and the live `workshop` events, from a hand-built room of
 * three: Ana finds the first key claim with the key's verdict and marks two claims the key
 * does not have; Ben finds both, the first (a longer span) with the wrong verdict; Cy marks nothing.
 */
describe.each(backends())('workshops: the trainer’s room ($name)', (backend) => {
  let server: TestServer
  let trainer: Account
  let workshop: CreatedWorkshop
  let ana: Guest
  let ben: Guest
  let cy: Guest
  const clients: TestClient[] = []

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    trainer = await signUp(server, 'trainer')
    const article = await createArticle(server, trainer, trainer.workspaceId, {
      title: 'Operation Herof',
      text: ARTICLE,
    })
    workshop = await createWorkshop(server, trainer, trainer.workspaceId, article.id, 'Room of three')
    ana = await joinAs(server, workshop.joinCode, 'Ana')
    ben = await joinAs(server, workshop.joinCode, '=cmd|calc')
    cy = await joinAs(server, workshop.joinCode, 'Cy, "the third"')
    expect(
      (
        await call(server, `/api/workshops/${workshop.id}/key`, {
          method: 'PUT',
          body: { claims: KEY },
          token: trainer.token,
        })
      ).status,
    ).toBe(204)
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const open = async (guest: Guest) => {
    const client = cookieClient(server, guest.docId, guest.cookie)
    clients.push(client)
    await client.synced
    return client
  }

  run(
    'a participant’s marking reaches the trainer’s events stream as a `workshop` event within moments, and no participant’s',
    async () => {
      const trainerStream = await openLiveEvents(server, { token: trainer.token })
      const guestStream = await openLiveEvents(server, { cookie: ana.cookie })
      const otherGuestStream = await openLiveEvents(server, { cookie: ben.cookie })
      try {
        // Someone joining shows up at once too (and joining again with the same cookie is no news).
        // (in a side room, so this room stays the hand-built three).
        const side = await createWorkshop(server, trainer, trainer.workspaceId, workshop.articleId, 'Side room')
        const dee = await joinAs(server, side.joinCode, 'Dee')
        expect(await trainerStream.next('workshop', (d) => d.participantId === dee.participantId, 2000)).toEqual({
          workshopId: side.id,
          participantId: dee.participantId,
          claims: 0,
          verdicts: 0,
        })
        await joinAs(server, side.joinCode, 'Dee', dee.cookie)
        await new Promise((resolve) => setTimeout(resolve, 200))
        expect(trainerStream.events.filter((e) => e.type === 'workshop')).toHaveLength(1)
        trainerStream.events.length = 0
        const anaClient = await open(ana)
        const started = Date.now()
        mark(anaClient, Q1, 'false', ana.participantId)
        const event = await trainerStream.next(
          'workshop',
          (d) => d.participantId === ana.participantId && d.verdicts === 1,
          2000,
        )
        expect(Date.now() - started).toBeLessThan(1000)
        expect(event).toEqual({ workshopId: workshop.id, participantId: ana.participantId, claims: 1, verdicts: 1 })
        mark(anaClient, ANNOUNCEMENT, 'true', ana.participantId)
        mark(anaClient, FACILITIES, 'false', ana.participantId)
        await trainerStream.next(
          'workshop',
          (d) => d.participantId === ana.participantId && d.claims === 3 && d.verdicts === 3,
          2000,
        )
        // A burst of edits is throttled, not one event per update (six updates above: claims and verdicts).
        expect(trainerStream.events.filter((e) => e.type === 'workshop').length).toBeLessThanOrEqual(4)
        await new Promise((resolve) => setTimeout(resolve, 400))
        expect(guestStream.events).toEqual([])
        expect(otherGuestStream.events).toEqual([])
      } finally {
        trainerStream.close()
        guestStream.close()
        otherGuestStream.close()
      }
    },
  )

  run(
    'results rows carry matches, missed and extra; the trainer gets per-key-claim figures and alpha with its units',
    async () => {
      const benClient = await open(ben)
      mark(benClient, BEN_Q1, 'true', ben.participantId)
      mark(benClient, Q2, 'unproven', ben.participantId)
      await eventually(
        async () =>
          (await call(server, `/api/workshops/${workshop.id}`, { token: trainer.token })).body.participants[1]
            .verdicts === 2,
        5000,
        'Ben’s claims',
      )
      const res = await call(server, `/api/workshops/${workshop.id}/results`, { token: trainer.token })
      expect(res.status).toBe(200)
      const rows = res.body.participants
      expect(rows.map((r: { name: string }) => r.name)).toEqual(['Ana', '=cmd|calc', 'Cy, "the third"'])
      expect(rows[0]).toMatchObject({
        precision: 1 / 3,
        recall: 0.5,
        f1: 0.4,
        verdictAccuracy: 1,
        claims: 3,
        matches: [{ keyIndex: 0, claimQuote: Q1, verdictCorrect: true }],
        missed: [1],
      })
      expect([...rows[0].extra].sort()).toEqual([FACILITIES, ANNOUNCEMENT].sort())
      expect(rows[1]).toMatchObject({
        precision: 1,
        recall: 1,
        f1: 1,
        verdictAccuracy: 0.5,
        claims: 2,
        matches: [
          { keyIndex: 0, claimQuote: BEN_Q1, verdictCorrect: false },
          { keyIndex: 1, claimQuote: Q2, verdictCorrect: true },
        ],
        missed: [],
        extra: [],
      })
      expect(rows[2]).toMatchObject({
        precision: 0,
        recall: 0,
        f1: 0,
        verdictAccuracy: null,
        claims: 0,
        matches: [],
        missed: [0, 1],
        extra: [],
      })
      expect(res.body.perKeyClaim).toEqual([
        { keyIndex: 0, quote: Q1, foundBy: [ana.participantId, ben.participantId], verdicts: { false: 1, true: 1 } },
        { keyIndex: 1, quote: Q2, foundBy: [ben.participantId], verdicts: { unproven: 1 } },
      ])
      // One key claim has two verdicts (false, true): alpha is 0 and rests on that one unit.
      expect(res.body.krippendorffAlpha).toBe(0)
      expect(res.body.alphaUnits).toBe(1)
      expect(res.body.key).toBeUndefined()
    },
  )

  run(
    'the CSV: one row per participant in join order, numbers to 3 decimals, null empty, formulas defused (RFC 4180)',
    async () => {
      const res = await fetch(`${server.httpUrl}/api/workshops/${workshop.id}/results.csv`, {
        headers: { authorization: `Bearer ${trainer.token}` },
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="Room-of-three-results\.csv"/)
      expect(await res.text()).toBe(
        'name,precision,recall,f1,verdictAccuracy,claims\r\n' +
          'Ana,0.333,0.5,0.4,1,3\r\n' +
          "'=cmd|calc,1,1,1,0.5,2\r\n" +
          '"Cy, ""the third""",0,0,0,,0\r\n',
      )
      // Trainers only; an unknown workshop is 404.
      expect((await call(server, `/api/workshops/${workshop.id}/results.csv`, { cookie: ana.cookie })).status).toBe(403)
      expect((await call(server, `/api/workshops/${workshop.id}/results.csv`)).status).toBe(401)
      expect((await call(server, '/api/workshops/nope/results.csv', { token: trainer.token })).status).toBe(404)
    },
  )

  run('the heat map counts, per run of the snapshot text, how many participants marked it', async () => {
    const res = await call(server, `/api/workshops/${workshop.id}/heatmap`, { token: trainer.token })
    expect(res.status).toBe(200)
    const text: string = res.body.text
    const at = (quote: string) => {
      const start = text.indexOf(quote)
      expect(start).toBeGreaterThanOrEqual(0)
      return { start, end: start + quote.length }
    }
    const a = at(Q1)
    const b = at(BEN_Q1)
    expect(a.start < b.start && b.start < a.end && a.end < b.end).toBe(true)
    expect(res.body.counts).toEqual([
      { start: a.start, end: b.start, n: 1 },
      { start: b.start, end: a.end, n: 2 },
      { start: a.end, end: b.end, n: 1 },
      { ...at(Q2), n: 1 },
      { ...at(FACILITIES), n: 1 },
      { ...at(ANNOUNCEMENT), n: 1 },
    ])
    expect(res.body.marks).toHaveLength(5)
    expect(res.body.marks).toContainEqual({ participantId: ben.participantId, ...b, verdict: 'true' })
    expect((await call(server, `/api/workshops/${workshop.id}/heatmap`, { cookie: ana.cookie })).status).toBe(403)
  })

  run(
    'a participant reads the key only after the reveal, with their own row only; never another participant’s',
    async () => {
      const before = await call(server, `/api/workshops/${workshop.id}/results`, { cookie: ana.cookie })
      expect(before.status).toBe(403)
      expect(JSON.stringify(before.body)).not.toContain('ministry')
      expect(
        (await call(server, `/api/workshops/${workshop.id}/reveal`, { method: 'POST', token: trainer.token })).status,
      ).toBe(204)
      const own = await call(server, `/api/workshops/${workshop.id}/results`, { cookie: ana.cookie })
      expect(own.status).toBe(200)
      expect(own.body.participants).toHaveLength(1)
      expect(own.body.participants[0]).toMatchObject({
        participantId: ana.participantId,
        name: 'Ana',
        matches: [{ keyIndex: 0, verdictCorrect: true }],
        missed: [1],
      })
      expect(own.body.key).toEqual([
        { quote: Q1, verdict: 'false', rationale: 'The ministry counted 12.' },
        { quote: Q2, verdict: 'unproven' },
      ])
      expect(own.body.alphaUnits).toBe(1)
      expect(own.body.perKeyClaim).toBeUndefined()
      const body = JSON.stringify(own.body)
      for (const other of [ben.participantId, cy.participantId, 'cmd|calc', 'the third', BEN_Q1])
        expect(body).not.toContain(other)
      // Cy sees nothing of Ana or Ben either.
      const cys = await call(server, `/api/workshops/${workshop.id}/results`, { cookie: cy.cookie })
      expect(cys.body.participants.map((p: { participantId: string }) => p.participantId)).toEqual([cy.participantId])
      expect(JSON.stringify(cys.body)).not.toContain('Ana')
    },
  )

  run('no socket carries the key: the copies hold no rationale of it', async () => {
    const client = await open(cy)
    expect(JSON.stringify(readClaims(client.doc))).not.toContain('ministry')
  })
})
