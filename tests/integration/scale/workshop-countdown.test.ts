import { getBodyText, markClaimAtText, readClaims } from '@fc/shared'
import { describe, expect, it } from 'vitest'
import { recordAuthMessages } from '../support/access-messages.js'
import { call, createArticle, signUp } from '../support/accounts.js'
import { connectClient, drained, waitFor } from '../support/clients.js'
import { openLiveEvents } from '../support/live-events.js'
import { scaleOutMissing, twoInstances } from '../support/two-instances.js'
import { ARTICLE, cookieClient, createWorkshop, joinAs } from '../workshops/helpers.js'

const missing = await scaleOutMissing('workshop scale-out tests')

/**
 * The trainer's room across instances (PostgreSQL + Redis): a participant on one instance, the
 * trainer on another. Their marking reaches the trainer's stream, and the end set through one
 * instance locks copies open on both, at the end.
 */
describe.skipIf(missing.length > 0)('workshops on two instances', () => {
  const servers = twoInstances()

  it('live `workshop` events cross instances, and the countdown locks copies at endsAt on every instance', async () => {
    const [a, b] = servers()
    const trainer = await signUp(a, 'trainer')
    const article = await createArticle(a, trainer, trainer.workspaceId, { title: 'Herof', text: ARTICLE })
    const workshop = await createWorkshop(a, trainer, trainer.workspaceId, article.id, 'Two rooms')
    const ana = await joinAs(a, workshop.joinCode, 'Ana')
    const ben = await joinAs(b, workshop.joinCode, 'Ben')
    const trainerStream = await openLiveEvents(a, { token: trainer.token })
    const anaOnA = cookieClient(a, ana.docId, ana.cookie)
    const benOnB = cookieClient(b, ben.docId, ben.cookie)
    const watchBenOnA = connectClient(a, ben.docId, { token: trainer.token })
    const clients = [anaOnA, benOnB, watchBenOnA]
    try {
      await Promise.all(clients.map((c) => c.synced))
      const heardA = recordAuthMessages(anaOnA.provider)
      const heardB = recordAuthMessages(benOnB.provider)

      const quote = '84 Pakistani security personnel were killed'
      const from = getBodyText(benOnB.doc).indexOf(quote)
      markClaimAtText(benOnB.doc, from, from + quote.length, { createdBy: ben.participantId })
      const event = await trainerStream.next('workshop', (d) => d.participantId === ben.participantId, 3000)
      expect(event).toEqual({ workshopId: workshop.id, participantId: ben.participantId, claims: 1, verdicts: 0 })
      // Published once, by the instance that received the update.
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(trainerStream.events.filter((e) => e.type === 'workshop')).toHaveLength(1)

      // Set through instance A for an end three seconds away: neither instance has it in its timers yet.
      const endsAt = Date.now() + 3000
      expect(
        (
          await call(a, `/api/workshops/${workshop.id}`, {
            method: 'PATCH',
            body: { endsAt: new Date(endsAt).toISOString() },
            token: trainer.token,
          })
        ).status,
      ).toBe(200)
      await waitFor(() => heardA.length >= 2 && heardB.length >= 2, 6000, 'both copies to lock')
      const lockedAt = Date.now()
      expect(lockedAt).toBeGreaterThanOrEqual(endsAt)
      expect(lockedAt - endsAt).toBeLessThan(1000)
      for (const heard of [heardA, heardB])
        expect(heard).toContainEqual({ kind: 'access', canWrite: false, reason: 'workshop-ended' })
      await trainerStream.next('workshop-ended', (d) => d.workshopId === workshop.id, 2000)

      // Ben's next claim on instance B is dropped there; the trainer on A sees one claim still.
      const second = 'taken 18 personnel captive'
      const at = getBodyText(benOnB.doc).indexOf(second)
      markClaimAtText(benOnB.doc, at, at + second.length, { createdBy: ben.participantId })
      await drained(benOnB, watchBenOnA, 'ben-after-end')
      expect(readClaims(watchBenOnA.doc)).toHaveLength(1)
      // Joining is closed on both instances.
      for (const s of [a, b])
        expect(
          (await call(s, '/api/workshops/join', { body: { code: workshop.joinCode, name: 'Late' }, sameOrigin: true }))
            .status,
        ).toBe(409)
      await new Promise((resolve) => setTimeout(resolve, 1200))
      expect(trainerStream.events.filter((e) => e.type === 'workshop-ended')).toHaveLength(1)
    } finally {
      trainerStream.close()
      for (const c of clients) c.destroy()
    }
  })
})

describe.skipIf(missing.length > 0)('a workshop end set on one instance, that instance gone', () => {
  const servers = twoInstances()

  it('the other instance locks its copies at endsAt by its own timer (nothing relayed at the end)', async () => {
    const [a, b] = servers()
    const trainer = await signUp(a, 'trainer')
    const article = await createArticle(a, trainer, trainer.workspaceId, { title: 'Herof', text: ARTICLE })
    const workshop = await createWorkshop(a, trainer, trainer.workspaceId, article.id, 'One room left')
    const ben = await joinAs(b, workshop.joinCode, 'Ben')
    const benOnB = cookieClient(b, ben.docId, ben.cookie)
    try {
      await benOnB.synced
      const heard = recordAuthMessages(benOnB.provider)
      const endsAt = Date.now() + 3000
      const set = await call(a, `/api/workshops/${workshop.id}`, {
        method: 'PATCH',
        body: { endsAt: new Date(endsAt).toISOString() },
        token: trainer.token,
      })
      expect(set.status).toBe(200)
      // A's own timer dies with it; B heard of the end only through the relayed update before that.
      await new Promise((resolve) => setTimeout(resolve, 500))
      await a.kill()
      expect(heard).not.toContainEqual(expect.objectContaining({ canWrite: false }))
      await waitFor(
        () => heard.some((m) => m.kind === 'access' && !m.canWrite && m.reason === 'workshop-ended'),
        6000,
        'B to lock the copy',
      )
      const late = Date.now() - endsAt
      expect(late).toBeGreaterThanOrEqual(0)
      expect(late).toBeLessThan(1000)
    } finally {
      benOnB.destroy()
    }
  })
})
