import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import { checkSameOrigin } from '../auth/origin.js'
import type { AuthService, Caller } from '../auth/service.js'
import type { Attribution } from '../collab/attribution/attribution.js'
import type { RoomRegistry } from '../collab/rooms.js'
import type { AccessEvents } from '../domain/access-events.js'
import type { Article } from '../domain/articles.js'
import type { WorkshopClock } from '../domain/workshop-clock.js'
import { DomainError, type DomainErrorKind } from '../domain/errors.js'
import type { Role } from '@fc/shared'
import type { Config } from '../config/index.js'
import type { Db } from '../storage/db.js'
import type { DocStore } from '../storage/doc-store.js'
import type { EventBus } from '../events/event-bus.js'

/** Who is asking about which article, set by the article guard (access.ts) for the routes under it. */
export interface ArticleAccess {
  article: Article
  role: Role
  userId: string
}

/** What every route module of the API gets. */
export interface ApiDeps {
  config: Config
  db: Db
  store: DocStore
  registry: RoomRegistry
  /** Where the domain commands tell access changes (app.ts wires it to the registry). */
  access: AccessEvents
  auth: AuthService
  /** Live events for `GET /api/events`: what a route publishes reaches the audience on every instance. */
  events: EventBus
  /** Attributed claim changes of every room (collab/attribution): review state and history listen here. */
  attribution: Attribution
  /** Workshops' end times: an end set here gets its timer at once (domain/workshop-clock.ts). */
  clock: WorkshopClock
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set for every /api request by callerResolver: null when nobody is signed in. */
    caller: Caller | null
    /** Set by articleGuard for /api/articles/:id and everything under it. */
    articleAccess: ArticleAccess
    /** The most body bytes this request may send: jsonBodyLimit for every /api request, limitBody for a route of its own. */
    bodyMaxBytes: number
  }
}

const STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
}

/** Maps known errors to `{error}` with their status; anything else is the app's 500. */
export function errorResponse(err: unknown, c: Context): Response | undefined {
  if (err instanceof DomainError) return c.json({ error: err.message }, STATUS[err.kind])
  if (err instanceof HTTPException)
    return c.json({ error: err.message || 'request refused' }, err.status as ContentfulStatusCode)
  return undefined
}

export const badRequest = (message: string): DomainError => new DomainError('invalid', message)

/** The first problem of a failed parse, naming the field: `title: Too big: expected string to have <=300 characters`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid request body'
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body'
  return `${field}: ${issue.message}`
}

/**
 * Parses the JSON body and validates it; malformed JSON and schema failures are 400s, never 500s.
 * `emptyAs`: what an empty body stands for, on routes whose every field is optional.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { emptyAs?: unknown } = {},
): Promise<z.output<S>> {
  const text = await readBodyText(c, c.get('bodyMaxBytes') ?? FALLBACK_BODY_MAX_BYTES)
  let raw: unknown
  try {
    raw = text.trim() === '' ? options.emptyAs : JSON.parse(text)
  } catch {
    throw badRequest('malformed JSON body')
  }
  if (raw === undefined) throw badRequest('body: a JSON object is required')
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw badRequest(describeZodError(parsed.error))
  return parsed.data
}

/** Validates the query string (one value per name) like a body: a failure is a 400 naming the parameter. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query())
  if (!parsed.success) throw badRequest(describeZodError(parsed.error))
  return parsed.data
}

/** For a request that reached readJson without jsonBodyLimit (a route mounted outside /api). */
const FALLBACK_BODY_MAX_BYTES = 64 * 1024

const tooLarge = (maxBytes: number): DomainError =>
  new DomainError('too_large', `request body larger than ${maxBytes} bytes`)

/**
 * The body as text, refused (413) past maxBytes without holding more than that: by its
 * Content-Length before a byte is read, and by counting what arrives for a chunked body. What
 * the client still sends after the refusal is drained and dropped by @hono/node-server.
 */
async function readBodyText(c: Context, maxBytes: number): Promise<string> {
  const declared = c.req.header('content-length')
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes)
  const body = c.req.raw.body
  if (!body) return ''
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let size = 0
  let text = ''
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength
    // Not cancelled: cancelling would reset the connection before the 413 is written.
    if (size > maxBytes) throw tooLarge(maxBytes)
    text += decoder.decode(chunk.value, { stream: true })
  }
  return text + decoder.decode()
}

/** Every /api request's body budget unless its route sets its own (limitBody): `JSON_MAX_BYTES`. */
export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    c.set('bodyMaxBytes', maxBytes)
    await next()
  }
}

/** A route's own body budget (larger or smaller than JSON_MAX_BYTES); refuses a larger body with 413 before reading it whole. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json({ error: `request body larger than ${maxBytes} bytes` }, 413),
  })
  return async (c, next) => {
    c.set('bodyMaxBytes', maxBytes)
    return limit(c, next)
  }
}

export function requireCaller(c: Context): Caller {
  const caller = c.get('caller')
  if (!caller) throw new DomainError('unauthenticated', 'not signed in')
  return caller
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF: a state-changing request not authenticated by a Bearer token must come
 * from our own origin (Origin, else Sec-Fetch-Site, else Referer, against Host).
 */
export function originGuard(auth: AuthService): MiddlewareHandler {
  return async (c, next) => {
    const authorization = c.req.header('authorization')
    // Exempt only what resolve() will authenticate by token: a browser cannot attach this header cross-origin.
    const bearer = authorization ? auth.lucia.readBearerToken(authorization) : null
    if (!SAFE_METHODS.has(c.req.method) && !bearer) {
      const verdict = checkSameOrigin(c.req.raw.headers, auth.originPolicy)
      if (!verdict.ok) return c.json({ error: verdict.reason }, 403)
    }
    await next()
  }
}

/** Resolves the caller once per request; an invalid Bearer token is a 401 at once, a stale cookie is cleared. */
export function callerResolver(auth: AuthService): MiddlewareHandler {
  return async (c, next) => {
    const resolved = await auth.resolve(c.req.raw.headers)
    if (resolved.kind === 'invalid' && resolved.via === 'token')
      return c.json({ error: 'invalid or revoked API token' }, 401)
    c.set('caller', resolved.kind === 'caller' ? resolved.caller : null)
    await next()
    // Afterwards, so a handler that issues a session (login, signup) is the only cookie sent.
    if (c.res.headers.getSetCookie().some((line) => line.startsWith(`${auth.lucia.sessionCookieName}=`))) return
    if (resolved.kind === 'invalid') auth.clearSessionCookie(c)
    else if (resolved.kind === 'caller' && resolved.refreshCookie && resolved.caller.sessionId)
      auth.setSessionCookie(c, resolved.caller.sessionId)
  }
}
