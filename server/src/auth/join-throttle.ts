import { type LimiterFactory, type RateLimiter, inMemoryLimiters } from './rate-limit.js'

export interface JoinLimits {
  /** Join requests per client address within the window, whatever their outcome. */
  perAddress: number
  /** Wrong codes per client address within the window; beyond it every join from there is refused. */
  failuresPerAddress: number
  /** Joins with one workshop's code within the window, from all addresses together. */
  perWorkshop: number
  windowMs: number
}

export interface JoinAdmission {
  /** 0 when the attempt may go on to look up its code, else the milliseconds to wait. */
  waitMs: number
  /** Call once, when the code named this workshop: takes the wrong-code charge back. Resolves to ms to wait (0: go on). */
  codeMatched(workshopId: string): Promise<number>
}

/**
 * Throttles `POST /api/workshops/join`: it needs no account and copies a whole
 * article per participant, so it is both a code-guessing oracle and a cheap way
 * to fill storage. Wrong codes are held to a much smaller budget than joins.
 */
export class JoinThrottle {
  private readonly attempts: RateLimiter
  private readonly failures: RateLimiter
  private readonly workshops: RateLimiter

  constructor(limits: JoinLimits, limiter: LimiterFactory = inMemoryLimiters) {
    this.attempts = limiter('join-attempts', limits.perAddress, limits.windowMs)
    this.failures = limiter('join-failures', limits.failuresPerAddress, limits.windowMs)
    this.workshops = limiter('join-workshop', limits.perWorkshop, limits.windowMs)
  }

  /**
   * Call before the code is looked up. Every attempt is charged as a wrong code
   * until `codeMatched` refunds it: charged afterwards, a burst of concurrent
   * guesses would all pass before the first miss was counted. And a locked-out
   * address is refused before its code is read, so a right guess answers the
   * same 429 as a wrong one and the lockout cannot be used as an oracle.
   */
  async admit(address: string, now = Date.now()): Promise<JoinAdmission> {
    const miss = await this.failures.take(address, now)
    if (miss.waitMs > 0) return refused(miss.waitMs)
    const attempt = await this.attempts.take(address, now)
    if (attempt.waitMs > 0) {
      // Refused without reading the code: that says nothing about a guess, so it is no miss.
      await miss.release()
      return refused(attempt.waitMs)
    }
    return {
      waitMs: 0,
      codeMatched: async (workshopId) => {
        await miss.release()
        return (await this.workshops.take(workshopId, now)).waitMs
      },
    }
  }
}

const refused = (waitMs: number): JoinAdmission => ({ waitMs, codeMatched: async () => waitMs })
