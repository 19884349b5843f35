import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/backends.js'
import type { TestServer } from '../support/server.js'
import { type Answer, call, deviceCookie, sessionCookie, signUp, uniqueEmail } from '../support/accounts.js'

describe.each(backends())('accounts, sessions and tokens ($name)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    if (!backend.unavailable) server = await backend.start()
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  run('signup answers 201 {user} with an HTTP-only, SameSite=Lax session cookie, and me knows the user', async () => {
    const email = uniqueEmail('ann')
    const res = await call(server, '/api/auth/signup', {
      body: { email: email.toUpperCase(), password: 'correct horse battery', name: 'Ann' },
    })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ user: { id: expect.any(String), email, name: 'Ann' } })
    const setCookie = res.headers.getSetCookie().join('\n')
    expect(setCookie).toMatch(/fc_session=[^;]+/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).not.toMatch(/Secure/i) // plain http here
    const cookie = sessionCookie(res.headers)!
    const me = await call(server, '/api/me', { cookie })
    expect(me).toMatchObject({ status: 200, body: { user: res.body.user } })
  })

  run('the cookie is Secure when the request came over HTTPS (X-Forwarded-Proto)', async () => {
    const res = await call(server, '/api/auth/signup', {
      body: { email: uniqueEmail('tls'), password: 'correct horse battery', name: 'Tls' },
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(res.status).toBe(201)
    expect(res.headers.getSetCookie().join('\n')).toMatch(/Secure/)
  })

  run('duplicate email (any case) is 409, weak password is 400', async () => {
    const email = uniqueEmail('dup')
    expect(
      (await call(server, '/api/auth/signup', { body: { email, password: 'correct horse battery', name: 'A' } }))
        .status,
    ).toBe(201)
    const again = await call(server, '/api/auth/signup', {
      body: { email: email.toUpperCase(), password: 'another long password', name: 'B' },
    })
    expect(again.status).toBe(409)
    expect(again.body).toEqual({ error: expect.any(String) })
    const weak = await call(server, '/api/auth/signup', {
      body: { email: uniqueEmail('weak'), password: '123456789', name: 'W' },
    })
    expect(weak.status).toBe(400)
    expect(weak.body.error).toMatch(/^password: .*10/)
  })

  run('me without a session, or with a made-up one, is 401', async () => {
    expect((await call(server, '/api/me')).status).toBe(401)
    const forged = await call(server, '/api/me', { cookie: 'fc_session=abcdefghijklmnopqrstuvwxyz234567abcdefgh' })
    expect(forged.status).toBe(401)
    expect(forged.body).toEqual({ error: 'not signed in' })
    // The stale cookie is cleared.
    expect(forged.headers.getSetCookie().join('\n')).toMatch(/fc_session=;.*Max-Age=0/i)
  })

  run('login issues a NEW session id and retires the one it came with (session fixation)', async () => {
    const account = await signUp(server, 'fixation')
    const login = await call(server, '/api/auth/login', {
      body: { email: account.email, password: account.password },
      cookie: account.cookie,
    })
    expect(login.status).toBe(200)
    expect(login.body).toEqual({ user: account.user })
    const fresh = sessionCookie(login.headers)!
    expect(fresh).toBeDefined()
    expect(fresh).not.toBe(account.cookie)
    expect((await call(server, '/api/me', { cookie: account.cookie })).status).toBe(401)
    expect((await call(server, '/api/me', { cookie: fresh })).status).toBe(200)

    // An id planted by an attacker is never adopted: the server always mints its own.
    const planted = 'fc_session=plantedbyattackerplantedbyattacker12'
    const second = await call(server, '/api/auth/login', {
      body: { email: account.email, password: account.password },
      cookie: planted,
    })
    expect(second.status).toBe(200)
    expect(sessionCookie(second.headers)).not.toBe(planted)
    expect(second.headers.getSetCookie().filter((l) => l.startsWith('fc_session='))).toHaveLength(1)
    expect((await call(server, '/api/me', { cookie: planted })).status).toBe(401)
  })

  run('logout answers 204, clears the cookie and invalidates the session server-side', async () => {
    const account = await signUp(server, 'logout')
    const out = await call(server, '/api/auth/logout', { method: 'POST', cookie: account.cookie, sameOrigin: true })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().join('\n')).toMatch(/fc_session=;.*Max-Age=0/i)
    // Replaying the old cookie value (a copy an attacker kept) no longer works.
    expect((await call(server, '/api/me', { cookie: account.cookie })).status).toBe(401)
    expect((await call(server, '/api/workspaces', { cookie: account.cookie })).status).toBe(401)
    // The API token is independent of the session.
    expect((await call(server, '/api/me', { token: account.token })).status).toBe(200)
  })

  run('wrong password and unknown email: 401, the same message, similar timing', async () => {
    const account = await signUp(server, 'timing')
    const wrong: number[] = []
    const unknown: number[] = []
    const bodies = new Set<string>()
    for (let i = 0; i < 5; i++) {
      let t = performance.now()
      const a = await call(server, '/api/auth/login', {
        body: { email: account.email, password: `wrong-password-${i}` },
      })
      wrong.push(performance.now() - t)
      t = performance.now()
      const b = await call(server, '/api/auth/login', {
        body: { email: uniqueEmail('nobody'), password: `wrong-password-${i}` },
      })
      unknown.push(performance.now() - t)
      expect(a.status).toBe(401)
      expect(b.status).toBe(401)
      bodies.add(JSON.stringify(a.body)).add(JSON.stringify(b.body))
    }
    expect([...bodies]).toEqual([JSON.stringify({ error: 'wrong email or password' })])
    // Both paths run one scrypt; a skipped hash would be ~100x faster. Loose bound: within a factor
    // of 2, on the fastest of each (a busy machine only ever slows a sample down, never speeds one up).
    const [w, u] = [Math.min(...wrong), Math.min(...unknown)]
    expect(u / w).toBeGreaterThan(0.5)
    expect(u / w).toBeLessThan(2)
  })

  run('API tokens: 201 {token}, usable as Bearer, listed without the secret, revocable, stored hashed', async () => {
    const account = await signUp(server, 'tokens')
    const minted = await call(server, '/api/tokens', { body: { name: 'newsroom bot' }, cookie: account.cookie })
    expect(minted.status).toBe(201)
    expect(minted.body.token).toMatch(/^fct_[A-Za-z0-9_-]{40,}$/)
    const me = await call(server, '/api/me', { token: minted.body.token })
    expect(me).toMatchObject({ status: 200, body: { user: account.user } })
    // Bearer calls are not subject to the browser origin check.
    const ws = await call(server, '/api/workspaces', {
      body: { name: 'Bot desk' },
      token: minted.body.token,
      headers: { origin: 'https://elsewhere.example' },
    })
    expect(ws.status).toBe(201)

    const list = await call(server, '/api/tokens', { token: minted.body.token })
    expect(list.status).toBe(200)
    expect(list.body.map((t: { name: string }) => t.name)).toEqual(['tests', 'newsroom bot'])
    expect(JSON.stringify(list.body)).not.toContain(minted.body.token)

    if (backend.name === 'sqlite') {
      // No file of the data directory (database, WAL) holds the plain token.
      await call(server, '/api/me', { token: minted.body.token })
      for (const file of fs.readdirSync(server.dataDir)) {
        expect(fs.readFileSync(path.join(server.dataDir, file)).includes(minted.body.token)).toBe(false)
      }
    }

    const revoked = await call(server, `/api/tokens/${minted.body.id}`, { method: 'DELETE', cookie: account.cookie })
    expect(revoked.status).toBe(204)
    const after = await call(server, '/api/me', { token: minted.body.token })
    expect(after).toMatchObject({ status: 401, body: { error: expect.any(String) } })
    // A bad Bearer never falls back to the cookie.
    expect((await call(server, '/api/me', { token: minted.body.token, cookie: account.cookie })).status).toBe(401)
  })

  describe('CSRF: cookie-authenticated writes must come from our origin', () => {
    run('a cross-origin POST with the session cookie is 403 and changes nothing', async () => {
      const account = await signUp(server, 'csrf')
      const before = await call(server, '/api/workspaces', { cookie: account.cookie })
      const evil = await call(server, '/api/workspaces', {
        body: { name: 'Planted' },
        cookie: account.cookie,
        headers: { origin: 'https://evil.example' },
      })
      expect(evil.status).toBe(403)
      expect(evil.body.error).toMatch(/cross-origin/)
      const viaReferer = await call(server, '/api/tokens', {
        body: { name: 'x' },
        cookie: account.cookie,
        headers: { referer: 'https://evil.example/page' },
      })
      expect(viaReferer.status).toBe(403)
      const viaFetchMeta = await call(server, '/api/tokens', {
        body: { name: 'x' },
        cookie: account.cookie,
        headers: { 'sec-fetch-site': 'cross-site' },
      })
      expect(viaFetchMeta.status).toBe(403)
      const opaque = await call(server, '/api/tokens', {
        body: { name: 'x' },
        cookie: account.cookie,
        headers: { origin: 'null' },
      })
      expect(opaque.status).toBe(403)
      const logout = await call(server, '/api/auth/logout', {
        method: 'POST',
        cookie: account.cookie,
        headers: { origin: 'https://evil.example' },
      })
      expect(logout.status).toBe(403)
      const after = await call(server, '/api/workspaces', { cookie: account.cookie })
      expect(after.body).toEqual(before.body)
      expect((await call(server, '/api/me', { cookie: account.cookie })).status).toBe(200)
    })

    run('the same POST from our own origin succeeds; safe methods are not checked', async () => {
      const account = await signUp(server, 'csrf-ok')
      const ok = await call(server, '/api/workspaces', {
        body: { name: 'Desk' },
        cookie: account.cookie,
        sameOrigin: true,
      })
      expect(ok.status).toBe(201)
      const sameSite = await call(server, '/api/workspaces', {
        body: { name: 'Desk 2' },
        cookie: account.cookie,
        headers: { 'sec-fetch-site': 'same-origin' },
      })
      expect(sameSite.status).toBe(201)
      const read = await call(server, '/api/workspaces', {
        cookie: account.cookie,
        headers: { origin: 'https://evil.example' },
      })
      expect(read.status).toBe(200)
    })

    run('login and signup from a foreign origin are refused too (login CSRF)', async () => {
      const account = await signUp(server, 'login-csrf')
      const login = await call(server, '/api/auth/login', {
        body: { email: account.email, password: account.password },
        headers: { origin: 'https://evil.example' },
      })
      expect(login.status).toBe(403)
      expect(sessionCookie(login.headers)).toBeUndefined()
      const signup = await call(server, '/api/auth/signup', {
        body: { email: uniqueEmail('x'), password: 'correct horse battery', name: 'X' },
        headers: { origin: 'https://evil.example' },
      })
      expect(signup.status).toBe(403)
    })
  })
})

describe.each(backends())('login rate limiting ($name)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    if (!backend.unavailable) {
      server = await backend.start({
        // Small limits, and addresses from X-Forwarded-For so one test process can play many clients.
        env: {
          LOGIN_RATE_PER_ACCOUNT_ADDRESS: '3',
          LOGIN_RATE_PER_ACCOUNT: '8',
          LOGIN_RATE_PER_ADDRESS: '6',
          LOGIN_RATE_PER_DEVICE: '3',
          LOGIN_RATE_WINDOW_MS: '60000',
          TRUST_PROXY: '1',
        },
      })
    }
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  const login = (account: { email: string }, password: string, address: string, cookie?: string) =>
    call(server, '/api/auth/login', {
      body: { email: account.email, password },
      headers: { 'x-forwarded-for': address },
      cookie,
    })

  const expectThrottled = (res: Answer) => {
    expect(res.status).toBe(429)
    expect(res.body).toEqual({ error: expect.stringMatching(/too many/) })
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(sessionCookie(res.headers)).toBeUndefined()
  }

  run(
    'a guesser cannot lock the owner out: 20 wrong passwords from A, the owner still signs in from B, and from A with their device cookie',
    async () => {
      const owner = await signUp(server, 'targeted')
      const guesser = '203.0.113.1'
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) statuses.push((await login(owner, `wrong guess ${i}`, guesser)).status)
      expect(statuses).toEqual([...Array(3).fill(401), ...Array(17).fill(429)])
      // The guesser is throttled, the right password included (no oracle).
      expectThrottled(await login(owner, owner.password, guesser))

      const fromB = await login(owner, owner.password, '203.0.113.2')
      expect(fromB.status).toBe(200)
      expect(sessionCookie(fromB.headers)).toBeDefined()
      const device = deviceCookie(fromB.headers)!
      expect(device).toBeDefined()
      const line = fromB.headers.getSetCookie().find((l) => l.startsWith(device))!
      expect(line).toMatch(/HttpOnly/i)
      expect(line).toMatch(/SameSite=Strict/i)
      expect(line).toMatch(/Path=\/api\/auth/i)

      // The owner's browser at the guesser's address (one office NAT) is counted in its own bucket.
      const fromA = await login(owner, owner.password, guesser, device)
      expect(fromA.status).toBe(200)
      expect(sessionCookie(fromA.headers)).toBeDefined()
      expectThrottled(await login(owner, 'wrong again', guesser))
      // A forged or another account's device cookie is no device: the guesser stays throttled.
      const signatureAt = device.lastIndexOf('.') + 1 // its first character is fully significant: changing it changes the bytes
      const forged = `${device.slice(0, signatureAt)}${device[signatureAt] === 'A' ? 'B' : 'A'}${device.slice(signatureAt + 1)}`
      expectThrottled(await login(owner, 'forged', guesser, forged))
      const other = await signUp(server, 'other')
      const otherDevice = deviceCookie((await login(other, other.password, '203.0.113.3')).headers)!
      expectThrottled(await login(owner, 'borrowed', guesser, otherDevice))
    },
  )

  run(
    'per account: guesses from many addresses fill the account’s untrusted budget; the owner’s device still gets in',
    async () => {
      const owner = await signUp(server, 'distributed')
      const device = deviceCookie((await login(owner, owner.password, '10.0.0.200')).headers)!
      // 1 sign-in above + 7 wrong guesses from 7 addresses = the account's 8.
      for (let i = 1; i <= 7; i++) expect((await login(owner, 'wrong password', `10.0.0.${i}`)).status).toBe(401)
      expectThrottled(await login(owner, owner.password, '10.0.0.99'))
      expect((await login(owner, owner.password, '10.0.0.99', device)).status).toBe(200)
      // Other accounts are not affected.
      const other = await signUp(server, 'unaffected')
      expect((await login(other, other.password, '10.0.1.1')).status).toBe(200)
    },
  )

  run('a device cookie has a small budget of its own, and the right password resets it', async () => {
    const owner = await signUp(server, 'device')
    const device = deviceCookie((await login(owner, owner.password, '10.2.0.1')).headers)!
    for (let i = 0; i < 3; i++) expect((await login(owner, 'typo', '10.2.0.1', device)).status).toBe(401)
    expectThrottled(await login(owner, owner.password, '10.2.0.1', device))
    // Without the cookie, the same browser is an untrusted client with its own budget left.
    const again = await login(owner, owner.password, '10.2.0.1')
    expect(again.status).toBe(200)
    const renewed = deviceCookie(again.headers)!
    expect(renewed).not.toBe(device)
    // Two typos, then the right password: the device's count starts over, three typos fit again.
    for (let i = 0; i < 2; i++) expect((await login(owner, 'typo', '10.2.0.1', renewed)).status).toBe(401)
    expect((await login(owner, owner.password, '10.2.0.1', renewed)).status).toBe(200)
    for (let i = 0; i < 3; i++) expect((await login(owner, 'typo', '10.2.0.1', renewed)).status).toBe(401)
  })

  run('per address: many accounts from one address are cut off at the limit', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) {
      const res = await call(server, '/api/auth/login', {
        body: { email: uniqueEmail(`spray${i}`), password: 'guess guess guess' },
        headers: { 'x-forwarded-for': '192.0.2.7' },
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429])
    // Another address still gets through.
    const elsewhere = await call(server, '/api/auth/login', {
      body: { email: uniqueEmail('x'), password: 'guess guess guess' },
      headers: { 'x-forwarded-for': '192.0.2.8' },
    })
    expect(elsewhere.status).toBe(401)
  })
})
