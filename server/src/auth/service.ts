import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { log } from '../log.js'
import { addressKey } from './address-key.js'
import { userForApiToken } from '../domain/tokens.js'
import type { PublicUser } from '../domain/users.js'
import type { Db } from '../storage/db.js'
import type { AuthConfig } from '../config/index.js'
import { GuestSessions } from './guest-session.js'
import { type AppLucia, createLucia } from './lucia.js'
import type { OriginPolicy } from './origin.js'
import { type DeviceAccount, presentedDevice, setDeviceCookie } from './device-cookie.js'
import { JoinThrottle } from './join-throttle.js'
import { LoginThrottle } from './login-throttle.js'
import { type LimiterFactory, type RateLimiter, inMemoryLimiters } from './rate-limit.js'

/** Who is calling, and how they proved it. */
export interface Caller {
  user: PublicUser
  via: 'session' | 'token'
  /** The session id, when signed in by cookie. */
  sessionId?: string
  /** The session or API token id: sockets opened with it close when it is revoked. */
  credentialId: string
}

export type Resolution =
  | { kind: 'anonymous' }
  | { kind: 'caller'; caller: Caller /** Set-Cookie to send (a refreshed session). */; refreshCookie?: boolean }
  /** Credentials were presented but are not valid (unknown/expired session, revoked token). */
  | { kind: 'invalid'; via: 'session' | 'token' }

/** Finds the owner of a presented API token (null: not a valid token). */
export type TokenLookup = (token: string) => Promise<{ user: PublicUser; tokenId: string } | null>

/** Sessions, tokens and sign-in throttling (login, sign-up, workshop join) for the HTTP routes and the socket gate alike. */
export class AuthService {
  readonly lucia: AppLucia
  /** Login attempts: per device cookie, else per address, account and address, and account. */
  readonly logins: LoginThrottle
  readonly signupPerAddress: RateLimiter
  /** Workshop joins: per address, wrong codes per address, per workshop. */
  readonly joins: JoinThrottle
  readonly originPolicy: OriginPolicy
  /** Workshop participants without an account (a separate cookie; see guest-session.ts). */
  readonly guests: GuestSessions
  private readonly sweepTimer: NodeJS.Timeout
  private readonly tokenOwner: TokenLookup = (token) => userForApiToken(this.db, token)

  constructor(
    readonly db: Db,
    readonly config: AuthConfig,
    /** In memory for one process; shared through Redis when instances scale out (server.ts). */
    limiter: LimiterFactory = inMemoryLimiters,
  ) {
    this.lucia = createLucia(db, config.sessionDays)
    this.logins = new LoginThrottle(
      {
        perDevice: config.loginMaxPerDevice,
        perAddress: config.loginMaxPerAddress,
        perAccountAddress: config.loginMaxPerAccountAddress,
        perAccount: config.loginMaxPerAccount,
        windowMs: config.loginWindowMs,
      },
      limiter,
    )
    this.signupPerAddress = limiter('signup-address', config.signupMaxPerAddress, config.signupWindowMs)
    this.joins = new JoinThrottle(
      {
        perAddress: config.joinMaxPerAddress,
        failuresPerAddress: config.joinFailuresPerAddress,
        perWorkshop: config.joinMaxPerWorkshop,
        windowMs: config.joinWindowMs,
      },
      limiter,
    )
    this.guests = new GuestSessions(db, config.guestSessionDays * 24 * 60 * 60_000)
    this.originPolicy = {
      allowedOrigins: config.allowedOrigins,
      requireOrigin: config.csrfRequireOrigin,
      trustProxy: config.trustProxy,
    }
    this.sweepTimer = setInterval(() => {
      this.lucia.deleteExpiredSessions().catch((err) => log('expired session sweep failed', { error: String(err) }))
      this.guests.sweepExpired().catch((err) => log('expired guest session sweep failed', { error: String(err) }))
    }, 60 * 60_000)
    this.sweepTimer.unref()
  }

  close(): void {
    clearInterval(this.sweepTimer)
  }

  /**
   * Resolves the caller from, in order: an `Authorization: Bearer` API token, an
   * API token passed explicitly (the socket's `?token=`), the session cookie.
   * A presented-but-invalid credential never falls back to another one. `tokens`: how an API
   * token is looked up (the socket gate's remembers valid ones, gate-cache.ts).
   */
  async resolve(
    headers: Pick<Headers, 'get'>,
    tokenParam?: string,
    tokens: TokenLookup = this.tokenOwner,
  ): Promise<Resolution> {
    const authorization = headers.get('authorization')
    const bearer = authorization ? this.lucia.readBearerToken(authorization) : null
    const token = bearer ?? tokenParam
    if (token !== undefined && token !== null) {
      const found = await tokens(token)
      return found
        ? { kind: 'caller', caller: { user: found.user, via: 'token', credentialId: found.tokenId } }
        : { kind: 'invalid', via: 'token' }
    }
    const sessionId = this.lucia.readSessionCookie(headers.get('cookie') ?? '')
    if (!sessionId) return { kind: 'anonymous' }
    const { session, user } = await this.lucia.validateSession(sessionId)
    if (!session) return { kind: 'invalid', via: 'session' }
    return {
      kind: 'caller',
      caller: {
        user: { id: user.id, email: user.email, name: user.name },
        via: 'session',
        sessionId: session.id,
        credentialId: session.id,
      },
      refreshCookie: session.fresh,
    }
  }

  /** Secure cookies only over HTTPS (directly, or as a TLS-terminating proxy reports it). */
  isHttps(c: Context): boolean {
    const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
    if (forwarded) return forwarded === 'https'
    return new URL(c.req.url).protocol === 'https:'
  }

  setSessionCookie(c: Context, sessionId: string): void {
    const cookie = this.lucia.createSessionCookie(sessionId)
    cookie.attributes.secure = this.isHttps(c)
    c.header('Set-Cookie', cookie.serialize(), { append: true })
  }

  /** After a successful sign-in: this browser is now a known device of the account (device-cookie.ts). */
  setDeviceCookie(c: Context, account: DeviceAccount): void {
    setDeviceCookie(c, account, { secure: this.isHttps(c), lifetimeMs: this.deviceLifetimeMs })
  }

  /** The request's valid device cookie for the account, if any: its id. */
  presentedDevice(c: Context, account: DeviceAccount): string | undefined {
    return presentedDevice(c.req.raw.headers, account, this.deviceLifetimeMs)
  }

  private get deviceLifetimeMs(): number {
    return this.config.loginDeviceDays * 24 * 60 * 60_000
  }

  clearSessionCookie(c: Context): void {
    const cookie = this.lucia.createBlankSessionCookie()
    cookie.attributes.secure = this.isHttps(c)
    c.header('Set-Cookie', cookie.serialize(), { append: true })
  }

  /**
   * What the rate limits count a client's requests under: its address (the first
   * X-Forwarded-For hop behind a trusted proxy), IPv6 addresses per /64 (address-key.ts).
   */
  rateLimitKey(c: Context): string {
    return addressKey(this.peerAddress(c))
  }

  private peerAddress(c: Context): string {
    if (this.config.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
      if (forwarded) return forwarded
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown'
    } catch {
      return 'unknown'
    }
  }
}
