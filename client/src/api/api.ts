// The one place the browser talks HTTP to our server (docs/api.md). Every call resolves to
// typed data or throws an ApiError carrying the server's `{error}` message, so screens can
// show exactly what went wrong instead of a generic failure.

import type { ApiRoutes } from '@fc/server/src/routes/api'
import { type ClientResponse, hc } from 'hono/client'
import type { ResponseFormat } from 'hono/types'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import type { Member, Role } from './types'

export interface User {
  id: string
  email: string
  name: string
}

export interface Workspace {
  id: string
  name: string
  role: Role
}

export type ArticleFormat = 'text' | 'markdown' | 'html' | 'empty' | 'demo'

export interface Article {
  id: string
  docId: string
  title: string
  workspaceId: string
  sourceUrl: string | null
  format: ArticleFormat | string
  createdBy: string
  createdAt: string
  /** The desk's overview (`GET /api/workspaces/:id/articles`); absent from an older server. */
  counts?: { claims: number; withVerdict: number; inReview: number; approved: number }
  published?: boolean
  factCheckPublishedAt?: string | null
  lastPublishedAt?: string | null
}

/** `GET /api/demo`: the caller's own copy of the seed article. */
export interface DemoArticle {
  id: string
  docId: string
  title: string
  workspaceId: string
}

export interface NewArticle {
  title: string
  sourceUrl?: string
  /** At most one body; none makes an empty article to write in the editor. */
  text?: string
  markdown?: string
  html?: string
}

export interface Invite {
  code: string
  role: Role
  expiresAt: string
}

export interface AcceptedInvite {
  workspaceId: string
  role: Role
}

export interface ApiTokenInfo {
  id: string
  name: string
  createdAt: string
  lastUsedAt: string | null
}

/** The secret is in this answer only; the server keeps a hash. */
export interface NewApiToken {
  id: string
  name: string
  token: string
}

export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached at all. */
  readonly status: number
  /** Seconds to wait, from `Retry-After` on a 429. */
  readonly retryAfter: number | null
  /** The whole error body, for answers that carry more than a message (a refused publish's claims). */
  readonly body: unknown

  constructor(message: string, status: number, retryAfter: number | null = null, body: unknown = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.retryAfter = retryAfter
    this.body = body
  }

  get unreachable(): boolean {
    return this.status === 0
  }

  /**
   * Input errors name the field first (`password: must be at least 10 characters`).
   * Returns that field and the rest of the message, so a form can put it beside the input.
   */
  get field(): { name: string; message: string } | null {
    if (this.status !== 400) return null
    const match = /^([A-Za-z][\w.]*): (.+)$/s.exec(this.message)
    if (match === null || match[1] === undefined || match[2] === undefined) return null
    return { name: match[1], message: match[2] }
  }
}

// Who hears about a 401 from an ordinary call: the session, which sends the person to
// /login. Calls that expect a 401 as an answer (me, login) opt out.
let onUnauthorized: (() => void) | null = null

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler
}

/**
 * The API as the server's route types describe it (server/src/routes/api.ts, `ApiRoutes`):
 * every path, method, path parameter, query and JSON body is checked by the compiler against
 * the server's own routes and validators, and each answer's type is its handler's. Only the
 * type crosses the package boundary (`import type`); the bundle holds `hc`'s small proxy.
 * Path parameters are sent as given: callers encode them (`id()`).
 */
export const client = hc<ApiRoutes>('/', {
  headers: { Accept: 'application/json' },
  init: { credentials: 'same-origin' },
})

/** What a route's success answers carry, as its handler types them; null for an empty body. */
export type Ok<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends 'json'
        ? T
        : null
      : never
    : never

export interface CallOptions {
  /** A 401 here is an answer, not a lost session. */
  expectUnauthorized?: boolean
}

/**
 * The one place answers are read: every call (here, claims.ts, workshops.ts, ...) goes through
 * it. Resolves to the success answer's data, or throws an ApiError with the server's `{error}`.
 */
export async function call<R extends ClientResponse<unknown, number, ResponseFormat>>(
  pending: Promise<R>,
  { expectUnauthorized = false }: CallOptions = {},
): Promise<Ok<R>> {
  let response: Response
  try {
    response = await pending
  } catch {
    // fetch only rejects when no HTTP answer arrived (server down, network gone).
    throw new ApiError('The server cannot be reached. Check your connection and try again.', 0)
  }
  const payload: unknown = await readJson(response)
  if (!response.ok) {
    if (response.status === 401 && !expectUnauthorized) onUnauthorized?.()
    const retryAfter = Number(response.headers.get('Retry-After'))
    throw new ApiError(
      errorMessage(payload) ?? `Request failed (${response.status})`,
      response.status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      payload,
    )
  }
  return payload as Ok<R>
}

export interface RequestOptions extends CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** Bytes sent as they are instead of a JSON `body` (an evidence file), with their own headers. */
  upload?: { body: Blob; headers: Record<string, string> }
}

/**
 * By path, for what the route types cannot describe (raw bytes of an upload): the same
 * credentials and the same answers as `call`. Everything else goes through `client`.
 */
export function request<T>(
  path: string,
  { method = 'GET', body, upload, ...options }: RequestOptions = {},
): Promise<T> {
  const sent = fetch(path, {
    method,
    credentials: 'same-origin',
    headers:
      upload !== undefined
        ? { Accept: 'application/json', ...upload.headers }
        : body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: upload !== undefined ? upload.body : body === undefined ? undefined : JSON.stringify(body),
  })
  return call(sent as Promise<ClientResponse<T, 200, 'json'>>, options)
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    // A proxy or a half-started server may answer with HTML; keep the status meaningful.
    return null
  }
}

function errorMessage(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const { error } = body as { error: unknown }
    if (typeof error === 'string' && error !== '') return error
  }
  return undefined
}

const id = encodeURIComponent

const quiet = { expectUnauthorized: true }

export const api = {
  demoArticle: (): Promise<DemoArticle> => call(client.api.demo.$get()),

  // Accounts and sessions
  me: (): Promise<User> => call(client.api.me.$get(), quiet).then((r) => r.user),
  signup: (input: { name: string; email: string; password: string }): Promise<User> =>
    call(client.api.auth.signup.$post({ json: input }), quiet).then((r) => r.user),
  login: (input: { email: string; password: string }): Promise<User> =>
    call(client.api.auth.login.$post({ json: input }), quiet).then((r) => r.user),
  logout: (): Promise<null> => call(client.api.auth.logout.$post(), quiet),

  // Personal API tokens
  tokens: (): Promise<ApiTokenInfo[]> => call(client.api.tokens.$get()),
  createToken: (name: string): Promise<NewApiToken> => call(client.api.tokens.$post({ json: { name } })),
  revokeToken: (tokenId: string): Promise<null> =>
    call(client.api.tokens[':tokenId'].$delete({ param: { tokenId: id(tokenId) } })),

  // Workspaces, invites, members
  workspaces: (): Promise<Workspace[]> => call(client.api.workspaces.$get()),
  workspace: (workspaceId: string): Promise<Workspace> =>
    call(client.api.workspaces[':id'].$get({ param: { id: id(workspaceId) } })),
  createWorkspace: (name: string): Promise<Workspace> => call(client.api.workspaces.$post({ json: { name } })),
  createInvite: (workspaceId: string, role: Role): Promise<Invite> =>
    call(client.api.workspaces[':id'].invites.$post({ param: { id: id(workspaceId) }, json: { role } })),
  acceptInvite: (code: string): Promise<AcceptedInvite> =>
    call(client.api.invites[':code'].accept.$post({ param: { code: id(code) } })),
  members: (workspaceId: string): Promise<Member[]> =>
    call(client.api.workspaces[':id'].members.$get({ param: { id: id(workspaceId) } })),
  changeRole: (workspaceId: string, userId: string, role: Role): Promise<Member> =>
    call(
      client.api.workspaces[':id'].members[':userId'].$patch({
        param: { id: id(workspaceId), userId: id(userId) },
        json: { role },
      }),
    ),
  removeMember: (workspaceId: string, userId: string): Promise<null> =>
    call(
      client.api.workspaces[':id'].members[':userId'].$delete({ param: { id: id(workspaceId), userId: id(userId) } }),
    ),

  // Articles
  articles: (workspaceId: string): Promise<Article[]> =>
    call(client.api.workspaces[':id'].articles.$get({ param: { id: id(workspaceId) } })),
  article: (articleId: string): Promise<Article> =>
    call(client.api.articles[':id'].$get({ param: { id: id(articleId) } })),
  createArticle: (workspaceId: string, input: NewArticle): Promise<Article> =>
    call(client.api.workspaces[':id'].articles.$post({ param: { id: id(workspaceId) }, json: input })),
}

/** A failure as a person reads it: what happened, in words, without HTTP jargon. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.unreachable) return error.message
    if (error.status === 429) {
      const wait = error.retryAfter
      return wait === null
        ? 'Too many attempts. Wait a little and try again.'
        : `Too many attempts. Try again in ${wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.`
    }
    if (error.status === 413) return 'That is too large to send. Shorten it or split it into several articles.'
    return sentence(error.message)
  }
  return error instanceof Error ? error.message : String(error)
}

/** Server messages are lower-case fragments ("wrong email or password"); screens show sentences. */
export function sentence(message: string): string {
  const trimmed = message.trim()
  if (trimmed === '') return trimmed
  const capital = trimmed[0]!.toLocaleUpperCase() + trimmed.slice(1)
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}
