/** One recorded hit: whether it was allowed, and how to take it back. */
export interface Hit {
  /** 0 when allowed, else the milliseconds until the next hit would be. */
  waitMs: number
  /** Takes this hit back (a charge that turned out not to be owed). Nothing for a refused hit. */
  release(): Promise<void>
}

/**
 * At most `max` hits per key within a sliding window. In memory for one process
 * (`SlidingWindowLimiter`); with Redis, shared by every instance
 * (scale/redis-rate-limit.ts), so running three instances does not triple the budget.
 */
export interface RateLimiter {
  take(key: string, now?: number): Promise<Hit>
  reset(key: string): Promise<void>
}

/** Builds one limiter; `name` keeps different limits' keys apart where they share a store. */
export type LimiterFactory = (name: string, max: number, windowMs: number) => RateLimiter

/** The release of a refused hit: nothing was recorded. */
export const NOTHING_TO_RELEASE = async (): Promise<void> => undefined

/** In-memory sliding window for one process. */
export class SlidingWindowLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>()
  private sweeps = 0

  constructor(
    readonly max: number,
    readonly windowMs: number,
    /** Bound on tracked keys, so a flood of distinct keys cannot grow memory without end. */
    private readonly maxKeys = 100_000,
  ) {}

  async take(key: string, now = Date.now()): Promise<Hit> {
    return this.takeNow(key, now)
  }

  /** `take` without the promise, for the Redis limiter's fallback and the tests' clock. */
  takeNow(key: string, now = Date.now()): Hit {
    const since = now - this.windowMs
    const list = (this.hits.get(key) ?? []).filter((t) => t > since)
    if (list.length >= this.max) {
      this.hits.set(key, list)
      return { waitMs: Math.max(1, list[0]! + this.windowMs - now), release: NOTHING_TO_RELEASE }
    }
    list.push(now)
    this.hits.delete(key) // re-insert: Map order becomes least-recently-hit first
    this.hits.set(key, list)
    if (++this.sweeps % 1000 === 0) this.sweep(now)
    while (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string)
    return { waitMs: 0, release: async () => this.release(key, now) }
  }

  async reset(key: string): Promise<void> {
    this.hits.delete(key)
  }

  private release(key: string, at: number): void {
    const list = this.hits.get(key)
    if (!list) return
    const index = list.lastIndexOf(at)
    if (index >= 0) list.splice(index, 1)
    // The sweep reads each list's newest hit: an emptied list would never be swept.
    if (list.length === 0) this.hits.delete(key)
  }

  private sweep(now: number): void {
    const since = now - this.windowMs
    for (const [key, list] of this.hits) if (list[list.length - 1]! <= since) this.hits.delete(key)
  }
}

export const inMemoryLimiters: LimiterFactory = (_name, max, windowMs) => new SlidingWindowLimiter(max, windowMs)
