import { type EnvReader, WEB_PROTOCOLS } from './env.js'

/**
 * Limits and switches of accounts and sessions, all from the environment
 * (docs/architecture.md: every limit is explicit and configurable).
 */
export interface AuthConfig {
  /** Login attempts at one account (email) without its device cookie, all addresses together, within the window. */
  loginMaxPerAccount: number
  /** Login attempts at one account from one client address without its device cookie. */
  loginMaxPerAccountAddress: number
  /** Login attempts without a device cookie per client address, at any accounts. */
  loginMaxPerAddress: number
  /** Login attempts with one device cookie (a browser that signed in to the account before). */
  loginMaxPerDevice: number
  loginWindowMs: number
  /** Lifetime of a device cookie (login-throttle.ts), renewed at every sign-in. */
  loginDeviceDays: number
  /** Sign-ups (attempts that pass validation) per client address within the window. */
  signupMaxPerAddress: number
  signupWindowMs: number
  /** Workshop join requests per client address within the window (a room behind one NAT shares it). */
  joinMaxPerAddress: number
  /** Wrong join codes per client address within the window; past it the address is refused every join. */
  joinFailuresPerAddress: number
  /** Joins with one workshop's code within the window, from all addresses together. */
  joinMaxPerWorkshop: number
  joinWindowMs: number
  /** Behind a trusted proxy: the client address from the first X-Forwarded-For hop, the page's scheme and host from X-Forwarded-Proto/-Host. */
  trustProxy: boolean
  /** Origins besides the request's own (http + Host) allowed to send cookie-authenticated writes: ALLOWED_ORIGINS and PUBLIC_URL's. */
  allowedOrigins: string[]
  /** Refuse cookie-authenticated writes that carry no Origin, Referer or Sec-Fetch-Site at all. */
  csrfRequireOrigin: boolean
  sessionDays: number
  /** Lifetime of a workshop participant's guest session (fixed, not sliding). */
  guestSessionDays: number
  inviteDays: number
}

/** The auth section; PUBLIC_URL is read once, by the server section, and passed in. */
export function loadAuthConfig(env: EnvReader, publicUrl: string | undefined): AuthConfig {
  const int = (name: string, fallback: number) => env.int(name, fallback, { min: 1 })
  return {
    // A guesser at one address gets 10 tries an account; only ten addresses together fill the
    // account's untrusted budget, and even then its owner's usual browser still gets 10 of its own.
    loginMaxPerAccount: int('LOGIN_RATE_PER_ACCOUNT', 100),
    loginMaxPerAccountAddress: int('LOGIN_RATE_PER_ACCOUNT_ADDRESS', 10),
    loginMaxPerAddress: int('LOGIN_RATE_PER_ADDRESS', 100),
    loginMaxPerDevice: int('LOGIN_RATE_PER_DEVICE', 10),
    loginWindowMs: int('LOGIN_RATE_WINDOW_MS', 15 * 60_000),
    loginDeviceDays: int('LOGIN_DEVICE_DAYS', 365),
    // A desk of a few dozen onboarding together from one office NAT fits, retries included;
    // a script gets 50 accounts (each a scrypt, a workspace and a demo copy) an hour per address.
    signupMaxPerAddress: int('SIGNUP_RATE_PER_ADDRESS', 50),
    signupWindowMs: int('SIGNUP_RATE_WINDOW_MS', 60 * 60_000),
    // Sized for several rooms of 40 behind one newsroom NAT joining within minutes, typos and
    // second tabs included. 30 wrong codes per 10 minutes absorbs a room's typos and is still
    // hopeless for guessing: codes are 8 of 31 characters (~8.5e11), so the ~4,300 guesses a day
    // an address gets find nothing.
    joinMaxPerAddress: int('JOIN_RATE_PER_ADDRESS', 200),
    joinFailuresPerAddress: int('JOIN_FAILURES_PER_ADDRESS', 30),
    joinMaxPerWorkshop: int('JOIN_RATE_PER_WORKSHOP', 300),
    joinWindowMs: int('JOIN_RATE_WINDOW_MS', 10 * 60_000),
    trustProxy: env.flag('TRUST_PROXY'),
    // PUBLIC_URL is where browsers reach us (a TLS-terminating proxy's https origin): its pages are ours.
    allowedOrigins: [...env.urls('ALLOWED_ORIGINS', WEB_PROTOCOLS), ...(publicUrl ? [new URL(publicUrl)] : [])].map(
      (u) => u.origin,
    ),
    csrfRequireOrigin: env.flag('CSRF_REQUIRE_ORIGIN'),
    sessionDays: int('SESSION_DAYS', 30),
    guestSessionDays: int('GUEST_SESSION_DAYS', 7),
    inviteDays: int('INVITE_DAYS', 7),
  }
}
