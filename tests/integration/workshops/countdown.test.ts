import { getBodyText, markClaimAtText, readClaims } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAuthMessages } from '../support/access-messages.js'
import { type Account, call, createArticle, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { type TestClient, connectClient, drained, waitFor } from '../support/clients.js'
import { openLiveEvents } from '../support/live-events.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, type CreatedWorkshop, type Guest, cookieClient, createWorkshop, joinAs } from './helpers.js'

const QUOTE = 'taken 18 personnel captive'

function mark(client: TestClient, quote: string, by: string): void {
  const from = getBodyText(client.doc).indexOf(quote)
  markClaimAtText(client.doc, from, from + quote.length, { createdBy: by })
}

/**
 * The countdown (docs/api.md, "PATCH /api/workshops/:id"): a bad end is refused and nothing
 * changes; at `endsAt` the copies lock as at the reveal (reason `workshop-ended`), joining
 * answers 409, the end cannot move, and `workshop-ended` reaches participants and trainers.
 */
describe.each(backends())('workshops: the countdown ($name)', (backend) => {
  let server: TestServer
  let trainer: Account
  let workshop: CreatedWorkshop
  let ana: Guest
  const clients: TestClient[] = []
  const patch = (body: unknown, auth: { token?: string; cookie?: string } = { token: trainer.token }) =>
    call(server, `/api/workshops/${workshop.id}`, { method: 'PATCH', body, ...auth, sameOrigin: true })
  const view = async () => (await call(server, `/api/workshops/${workshop.id}`, { token: trainer.token })).body

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    trainer = await signUp(server, 'trainer')
    const article = await createArticle(server, trainer, trainer.workspaceId, {
      title: 'Operation Herof',
      text: ARTICLE,
    })
    workshop = await createWorkshop(server, trainer, trainer.workspaceId, article.id, 'Timed')
    ana = await joinAs(server, workshop.joinCode, 'Ana')
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  run('a bad end is refused cleanly and nothing is stored', async () => {
    const past = new Date(Date.now() - 60_000).toISOString()
    const cases: Array<[unknown, RegExp]> = [
      [{ endsAt: past }, /endsAt: must be in the future/],
      [{ endsAt: 'tomorrow' }, /endsAt: must be an ISO 8601 time/],
      [{ endsAt: 1_900_000_000_000 }, /endsAt: must be an ISO 8601 time/],
      [{}, /give title, endsAt or both/],
      [{ title: '', endsAt: new Date(Date.now() + 60_000).toISOString() }, /title: must not be empty/],
      [[], /request body must be a JSON object/],
    ]
    for (const [body, error] of cases) {
      const res = await patch(body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error).toMatch(error)
    }
    const future = new Date(Date.now() + 60_000).toISOString()
    expect((await patch({ endsAt: future }, { cookie: ana.cookie })).status).toBe(403)
    expect(
      (
        await call(server, `/api/workshops/${workshop.id}`, {
          method: 'PATCH',
          body: { endsAt: future },
          sameOrigin: true,
        })
      ).status,
    ).toBe(401)
    expect(
      (await call(server, '/api/workshops/nope', { method: 'PATCH', body: { endsAt: future }, token: trainer.token }))
        .status,
    ).toBe(404)
    const v = await view()
    expect(v.endsAt).toBeNull()
    expect(v.title).toBe('Timed')
  })

  run(
    'an end can be set, moved and cleared before it passes; both views carry it, and the room hears of it',
    async () => {
      const later = new Date(Date.now() + 3_600_000).toISOString()
      const anaStream = await openLiveEvents(server, { cookie: ana.cookie })
      const set = await patch({ endsAt: later })
      await anaStream.next('workshop-updated', (d) => d.workshopId === workshop.id, 2000)
      anaStream.close()
      expect(set.status).toBe(200)
      expect(set.body.endsAt).toBe(later)
      expect((await call(server, `/api/workshops/${workshop.id}`, { cookie: ana.cookie })).body.endsAt).toBe(later)
      expect((await patch({ endsAt: null })).body.endsAt).toBeNull()
    },
  )

  run(
    'at endsAt the copy locks (workshop-ended), the event reaches participant and trainer, joining is 409 and the end stays',
    async () => {
      const anaClient = cookieClient(server, ana.docId, ana.cookie)
      const watcher = connectClient(server, ana.docId, { token: trainer.token })
      clients.push(anaClient, watcher)
      await Promise.all([anaClient.synced, watcher.synced])
      const heard = recordAuthMessages(anaClient.provider)
      const trainerStream = await openLiveEvents(server, { token: trainer.token })
      const anaStream = await openLiveEvents(server, { cookie: ana.cookie })
      try {
        const endsAt = Date.now() + 1500
        expect((await patch({ endsAt: new Date(endsAt).toISOString() })).status).toBe(200)
        // Before the end she still writes.
        mark(anaClient, '84 Pakistani security personnel', ana.participantId)
        await waitFor(() => readClaims(watcher.doc).length === 1, 3000, 'her claim before the end')
        expect(heard).toEqual([])

        await waitFor(() => heard.length >= 2, 4000, 'the lock at the end')
        const lockedAt = Date.now()
        expect(lockedAt).toBeGreaterThanOrEqual(endsAt)
        expect(lockedAt - endsAt).toBeLessThan(700)
        expect(heard).toEqual([
          { kind: 'permission-denied', reason: expect.stringContaining('ended') },
          { kind: 'access', canWrite: false, reason: 'workshop-ended' },
        ])
        await trainerStream.next('workshop-ended', (d) => d.workshopId === workshop.id, 2000)
        await anaStream.next('workshop-ended', (d) => d.workshopId === workshop.id, 2000)

        // What she sends now is dropped; a fresh socket opens read-only.
        mark(anaClient, QUOTE, ana.participantId)
        await drained(anaClient, watcher, 'after-end')
        expect(readClaims(watcher.doc)).toHaveLength(1)
        const again = cookieClient(server, ana.docId, ana.cookie)
        clients.push(again)
        await again.synced
        mark(again, QUOTE, ana.participantId)
        await drained(again, watcher, 'reopened-after-end')
        expect(readClaims(watcher.doc)).toHaveLength(1)

        const late = await call(server, '/api/workshops/join', {
          body: { code: workshop.joinCode, name: 'Late' },
          sameOrigin: true,
        })
        expect(late.status).toBe(409)
        expect(late.body.error).toMatch(/ended/)
        expect(late.headers.get('set-cookie')).toBeNull()
        expect((await view()).participants).toHaveLength(1)

        const moved = await patch({ endsAt: new Date(Date.now() + 60_000).toISOString(), title: 'Renamed' })
        expect(moved.status).toBe(409)
        expect((await patch({ endsAt: null })).status).toBe(409)
        const v = await view()
        expect(v.endsAt).toBe(new Date(endsAt).toISOString())
        expect(v.title).toBe('Timed')
        expect(v.revealed).toBe(false)
        // Renaming alone still works.
        expect((await patch({ title: 'Timed, done' })).status).toBe(200)
        // The event went out once.
        await new Promise((resolve) => setTimeout(resolve, 1200))
        expect(trainerStream.events.filter((e) => e.type === 'workshop-ended')).toHaveLength(1)
      } finally {
        trainerStream.close()
        anaStream.close()
      }
    },
  )
})
