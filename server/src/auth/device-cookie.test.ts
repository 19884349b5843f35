import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { presentedDevice, setDeviceCookie } from './device-cookie.js'

const DAY = 24 * 60 * 60_000
const account = { id: 'user_1', passwordHash: 'scrypt$32768$8$1$c2FsdA$aGFzaA' }

/** The cookie a sign-in at `now` sets, as the browser sends it back. */
async function issued(now: number): Promise<Headers> {
  const app = new Hono().get('/', (c) => {
    setDeviceCookie(c, account, { secure: false, lifetimeMs: 30 * DAY }, now)
    return c.body(null, 204)
  })
  const line = (await app.request('/')).headers.get('set-cookie')!
  return new Headers({ cookie: `other=1; ${line.split(';')[0]}` })
}

describe('device cookie', () => {
  it('is valid for its account until its signed issue time is older than the lifetime', async () => {
    const headers = await issued(1_000_000)
    const id = presentedDevice(headers, account, 30 * DAY, 1_000_000 + 29 * DAY)
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(presentedDevice(headers, account, 30 * DAY, 1_000_000 + 30 * DAY)).toBeUndefined()
  })

  it('is refused when tampered with, for another account, or after a password change', async () => {
    const headers = await issued(0)
    const cookie = headers.get('cookie')!
    const [issuedAt, nonce] = cookie.split('=').at(-1)!.split('.')
    // A later issue time (to outlive the lifetime) breaks the signature.
    expect(
      presentedDevice(new Headers({ cookie: cookie.replace(`=${issuedAt}.`, '=zzzzzz.') }), account, 30 * DAY, 10),
    ).toBeUndefined()
    expect(
      presentedDevice(new Headers({ cookie: cookie.replace(nonce!, 'A'.repeat(16)) }), account, 30 * DAY, 10),
    ).toBeUndefined()
    expect(presentedDevice(headers, { ...account, passwordHash: 'scrypt$new' }, 30 * DAY, 10)).toBeUndefined()
    expect(
      presentedDevice(
        new Headers({ cookie: cookie.replace('fc_device_user_1=', 'fc_device_user_2=') }),
        { ...account, id: 'user_2' },
        30 * DAY,
        10,
      ),
    ).toBeUndefined()
    expect(presentedDevice(headers, account, 30 * DAY, 10)).toBe(nonce)
  })
})
