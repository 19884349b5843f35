import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RedisRateLimits } from '../../../server/src/scale/redis-rate-limit.js'
import { call, createArticle, deviceCookie, sessionCookie, signUp, uniqueEmail } from '../support/accounts.js'
import { sleep } from '../support/clients.js'
import { freePort } from '../support/ports.js'
import { freshDatabase, type FreshDatabase } from '../support/postgres.js'
import { TEST_REDIS_URL } from '../support/redis.js'
import { startStallProxy } from '../support/stall-proxy.js'
import { startServer, type TestServer } from '../support/server.js'
import { scaleOutMissing } from '../support/two-instances.js'
import { ARTICLE, createWorkshop } from '../workshops/helpers.js'

const missing = await scaleOutMissing('shared rate-limit tests')

const WINDOW_MS = 4000
// Longer: the login test makes a dozen scrypt checks inside one window on a shared CPU.
const LOGIN_WINDOW_MS = 8000

/**
 * Behind a load balancer without sticky sessions, one client's requests land on every
 * instance. Each instance counting alone would give an attacker N times the budget.
 */
describe.skipIf(missing.length > 0)('sign-in limits are shared by every instance (PostgreSQL + Redis)', () => {
  let db: FreshDatabase
  let servers: TestServer[]
  beforeAll(async () => {
    db = await freshDatabase()
    servers = []
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      TRUST_PROXY: '1',
      LOGIN_RATE_PER_ACCOUNT_ADDRESS: '3',
      LOGIN_RATE_PER_ACCOUNT: '6',
      LOGIN_RATE_WINDOW_MS: String(LOGIN_WINDOW_MS),
      // The three accounts the tests sign up without X-Forwarded-For (127.0.0.1) fit exactly.
      SIGNUP_RATE_PER_ADDRESS: '3',
      JOIN_FAILURES_PER_ADDRESS: '3',
      JOIN_RATE_WINDOW_MS: String(WINDOW_MS),
    }
    for (let i = 0; i < 3; i++) servers.push(await startServer({ databaseUrl: db.url, env }))
  })
  afterAll(async () => {
    for (const s of servers ?? []) await s.stop()
    await db?.drop()
  })

  const at = (i: number): TestServer => servers[i % servers.length]!

  const loginAt = (i: number, account: { email: string }, password: string, address: string, cookie?: string) =>
    call(at(i), '/api/auth/login', {
      body: { email: account.email, password },
      headers: { 'x-forwarded-for': address },
      cookie,
    })

  it('a guesser spread over three instances is throttled on all of them, the owner is not; then the window passes', async () => {
    const owner = await signUp(at(0), 'targeted')
    const guesser = '192.0.2.50'
    for (let i = 0; i < 3; i++) expect((await loginAt(i, owner, 'wrong password', guesser)).status).toBe(401)
    // The fourth guess, whichever instance it reaches, is refused; the right password too (no oracle).
    for (let i = 3; i < 6; i++) {
      const refused = await loginAt(i, owner, i === 4 ? owner.password : 'wrong password', guesser)
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(sessionCookie(refused.headers)).toBeUndefined()
    }
    // The owner, from another address on any instance, signs in; and from the guesser's address with the device cookie.
    const elsewhere = await loginAt(1, owner, owner.password, '192.0.2.60')
    expect(elsewhere.status).toBe(200)
    expect((await loginAt(2, owner, owner.password, guesser, deviceCookie(elsewhere.headers))).status).toBe(200)
    expect((await loginAt(0, owner, 'wrong password', guesser)).status).toBe(429)

    await sleep(LOGIN_WINDOW_MS + 200)
    expect((await loginAt(0, owner, 'wrong again', guesser)).status).toBe(401)
  })

  it('the account’s untrusted total is shared too: guesses from many addresses over three instances fill it; the owner’s device still gets in', async () => {
    const owner = await signUp(at(0), 'distributed')
    const device = deviceCookie((await loginAt(0, owner, owner.password, '192.0.2.90')).headers)
    // That sign-in and five guesses from five addresses make the account's 6.
    for (let i = 1; i <= 5; i++)
      expect((await loginAt(i, owner, 'wrong password', `192.0.2.${90 + i}`)).status).toBe(401)
    for (let i = 0; i < 3; i++) expect((await loginAt(i, owner, owner.password, `192.0.2.10${i}`)).status).toBe(429)
    for (let i = 0; i < 3; i++)
      expect((await loginAt(i, owner, owner.password, '192.0.2.100', device)).status).toBe(200)
  })

  it('sign-ups from one address count on every instance, and a refused one creates nothing', async () => {
    const address = '198.51.100.77'
    const signupAt = (i: number, email: string, from = address, name = 'Spray') =>
      call(at(i), '/api/auth/signup', {
        body: { email, password: 'correct horse battery', name },
        headers: { 'x-forwarded-for': from },
        sameOrigin: true,
      })
    expect((await signupAt(0, uniqueEmail('a'))).status).toBe(201)
    expect((await signupAt(1, uniqueEmail('b'))).status).toBe(201)
    expect((await signupAt(2, uniqueEmail('c'))).status).toBe(201)
    const email = uniqueEmail('refused')
    const refused = await signupAt(0, email)
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({ error: expect.stringMatching(/too many sign-ups/) })
    // No account was made: the email is free for someone elsewhere.
    const elsewhere = await signupAt(1, email, '198.51.100.78', 'Real')
    expect(elsewhere.status).toBe(201)
  })

  it('wrong workshop codes from one address lock it out on every instance; the room behind another address still joins', async () => {
    const trainer = await signUp(at(0), 'trainer')
    const article = await createArticle(at(0), trainer, trainer.workspaceId, {
      title: 'Operation Herof',
      text: ARTICLE,
    })
    const workshop = await createWorkshop(at(0), trainer, trainer.workspaceId, article.id)
    const joinAt = (i: number, address: string, code: string) =>
      call(at(i), '/api/workshops/join', {
        body: { code, name: `P${i}` },
        headers: { 'x-forwarded-for': address },
        sameOrigin: true,
      })

    const guesser = '203.0.113.99'
    for (let i = 0; i < 3; i++) expect((await joinAt(i, guesser, `ZZZZZZZ${'XYW'[i]}`)).status).toBe(404)
    // Locked out everywhere: a right code answers the same 429 as a wrong one.
    for (let i = 0; i < 3; i++)
      expect((await joinAt(i, guesser, i === 1 ? workshop.joinCode : 'ZZZZZZZV')).status).toBe(429)

    const room = '203.0.113.100'
    for (let i = 0; i < 3; i++) expect((await joinAt(i, room, workshop.joinCode)).status).toBe(200)
    const participants = (await call(at(2), `/api/workshops/${workshop.id}`, { token: trainer.token })).body
      .participants as unknown[]
    expect(participants).toHaveLength(3)
  })
})

describe.skipIf(missing.includes('Redis'))('shared rate limits against Redis directly', () => {
  const limits: RedisRateLimits[] = []
  const open = async (url: string, deployment: string, { waitForConnect = true } = {}): Promise<RedisRateLimits> => {
    const l = new RedisRateLimits(url, deployment)
    limits.push(l)
    const connecting = l.connect().catch(() => undefined)
    if (waitForConnect) await connecting
    return l
  }
  afterAll(async () => {
    for (const l of limits) await l.close()
  })

  it('two instances of one deployment share a window; another deployment has its own; a released hit frees its slot', async () => {
    const deployment = `postgres://test/${Math.random()}`
    const [a, b, other] = [
      await open(TEST_REDIS_URL, deployment),
      await open(TEST_REDIS_URL, deployment),
      await open(TEST_REDIS_URL, `${deployment}-other`),
    ]
    const la = a.factory('login', 3, 10_000)
    const lb = b.factory('login', 3, 10_000)
    const lo = other.factory('login', 3, 10_000)
    const key = 'someone@example.test'
    expect((await la.take(key)).waitMs).toBe(0)
    const second = await lb.take(key)
    expect(second.waitMs).toBe(0)
    expect((await la.take(key)).waitMs).toBe(0)
    const refused = await lb.take(key)
    expect(refused.waitMs).toBeGreaterThan(9000)
    expect(refused.waitMs).toBeLessThanOrEqual(10_000)
    expect((await lo.take(key)).waitMs).toBe(0)
    // Same name, other limit: keys are per limiter.
    expect((await a.factory('signup', 3, 10_000).take(key)).waitMs).toBe(0)

    await second.release()
    expect((await la.take(key)).waitMs).toBe(0)
    expect((await lb.take(key)).waitMs).toBeGreaterThan(0)
    await la.reset(key)
    expect((await lb.take(key)).waitMs).toBe(0)
  })

  it('a burst of concurrent hits over two instances gets exactly the budget', async () => {
    const deployment = `burst-${Math.random()}`
    const [a, b] = [await open(TEST_REDIS_URL, deployment), await open(TEST_REDIS_URL, deployment)]
    const la = a.factory('join-failures', 5, 10_000)
    const lb = b.factory('join-failures', 5, 10_000)
    const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? la : lb).take('203.0.113.5')))
    expect(hits.filter((h) => h.waitMs === 0)).toHaveLength(5)
  })

  it('stores no email address in Redis, and keys expire with the window', async () => {
    const { Redis } = await import('ioredis')
    const probe = new Redis(TEST_REDIS_URL)
    try {
      const deployment = `pii-${Math.random()}`
      const limits = await open(TEST_REDIS_URL, deployment)
      const email = `${Math.random().toString(36).slice(2)}@example.test`
      await limits.factory('login-account', 3, 60_000).take(email)
      const all = await probe.keys('fc:rl:*')
      expect(all.some((k) => k.includes(email) || k.includes(email.split('@')[0]!))).toBe(false)
      const mine = await probe.keys(`${limits.namespace}:*`)
      expect(mine).toHaveLength(1)
      expect(await probe.zrange(mine[0]!, 0, -1)).not.toContain(email)
      const ttl = await probe.pttl(mine[0]!)
      expect(ttl).toBeGreaterThan(50_000)
      expect(ttl).toBeLessThanOrEqual(60_000)
    } finally {
      probe.disconnect()
    }
  })

  it('when Redis stops answering mid-window, an instance still counts the hits it made while Redis was up', async () => {
    const proxy = await startStallProxy(TEST_REDIS_URL)
    try {
      const l = (await open(proxy.url, `outage-${Math.random()}`)).factory('login', 3, 60_000)
      expect((await l.take('k')).waitMs).toBe(0)
      const second = await l.take('k')
      expect(second.waitMs).toBe(0)
      await second.release() // taken back: neither Redis nor the local window keeps it
      expect((await l.take('k')).waitMs).toBe(0)
      proxy.stall()
      // Two hits recorded before the outage: one more is allowed, then refused, as Redis would have.
      const during = [await l.take('k'), await l.take('k')]
      expect(during.map((h) => h.waitMs > 0)).toEqual([false, true])
    } finally {
      await proxy.close()
    }
  })

  it('when Redis does not answer, each instance limits on its own at once instead of failing or hanging sign-ins', async () => {
    // A port that accepts connections and never answers: the worst case for a client.
    const silent: Server = createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const refusedPort = await freePort()
    try {
      for (const url of [
        `redis://127.0.0.1:${(silent.address() as { port: number }).port}`,
        `redis://127.0.0.1:${refusedPort}`,
      ]) {
        const l = (await open(url, 'down', { waitForConnect: false })).factory('login', 2, 10_000)
        const started = Date.now()
        const answers = [await l.take('k'), await l.take('k'), await l.take('k')]
        expect(answers.map((h) => h.waitMs > 0)).toEqual([false, false, true])
        expect(Date.now() - started).toBeLessThan(4000)
      }
    } finally {
      silent.close()
    }
  })
})
