import type { Context } from 'hono'
import { DomainError } from '../domain/errors.js'

/** Refuses with 429 `{error}` and `Retry-After` (whole seconds, at least 1) when a limiter says wait. */
export function refuseWhenLimited(c: Context, waitMs: number, message: string): void {
  if (waitMs <= 0) return
  c.header('Retry-After', String(Math.ceil(waitMs / 1000)))
  throw new DomainError('rate_limited', message)
}
