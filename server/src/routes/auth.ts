import { loginBody, signupBody } from '@fc/shared'
import { Hono } from 'hono'
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/passwords.js'
import { endCredential } from '../domain/access-events.js'
import { registerUser } from '../domain/accounts.js'
import { conflict, DomainError } from '../domain/errors.js'
import { emailTaken, findUserByEmail, normalizeEmail } from '../domain/users.js'
import { type ApiDeps, limitBody, requireCaller } from './http.js'
import { jsonBody } from './validate.js'
import { refuseWhenLimited } from './throttled.js'

const WRONG_CREDENTIALS = 'wrong email or password'

/** Sign up, log in, log out (mounted at /api/auth). Every sign-in mints a new session id (no fixation). */
export function authRoutes({ config, db, store, auth, access }: ApiDeps) {
  const json = limitBody(config.http.jsonMaxBytes)

  /** Drops the session the request came with, if any, before a new one is issued. */
  async function dropPresentedSession(headers: Headers): Promise<void> {
    const presented = auth.lucia.readSessionCookie(headers.get('cookie') ?? '')
    if (presented) await auth.lucia.invalidateSession(presented)
  }

  return new Hono()
    .post('/signup', json, jsonBody(signupBody), async (c) => {
      const body = c.req.valid('json')
      // Counted before the email is looked up, so probing which emails have accounts (409) spends the budget too.
      refuseWhenLimited(
        c,
        (await auth.signupPerAddress.take(auth.rateLimitKey(c))).waitMs,
        'too many sign-ups from this address; try again later',
      )
      if (await emailTaken(db, body.email)) throw conflict('an account with this email already exists')
      const passwordHash = await hashPassword(body.password)
      const { user } = await registerUser(db, store, { email: body.email, name: body.name, passwordHash })
      await dropPresentedSession(c.req.raw.headers)
      const session = await auth.lucia.createSession(user.id, {})
      auth.setSessionCookie(c, session.id)
      auth.setDeviceCookie(c, { id: user.id, passwordHash })
      return c.json({ user }, 201)
    })
    .post('/login', json, jsonBody(loginBody), async (c) => {
      const body = c.req.valid('json')
      const email = normalizeEmail(body.email)
      const user = await findUserByEmail(db, email)
      // A browser that signed in to this account before is counted apart: others' guesses cannot lock it out.
      const device = user ? auth.presentedDevice(c, user) : undefined
      // Counted before the password is checked: a burst is refused whether its guesses are right or wrong.
      const admission = await auth.logins.admit({ account: email, address: auth.rateLimitKey(c), device })
      refuseWhenLimited(c, admission.waitMs, 'too many login attempts; try again later')
      // Unknown email and wrong password: same message, same scrypt work.
      const ok = user ? await verifyPassword(user.passwordHash, body.password) : await verifyAgainstDummy(body.password)
      if (!user || !ok) throw new DomainError('unauthenticated', WRONG_CREDENTIALS)
      await admission.succeeded()
      await dropPresentedSession(c.req.raw.headers)
      const session = await auth.lucia.createSession(user.id, {})
      auth.setSessionCookie(c, session.id)
      auth.setDeviceCookie(c, user)
      return c.json({ user: { id: user.id, email: user.email, name: user.name } }, 200)
    })
    .post('/logout', async (c) => {
      const caller = c.get('caller')
      const sessionId = caller?.via === 'session' ? caller.sessionId : undefined
      if (sessionId) {
        await endCredential(access, async () => {
          await auth.lucia.invalidateSession(sessionId)
          return sessionId
        })
      }
      auth.clearSessionCookie(c)
      return c.body(null, 204)
    })
}

/** Who is signed in (mounted at /api/me). */
export function meRoutes() {
  return new Hono().get('/', (c) => c.json({ user: requireCaller(c).user }))
}
