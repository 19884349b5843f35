import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/backends.js'
import type { TestServer } from '../support/server.js'
import { call, sessionCookie, uniqueEmail } from '../support/accounts.js'

const PASSWORD = 'correct horse battery'

describe.each(backends())('sign-up rate limiting ($name)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    if (!backend.unavailable) {
      server = await backend.start({
        // A small limit, and addresses from X-Forwarded-For so one test process can play many clients.
        env: { SIGNUP_RATE_PER_ADDRESS: '3', SIGNUP_RATE_WINDOW_MS: '60000', TRUST_PROXY: '1' },
      })
    }
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  const signupFrom = (address: string, email: string, password = PASSWORD) =>
    call(server, '/api/auth/signup', {
      body: { email, password, name: 'Spray' },
      headers: { 'x-forwarded-for': address },
      sameOrigin: true,
    })

  run('beyond the limit one address gets 429 with Retry-After, and no account, session or cookie is made', async () => {
    for (let i = 0; i < 3; i++) expect((await signupFrom('198.51.100.1', uniqueEmail(`burst${i}`))).status).toBe(201)
    const email = uniqueEmail('refused')
    const refused = await signupFrom('198.51.100.1', email)
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({ error: expect.stringMatching(/too many sign-ups/) })
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(sessionCookie(refused.headers)).toBeUndefined()

    // Nothing was created: the password does not log in, and the email is still free for a sign-up from elsewhere.
    const login = await call(server, '/api/auth/login', {
      body: { email, password: PASSWORD },
      headers: { 'x-forwarded-for': '198.51.100.2' },
    })
    expect(login.status).toBe(401)
    const elsewhere = await signupFrom('198.51.100.3', email)
    expect(elsewhere.status).toBe(201)
    expect(elsewhere.body.user.email).toBe(email)
  })

  run('probing for existing emails (409) spends the same budget', async () => {
    const taken = uniqueEmail('taken')
    expect((await signupFrom('198.51.100.10', taken)).status).toBe(201)
    expect((await signupFrom('198.51.100.11', taken)).status).toBe(409)
    expect((await signupFrom('198.51.100.11', taken.toUpperCase())).status).toBe(409)
    expect((await signupFrom('198.51.100.11', uniqueEmail('probe'))).status).toBe(201)
    const limited = await signupFrom('198.51.100.11', taken)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  run('every address of one IPv6 /64 shares one budget; the next /64 has its own', async () => {
    // A host picks any address in its /64: counting per full address would give it 2^64 budgets.
    for (let i = 1; i <= 3; i++)
      expect((await signupFrom(`2001:db8:aa:1::${i}`, uniqueEmail(`v6-${i}`))).status).toBe(201)
    const email = uniqueEmail('v6-refused')
    expect((await signupFrom('2001:db8:aa:1:ffff:ffff:ffff:fffe', email)).status).toBe(429)
    expect((await signupFrom('2001:db8:aa:2::1', email)).status).toBe(201)
  })
})
