/**
 * In-memory sliding-window limiter: at most `max` hits per key within `windowMs`.
 * One instance per server process (several instances each count their own share;
 * good enough against bursts, which is what it is for).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private sweeps = 0;

  constructor(
    readonly max: number,
    readonly windowMs: number,
    /** Bound on tracked keys, so a flood of distinct keys cannot grow memory without end. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Records a hit. Returns 0 when allowed, else the milliseconds until the next hit would be. */
  take(key: string, now = Date.now()): number {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.max) {
      this.hits.set(key, list);
      return Math.max(1, list[0]! + this.windowMs - now);
    }
    list.push(now);
    this.hits.delete(key); // re-insert: Map order becomes least-recently-hit first
    this.hits.set(key, list);
    if (++this.sweeps % 1000 === 0) this.sweep(now);
    while (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    return 0;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  /** Takes back one hit recorded by `take(key, at)` (a charge that turned out not to be owed). */
  release(key: string, at: number): void {
    const list = this.hits.get(key);
    if (!list) return;
    const index = list.lastIndexOf(at);
    if (index >= 0) list.splice(index, 1);
    // The sweep reads each list's newest hit: an emptied list would never be swept.
    if (list.length === 0) this.hits.delete(key);
  }

  private sweep(now: number): void {
    const since = now - this.windowMs;
    for (const [key, list] of this.hits) if (list[list.length - 1]! <= since) this.hits.delete(key);
  }
}
