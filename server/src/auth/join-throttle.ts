import { SlidingWindowLimiter } from './rate-limit.js';

export interface JoinLimits {
  /** Join requests per client address within the window, whatever their outcome. */
  perAddress: number;
  /** Wrong codes per client address within the window; beyond it every join from there is refused. */
  failuresPerAddress: number;
  /** Joins with one workshop's code within the window, from all addresses together. */
  perWorkshop: number;
  windowMs: number;
}

export interface JoinAdmission {
  /** 0 when the attempt may go on to look up its code, else the milliseconds to wait. */
  waitMs: number;
  /** Call once, when the code named this workshop: takes the wrong-code charge back. Returns ms to wait (0: go on). */
  codeMatched(workshopId: string): number;
}

/**
 * Throttles `POST /api/workshops/join`: it needs no account and copies a whole
 * article per participant, so it is both a code-guessing oracle and a cheap way
 * to fill storage. Wrong codes are held to a much smaller budget than joins.
 */
export class JoinThrottle {
  private readonly attempts: SlidingWindowLimiter;
  private readonly failures: SlidingWindowLimiter;
  private readonly workshops: SlidingWindowLimiter;

  constructor(limits: JoinLimits) {
    this.attempts = new SlidingWindowLimiter(limits.perAddress, limits.windowMs);
    this.failures = new SlidingWindowLimiter(limits.failuresPerAddress, limits.windowMs);
    this.workshops = new SlidingWindowLimiter(limits.perWorkshop, limits.windowMs);
  }

  /**
   * Call before the code is looked up. Every attempt is charged as a wrong code
   * until `codeMatched` refunds it: charged afterwards, a burst of concurrent
   * guesses would all pass before the first miss was counted. And a locked-out
   * address is refused before its code is read, so a right guess answers the
   * same 429 as a wrong one and the lockout cannot be used as an oracle.
   */
  admit(address: string, now = Date.now()): JoinAdmission {
    const lockedOutMs = this.failures.take(address, now);
    if (lockedOutMs > 0) return refused(lockedOutMs);
    const busyMs = this.attempts.take(address, now);
    if (busyMs > 0) {
      // Refused without reading the code: that says nothing about a guess, so it is no miss.
      this.failures.release(address, now);
      return refused(busyMs);
    }
    return {
      waitMs: 0,
      codeMatched: (workshopId) => {
        this.failures.release(address, now);
        return this.workshops.take(workshopId, now);
      },
    };
  }
}

const refused = (waitMs: number): JoinAdmission => ({ waitMs, codeMatched: () => waitMs });
