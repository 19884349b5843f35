import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { hashSecret, newId, newSecret } from '../domain/ids.js'
import type { Queryable } from '../storage/db.js'

/**
 * Workshop participants have no account. Their session is a cookie of its own,
 * deliberately not the account session (`fc_session`): nothing that resolves a
 * Caller ever sees a guest, so every route outside /api/workshops answers them 401,
 * including routes added later. Only the workshop routes and the socket gate read it.
 */
export const GUEST_COOKIE = 'fc_guest'
const GUEST_TOKEN_PREFIX = 'fcg_'

export type GuestResolution = { kind: 'none' } | { kind: 'guest'; guestId: string } | { kind: 'invalid' }

export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export class GuestSessions {
  constructor(
    private readonly db: Queryable,
    private readonly ttlMs: number,
  ) {}

  async resolve(headers: Pick<Headers, 'get'>): Promise<GuestResolution> {
    const token = readCookie(headers.get('cookie') ?? '', GUEST_COOKIE)
    if (!token) return { kind: 'none' }
    if (!token.startsWith(GUEST_TOKEN_PREFIX) || token.length > 200) return { kind: 'invalid' }
    const rows = await this.db.query<{ id: string; expires_at: number }>(
      'SELECT id, expires_at FROM workshop_guests WHERE session_hash = $1',
      [hashSecret(token)],
    )
    const row = rows[0]
    return row && Number(row.expires_at) > Date.now() ? { kind: 'guest', guestId: row.id } : { kind: 'invalid' }
  }

  /** The guest id behind the request's cookie, or null (absent, unknown or expired). */
  async guestId(headers: Headers): Promise<string | null> {
    const resolved = await this.resolve(headers)
    return resolved.kind === 'guest' ? resolved.guestId : null
  }

  /**
   * Ends the session behind the request's cookie ("Leave" on a shared workshop computer):
   * the row goes, so the cookie opens nothing anywhere even if a copy of it survives, and
   * the browser is told to drop it. Returns the guest id whose sockets must now close, or
   * null when there was no live session. Participants and copies stay: they are the
   * trainer's results.
   */
  async end(c: Context): Promise<string | null> {
    const resolved = await this.resolve(c.req.raw.headers)
    deleteCookie(c, GUEST_COOKIE, { path: '/' })
    if (resolved.kind !== 'guest') return null
    await this.db.query('DELETE FROM workshop_guests WHERE id = $1', [resolved.guestId])
    return resolved.guestId
  }

  /** Drops expired sessions (they open nothing already); their participants and copies stay. */
  async sweepExpired(now = Date.now()): Promise<void> {
    await this.db.query('DELETE FROM workshop_guests WHERE expires_at <= $1', [now])
  }

  /** A new guest; only the token's hash is stored, the token goes into the cookie once. */
  async create(c: Context, secure: boolean): Promise<string> {
    const id = newId()
    const token = newSecret(GUEST_TOKEN_PREFIX)
    const now = Date.now()
    await this.db.query(
      'INSERT INTO workshop_guests (id, session_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [id, hashSecret(token), now, now + this.ttlMs],
    )
    setCookie(c, GUEST_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      maxAge: Math.floor(this.ttlMs / 1000),
    })
    return id
  }
}
