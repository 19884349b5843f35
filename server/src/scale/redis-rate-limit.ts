import { createHash, randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import {
  type Hit,
  type LimiterFactory,
  NOTHING_TO_RELEASE,
  type RateLimiter,
  SlidingWindowLimiter,
} from '../auth/rate-limit.js'
import { log } from '../log.js'

/**
 * One atomic step of a sliding window kept as a sorted set (score = time of the hit):
 * drop hits that left the window, refuse when `max` remain (answering how long until the
 * oldest leaves), else record this one. Atomic, so a burst spread over several instances
 * gets no more than the budget, as a burst on one instance does.
 */
const TAKE = `
local since = tonumber(ARGV[1]) - tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', since)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) - since)
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 0
`

/** How long a limiter waits for Redis before it decides alone: a sign-in must not hang on it. */
const COMMAND_TIMEOUT_MS = 1000

type TakeCommand = (key: string, now: number, windowMs: number, max: number, member: string) => Promise<number>

/**
 * Rate limits shared by every instance through Redis. Keys are namespaced by the
 * deployment (a hash of its database URL: instances that share the data share the
 * limits) and hashed, so email addresses used as keys are not stored in Redis.
 *
 * If Redis does not answer, each instance falls back to its own in-memory window
 * (logged): limits go back to per-instance for that time instead of sign-ins failing. That
 * window also holds the hits this instance recorded in Redis, so an outage does not hand
 * out a fresh budget.
 */
export class RedisRateLimits {
  private readonly redis: Redis
  /** Prefix of every key of this deployment. */
  readonly namespace: string
  private readonly instance = randomBytes(6).toString('hex')
  private counter = 0
  private degraded = false

  constructor(url: string, deployment: string) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 2 * COMMAND_TIMEOUT_MS,
    })
    this.redis.on('error', () => undefined) // reported once per outage by `fallback`
    this.redis.defineCommand('fcTakeHit', { numberOfKeys: 1, lua: TAKE })
    this.namespace = `fc:rl:${digest(deployment).slice(0, 16)}`
  }

  async connect(): Promise<void> {
    await this.redis.connect()
  }

  async close(): Promise<void> {
    this.redis.disconnect()
  }

  readonly factory: LimiterFactory = (name, max, windowMs) => this.limiter(name, max, windowMs)

  private limiter(name: string, max: number, windowMs: number): RateLimiter {
    const local = new SlidingWindowLimiter(max, windowMs)
    const keyOf = (key: string): string => `${this.namespace}:${name}:${digest(key)}`
    const take = (this.redis as unknown as { fcTakeHit: TakeCommand }).fcTakeHit.bind(this.redis)
    return {
      take: async (key, now = Date.now()): Promise<Hit> => {
        const member = `${now}:${this.instance}:${++this.counter}`
        const redisKey = keyOf(key)
        try {
          const waitMs = Number(await take(redisKey, now, windowMs, max, member))
          this.recovered()
          if (waitMs > 0) return { waitMs, release: NOTHING_TO_RELEASE }
          // Kept locally too, so a Redis outage later in the window starts from this instance's
          // own hits rather than from an empty budget.
          const mirror = local.takeNow(key, now)
          return {
            waitMs: 0,
            release: async () => {
              await mirror.release()
              await this.remove(redisKey, member)
            },
          }
        } catch (err) {
          this.fallback(err)
          return local.takeNow(key, now)
        }
      },
      reset: async (key) => {
        await local.reset(key)
        try {
          await this.redis.del(keyOf(key))
        } catch (err) {
          this.fallback(err)
        }
      },
    }
  }

  private async remove(key: string, member: string): Promise<void> {
    try {
      await this.redis.zrem(key, member)
    } catch (err) {
      // The charge stays until it leaves the window: stricter, never looser.
      this.fallback(err)
    }
  }

  private fallback(err: unknown): void {
    if (this.degraded) return
    this.degraded = true
    log('rate limits: Redis not answering, each instance counts on its own until it is back', { error: String(err) })
  }

  private recovered(): void {
    if (!this.degraded) return
    this.degraded = false
    log('rate limits: Redis answering again, limits are shared')
  }
}

const digest = (value: string): string => createHash('sha256').update(value).digest('base64url')
