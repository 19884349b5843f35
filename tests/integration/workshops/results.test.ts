import { getBodyText, markClaimAtText, setVerdict, type VerdictId } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, join, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { type TestClient, eventually } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, type CreatedWorkshop, type Guest, cookieClient, createWorkshop, joinAs } from './helpers.js'

const KEY = [
  { quote: '84 Pakistani security personnel were killed', verdict: 'false' },
  { quote: 'taken 18 personnel captive', verdict: 'unproven' },
  { quote: 'seized or destroyed more than 30 government-linked facilities', verdict: 'mostly-false' },
]

/** What each participant marks in their copy, with a stock client, as the editor would. */
const ATTEMPTS: Record<string, Array<[quote: string, verdict: VerdictId]>> = {
  // Key claim 1 right; key claim 2 found (8/13 word overlap) but wrong; one claim not in the key.
  Ana: [
    ['84 Pakistani security personnel were killed', 'false'],
    ['It also claimed to have taken 18 personnel captive', 'false'],
    ['The announcement was made on January 31', 'true'],
  ],
  // All three, all right.
  Ben: [
    ['84 Pakistani security personnel were killed', 'false'],
    ['taken 18 personnel captive', 'unproven'],
    ['seized or destroyed more than 30 government-linked facilities', 'mostly-false'],
  ],
  // Two of three, both right.
  Cy: [
    ['84 Pakistani security personnel were killed', 'false'],
    ['taken 18 personnel captive', 'unproven'],
  ],
  // Dee marks nothing.
  Dee: [],
}

/*
 * By hand:
 *   Ana: 2 matches of 3 marked, 2 of 3 key claims: P = R = F1 = 2/3; verdicts 1 of 2 right: 0.5.
 *   Ben: 3/3, 3/3: 1, 1, 1; verdicts 1.
 *   Cy:  2/2, 2/3: P = 1, R = 2/3, F1 = 2·(2/3)/(5/3) = 0.8; verdicts 1.
 *   Dee: 0, 0, 0; verdictAccuracy null.
 * Agreement, key claims as units, participants as coders (Dee gives no values):
 *   claim 1: false, false, false   claim 2: false, unproven, unproven   claim 3: mostly-false alone (not pairable)
 *   o_ff = 3·2/2 = 3, o_uu = 2·1/2 = 1; n = 6, n_f = 4, n_u = 2
 *   alpha = 1 - (n-1)·(n - Σo_cc) / (n² - Σn_c²) = 1 - 5·2 / (36 - 16 - 4) = 0.375
 */
const EXPECTED = {
  Ana: { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, verdictAccuracy: 0.5, claims: 3 },
  Ben: { precision: 1, recall: 1, f1: 1, verdictAccuracy: 1, claims: 3 },
  Cy: { precision: 1, recall: 2 / 3, f1: 0.8, verdictAccuracy: 1, claims: 2 },
  Dee: { precision: 0, recall: 0, f1: 0, verdictAccuracy: null, claims: 0 },
}
const ALPHA = 0.375

function expectScores(rows: Array<Record<string, any>>, guests: Record<string, Guest>): void {
  expect(rows.map((r) => r.name)).toEqual(Object.keys(guests))
  for (const row of rows) {
    const want = EXPECTED[row.name as keyof typeof EXPECTED]
    expect(row.participantId).toBe(guests[row.name]!.participantId)
    expect(row.precision, `${row.name} precision`).toBeCloseTo(want.precision, 10)
    expect(row.recall, `${row.name} recall`).toBeCloseTo(want.recall, 10)
    expect(row.f1, `${row.name} f1`).toBeCloseTo(want.f1, 10)
    if (want.verdictAccuracy === null) expect(row.verdictAccuracy).toBeNull()
    else expect(row.verdictAccuracy, `${row.name} verdictAccuracy`).toBeCloseTo(want.verdictAccuracy, 10)
    expect(row.claims).toBe(want.claims)
  }
}

describe.each(backends())('workshops: scores, agreement and the reveal ($name)', (backend) => {
  let server: TestServer
  let trainer: Account
  let checker: Account
  let outsider: Account
  let workshop: CreatedWorkshop
  const guests: Record<string, Guest> = {}
  const clients: TestClient[] = []

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    ;[trainer, checker, outsider] = await Promise.all([
      signUp(server, 'trainer'),
      signUp(server, 'checker'),
      signUp(server, 'outsider'),
    ])
    await join(server, trainer, trainer.workspaceId, checker, 'checker')
    const article = await createArticle(server, trainer, trainer.workspaceId, {
      title: 'Operation Herof',
      text: ARTICLE,
    })
    workshop = await createWorkshop(server, trainer, trainer.workspaceId, article.id)
    for (const name of Object.keys(ATTEMPTS)) guests[name] = await joinAs(server, workshop.joinCode, name)
    await call(server, `/api/workshops/${workshop.id}/key`, {
      method: 'PUT',
      body: { claims: KEY },
      token: trainer.token,
    })
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const results = (opts: Parameters<typeof call>[2] = { token: trainer.token }) =>
    call(server, `/api/workshops/${workshop.id}/results`, opts)

  run(
    'participants mark claims in their copies with stock clients; the trainer watches the progress live',
    async () => {
      for (const [name, marks] of Object.entries(ATTEMPTS)) {
        const guest = guests[name]!
        const client = cookieClient(server, guest.docId, guest.cookie)
        clients.push(client)
        await client.synced
        const text = getBodyText(client.doc)
        for (const [quote, verdict] of marks) {
          const from = text.indexOf(quote)
          expect(from, quote).toBeGreaterThanOrEqual(0)
          const claimId = markClaimAtText(client.doc, from, from + quote.length, { createdBy: guest.participantId })
          setVerdict(client.doc, claimId, verdict, `${name} thinks so.`)
        }
      }
      const progress = async () => {
        const view = await call(server, `/api/workshops/${workshop.id}`, { token: trainer.token })
        return Object.fromEntries(
          (view.body.participants as Array<Record<string, any>>).map((p) => [p.name, [p.claims, p.verdicts]]),
        )
      }
      const want = { Ana: [3, 3], Ben: [3, 3], Cy: [2, 2], Dee: [0, 0] }
      await eventually(
        async () => JSON.stringify(await progress()) === JSON.stringify(want),
        5000,
        'the trainer’s progress view',
      )
      const view = await call(server, `/api/workshops/${workshop.id}`, { token: trainer.token })
      expect(view.body).toMatchObject({
        id: workshop.id,
        joinCode: workshop.joinCode,
        revealed: false,
        hasKey: true,
        article: { id: workshop.articleId },
      })
      expect(view.body.participants.map((p: { docId: string }) => p.docId)).toEqual(
        Object.values(guests).map((g) => g.docId),
      )
    },
  )

  run(
    'the trainer reads precision, recall, F1 and verdict accuracy as computed by hand, and alpha = 0.375, before the reveal',
    async () => {
      const res = await results()
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ workshopId: workshop.id, revealed: false, keyClaims: 3 })
      expectScores(res.body.participants, guests)
      expect(typeof res.body.krippendorffAlpha).toBe('number')
      expect(res.body.krippendorffAlpha).toBeCloseTo(ALPHA, 10)
    },
  )

  run('the same scores come from storage once every participant has left', async () => {
    for (const client of clients.splice(0)) client.destroy()
    await new Promise((r) => setTimeout(r, 300))
    const res = await results()
    expectScores(res.body.participants, guests)
    expect(res.body.krippendorffAlpha).toBeCloseTo(ALPHA, 10)
  })

  run(
    'before the reveal, participants, checkers and outsiders cannot read results (403), nobody signed out (401)',
    async () => {
      expect((await results({ cookie: guests.Ana!.cookie })).status).toBe(403)
      expect((await results({ token: checker.token })).status).toBe(403)
      expect((await results({ token: outsider.token })).status).toBe(403)
      expect((await results({})).status).toBe(401)
    },
  )

  run(
    'only a trainer reveals (204, idempotent); then each participant reads their own row and the group’s alpha',
    async () => {
      const reveal = (opts: Parameters<typeof call>[2]) =>
        call(server, `/api/workshops/${workshop.id}/reveal`, { method: 'POST', ...opts })
      expect((await reveal({ cookie: guests.Ana!.cookie, sameOrigin: true })).status).toBe(403)
      expect((await reveal({ token: checker.token })).status).toBe(403)
      expect((await reveal({ token: outsider.token })).status).toBe(403)
      expect((await reveal({})).status).toBe(401)
      expect((await call(server, `/api/workshops/${workshop.id}`, { cookie: guests.Ana!.cookie })).body.revealed).toBe(
        false,
      )

      expect((await reveal({ token: trainer.token })).status).toBe(204)
      const first = (await call(server, `/api/workshops/${workshop.id}`, { token: trainer.token })).body.revealedAt
      expect((await reveal({ token: trainer.token })).status).toBe(204)
      const view = (await call(server, `/api/workshops/${workshop.id}`, { token: trainer.token })).body
      expect(view).toMatchObject({ revealed: true, revealedAt: first })
      expect((await call(server, `/api/workshops/${workshop.id}`, { cookie: guests.Ana!.cookie })).body.revealed).toBe(
        true,
      )

      for (const [name, guest] of Object.entries(guests)) {
        const own = await results({ cookie: guest.cookie })
        expect(own.status).toBe(200)
        expect(own.body.revealed).toBe(true)
        expect(own.body.participants).toHaveLength(1)
        expectScores(own.body.participants, { [name]: guest })
        expect(own.body.krippendorffAlpha).toBeCloseTo(ALPHA, 10)
      }
      // Still trainers only: other members and outsiders after the reveal too.
      expect((await results({ token: checker.token })).status).toBe(403)
      expect((await results({ token: outsider.token })).status).toBe(403)
      expect((await results()).body.participants).toHaveLength(4)
    },
  )

  run('without an answer key there is nothing to reveal or score (409)', async () => {
    const bare = await createWorkshop(server, trainer, trainer.workspaceId, workshop.articleId, 'No key yet')
    expect(
      (await call(server, `/api/workshops/${bare.id}/reveal`, { method: 'POST', token: trainer.token })).status,
    ).toBe(409)
    expect((await call(server, `/api/workshops/${bare.id}/results`, { token: trainer.token })).status).toBe(409)
    expect((await call(server, `/api/workshops/${bare.id}`, { token: trainer.token })).body.revealed).toBe(false)
  })
})
