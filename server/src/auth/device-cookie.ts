import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import { readCookie } from './guest-session.js'

/** The account a device cookie names, with the secret it is signed with. */
export interface DeviceAccount {
  id: string
  passwordHash: string
}

/** One cookie per account (its id in the name), so several people sharing a browser each keep theirs. */
const cookieName = (userId: string): string => `fc_device_${userId}`

/**
 * Signed with the account's own password hash: every instance can check it with nothing
 * but the database (no shared secret to configure), nobody without the hash can forge
 * one, and a password change retires every device the old password trusted.
 */
const signature = (account: DeviceAccount, payload: string): Buffer =>
  createHmac('sha256', account.passwordHash).update(`fc-device\n${account.id}\n${payload}`).digest()

/**
 * OWASP's "device cookie": after a successful sign-in, a long-lived cookie saying "this
 * browser has signed in to this account before". It grants nothing by itself (the password
 * is still needed); it only moves the browser's login attempts into a throttling bucket of
 * their own (login-throttle.ts). Sent to the auth routes only, never cross-site.
 */
export function setDeviceCookie(
  c: Context,
  account: DeviceAccount,
  options: { secure: boolean; lifetimeMs: number },
  now = Date.now(),
): void {
  const payload = `${now.toString(36)}.${randomBytes(12).toString('base64url')}`
  setCookie(c, cookieName(account.id), `${payload}.${signature(account, payload).toString('base64url')}`, {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'Strict',
    secure: options.secure,
    maxAge: Math.floor(options.lifetimeMs / 1000),
  })
}

/** The id of the request's valid, unexpired device cookie for this account, or undefined. */
export function presentedDevice(
  headers: Headers,
  account: DeviceAccount,
  lifetimeMs: number,
  now = Date.now(),
): string | undefined {
  const value = readCookie(headers.get('cookie') ?? '', cookieName(account.id))
  const [issued, nonce, sig, ...rest] = value?.split('.') ?? []
  if (!issued || !nonce || !sig || rest.length > 0) return undefined
  // The signed issue time, not the cookie's Max-Age (which the client controls), bounds its life.
  if (!(now - parseInt(issued, 36) < lifetimeMs)) return undefined
  const expected = signature(account, `${issued}.${nonce}`)
  const given = Buffer.from(sig, 'base64url')
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : undefined
}
