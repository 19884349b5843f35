import { type Hit, type LimiterFactory, type RateLimiter, inMemoryLimiters } from './rate-limit.js'

export interface LoginLimits {
  /** Attempts with one device cookie (a client that signed in to the account before). */
  perDevice: number
  /** Attempts without a device cookie from one client address, at any accounts. */
  perAddress: number
  /** Attempts without a device cookie at one account from one address. */
  perAccountAddress: number
  /** Attempts without a device cookie at one account from all addresses together. */
  perAccount: number
  windowMs: number
}

type Bucket = Exclude<keyof LoginLimits, 'windowMs'>

/** Each bucket's limiter name: its keys in a shared store (Redis). */
const BUCKET_NAMES: Record<Bucket, string> = {
  perDevice: 'login-device',
  perAddress: 'login-address',
  perAccountAddress: 'login-account-address',
  perAccount: 'login-account',
}

export interface LoginAttempt {
  /** The normalised email asked for (whether or not it has an account). */
  account: string
  /** The client address key (address-key.ts). */
  address: string
  /** The id of a valid device cookie for this account the request carried, if any. */
  device?: string
}

export interface LoginAdmission {
  /** 0 when the password may be checked, else the milliseconds to wait. */
  waitMs: number
  /** Call after the right password: the client's own mistakes stop counting against it. */
  succeeded(): Promise<void>
}

/**
 * Throttles `POST /api/auth/login` so that it slows the guesser, not the owner (OWASP's
 * "device cookie" scheme). A client carrying a valid device cookie for the account (set
 * by its earlier sign-in) is counted in a bucket of its own, which nobody else's guesses
 * can fill. Every other attempt is untrusted, and counted per address, per account and
 * address, and per account: a guesser at one address is stopped at its small
 * account+address budget, long before the account's total, so the owner still signs in
 * from elsewhere; only many addresses together can fill the account's untrusted budget,
 * and then the owner's usual device still gets in.
 */
export class LoginThrottle {
  private readonly buckets: Record<Bucket, RateLimiter>

  constructor(limits: LoginLimits, limiter: LimiterFactory = inMemoryLimiters) {
    const entries = Object.entries(BUCKET_NAMES) as [Bucket, string][]
    this.buckets = Object.fromEntries(
      entries.map(([bucket, name]) => [bucket, limiter(name, limits[bucket], limits.windowMs)]),
    ) as Record<Bucket, RateLimiter>
  }

  /** Call before the password is checked, so a burst is refused whether its guesses are right or wrong. */
  async admit(attempt: LoginAttempt, now = Date.now()): Promise<LoginAdmission> {
    if (attempt.device !== undefined) {
      const key = `${attempt.account}\n${attempt.device}`
      const { waitMs } = await this.buckets.perDevice.take(key, now)
      return { waitMs, succeeded: () => this.buckets.perDevice.reset(key) }
    }
    const pair = `${attempt.account}\n${attempt.address}`
    const waitMs = await takeEach(
      [
        [this.buckets.perAddress, attempt.address],
        [this.buckets.perAccountAddress, pair],
        [this.buckets.perAccount, attempt.account],
      ],
      now,
    )
    return { waitMs, succeeded: () => this.buckets.perAccountAddress.reset(pair) }
  }
}

/**
 * One hit from each limiter in turn; at the first refusal the hits already taken are
 * given back. A refused attempt checks no password, so it owes nothing: charged, a
 * guesser stopped at its own account+address budget would still drain the account's
 * total (locking out every untrusted client) and its address's.
 */
async function takeEach(steps: ReadonlyArray<readonly [RateLimiter, string]>, now: number): Promise<number> {
  const taken: Hit[] = []
  for (const [limiter, key] of steps) {
    const hit = await limiter.take(key, now)
    if (hit.waitMs > 0) {
      await Promise.all(taken.map((h) => h.release()))
      return hit.waitMs
    }
    taken.push(hit)
  }
  return 0
}
