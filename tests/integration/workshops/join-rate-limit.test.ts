import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, call, createArticle, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { sleep } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, createWorkshop, guestCookie } from './helpers.js'

type ServerLike = Pick<TestServer, 'httpUrl'>

/** A join as a browser behind `address` sends it (TRUST_PROXY=1 reads X-Forwarded-For). */
const joinFrom = (server: ServerLike, address: string, code: string, name: string) =>
  call(server, '/api/workshops/join', {
    body: { code, name },
    headers: { 'x-forwarded-for': address },
    sameOrigin: true,
  })

const WRONG_CODES = ['ZZZZZZZZ', 'ZZZZZZZY', 'ZZZZZZZX', 'ZZZZZZZW', 'ZZZZZZZV', 'ZZZZZZZU', 'ZZZZZZZT']

describe.each(backends())('workshop join rate limiting ($name)', (backend) => {
  /** Production limits: what a real room meets. */
  let roomServer: TestServer
  /** Small limits and a short window, to reach them quickly. */
  let tightServer: TestServer
  const trainers = new Map<ServerLike, Promise<{ trainer: Account; articleId: string }>>()

  beforeAll(async () => {
    if (backend.unavailable) return
    ;[roomServer, tightServer] = await Promise.all([
      backend.start({ env: { TRUST_PROXY: '1' } }),
      backend.start({
        env: {
          TRUST_PROXY: '1',
          JOIN_FAILURES_PER_ADDRESS: '5',
          JOIN_RATE_PER_WORKSHOP: '4',
          JOIN_RATE_WINDOW_MS: '3000',
        },
      }),
    ])
  })
  afterAll(async () => {
    await Promise.all([roomServer?.stop(), tightServer?.stop()])
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  async function freshWorkshop(server: TestServer) {
    let setup = trainers.get(server)
    if (!setup) {
      setup = (async () => {
        const trainer = await signUp(server, 'trainer')
        const article = await createArticle(server, trainer, trainer.workspaceId, {
          title: 'Operation Herof',
          text: ARTICLE,
        })
        return { trainer, articleId: article.id }
      })()
      trainers.set(server, setup)
    }
    const { trainer, articleId } = await setup
    const workshop = await createWorkshop(server, trainer, trainer.workspaceId, articleId)
    const participants = async (): Promise<Array<{ participantId: string }>> =>
      (await call(server, `/api/workshops/${workshop.id}`, { token: trainer.token })).body.participants
    return { ...workshop, participants }
  }

  run(
    'a room of 40 behind one address gets in with the default limits, a quarter of them after mistyping the code',
    async () => {
      const workshop = await freshWorkshop(roomServer)
      const address = '203.0.113.40'
      const joinOne = async (i: number): Promise<number> => {
        if (i % 4 === 0)
          expect((await joinFrom(roomServer, address, WRONG_CODES[i % WRONG_CODES.length]!, `P${i}`)).status).toBe(404)
        return (await joinFrom(roomServer, address, workshop.joinCode, `Participant ${i}`)).status
      }
      const statuses: number[] = []
      // People press Join within seconds of each other: waves of 8 at once.
      for (let wave = 0; wave < 5; wave++)
        statuses.push(...(await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((k) => joinOne(wave * 8 + k)))))
      expect(statuses).toEqual(Array(40).fill(200))
      const joined = await workshop.participants()
      expect(joined).toHaveLength(40)
      expect(new Set(joined.map((p) => p.participantId)).size).toBe(40)
    },
  )

  run('a burst of wrong codes locks the address out, the right code included, until the window passes', async () => {
    const workshop = await freshWorkshop(tightServer)
    const address = '198.51.100.20'
    for (const code of WRONG_CODES.slice(0, 5))
      expect((await joinFrom(tightServer, address, code, 'Mallory')).status).toBe(404)
    const locked = await joinFrom(tightServer, address, WRONG_CODES[5]!, 'Mallory')
    expect(locked.status).toBe(429)
    expect(locked.body).toEqual({ error: expect.stringMatching(/too many join attempts/) })
    const retryAfter = Number(locked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(3)

    // The right code answers the same 429: the lockout does not tell a right guess from a wrong one.
    const right = await joinFrom(tightServer, address, workshop.joinCode, 'Mallory')
    expect(right.status).toBe(429)
    expect(right.body).toEqual(locked.body)
    expect(guestCookie(right.headers)).toBeUndefined()
    expect(await workshop.participants()).toHaveLength(0)

    // Other addresses are not affected.
    expect((await joinFrom(tightServer, '198.51.100.21', workshop.joinCode, 'Neighbour')).status).toBe(200)

    await sleep(retryAfter * 1000 + 200)
    const later = await joinFrom(tightServer, address, workshop.joinCode, 'Mallory')
    expect(later.status).toBe(200)
    expect(await workshop.participants()).toHaveLength(2)
  })

  run('right codes do not spend the wrong-code budget', async () => {
    const workshop = await freshWorkshop(tightServer)
    const other = await freshWorkshop(tightServer)
    const address = '198.51.100.30'
    // Eight joins, more than the five wrong codes allowed (the per-workshop limit is four, so two workshops).
    for (const [i, w] of [workshop, other, workshop, other, workshop, other, workshop, other].entries()) {
      expect((await joinFrom(tightServer, address, w.joinCode, `Guest ${i}`)).status).toBe(200)
    }
    for (const code of WRONG_CODES.slice(0, 5))
      expect((await joinFrom(tightServer, address, code, 'Typo')).status).toBe(404)
    expect((await joinFrom(tightServer, address, WRONG_CODES[5]!, 'Typo')).status).toBe(429)
  })

  run(
    'one code admits a limited number of joins per window, from any number of addresses, and creates nothing beyond',
    async () => {
      const workshop = await freshWorkshop(tightServer)
      const answers = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => joinFrom(tightServer, `192.0.2.${i}`, workshop.joinCode, `Guest ${i}`)),
      )
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 429])
      const refused = answers.find((a) => a.status === 429)!
      expect(refused.body).toEqual({ error: expect.stringMatching(/too many people are joining this workshop/) })
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(guestCookie(refused.headers)).toBeUndefined()
      expect(await workshop.participants()).toHaveLength(4)
      // Another workshop has a budget of its own.
      const other = await freshWorkshop(tightServer)
      expect((await joinFrom(tightServer, '192.0.2.9', other.joinCode, 'Elsewhere')).status).toBe(200)
    },
  )
})
