// The one place the browser talks HTTP to our server (docs/api.md). Every call resolves to
// typed data or throws an ApiError carrying the server's `{error}` message, so screens can
// show exactly what went wrong instead of a generic failure.

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

export interface Health {
  ok: true
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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** Bytes sent as they are instead of a JSON `body` (an evidence file), with their own headers. */
  upload?: { body: Blob; headers: Record<string, string> }
  /** A 401 here is an answer, not a lost session. */
  expectUnauthorized?: boolean
}

/** The one fetch of the client: every typed call (here, claims.ts, workshops.ts) goes through it. */
export async function request<T>(
  path: string,
  { method = 'GET', body, upload, expectUnauthorized = false }: RequestOptions = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
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
  return payload as T
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

export const api = {
  health: () => request<Health>('/api/health'),
  demoArticle: () => request<DemoArticle>('/api/demo'),

  // Accounts and sessions
  me: () => request<{ user: User }>('/api/me', { expectUnauthorized: true }).then((r) => r.user),
  signup: (input: { name: string; email: string; password: string }) =>
    request<{ user: User }>('/api/auth/signup', { method: 'POST', body: input, expectUnauthorized: true }).then(
      (r) => r.user,
    ),
  login: (input: { email: string; password: string }) =>
    request<{ user: User }>('/api/auth/login', { method: 'POST', body: input, expectUnauthorized: true }).then(
      (r) => r.user,
    ),
  logout: () => request<null>('/api/auth/logout', { method: 'POST', expectUnauthorized: true }),

  // Personal API tokens
  tokens: () => request<ApiTokenInfo[]>('/api/tokens'),
  createToken: (name: string) => request<NewApiToken>('/api/tokens', { method: 'POST', body: { name } }),
  revokeToken: (tokenId: string) => request<null>(`/api/tokens/${id(tokenId)}`, { method: 'DELETE' }),

  // Workspaces, invites, members
  workspaces: () => request<Workspace[]>('/api/workspaces'),
  workspace: (workspaceId: string) => request<Workspace>(`/api/workspaces/${id(workspaceId)}`),
  createWorkspace: (name: string) => request<Workspace>('/api/workspaces', { method: 'POST', body: { name } }),
  createInvite: (workspaceId: string, role: Role) =>
    request<Invite>(`/api/workspaces/${id(workspaceId)}/invites`, { method: 'POST', body: { role } }),
  acceptInvite: (code: string) => request<AcceptedInvite>(`/api/invites/${id(code)}/accept`, { method: 'POST' }),
  members: (workspaceId: string) => request<Member[]>(`/api/workspaces/${id(workspaceId)}/members`),
  changeRole: (workspaceId: string, userId: string, role: Role) =>
    request<Member>(`/api/workspaces/${id(workspaceId)}/members/${id(userId)}`, { method: 'PATCH', body: { role } }),
  removeMember: (workspaceId: string, userId: string) =>
    request<null>(`/api/workspaces/${id(workspaceId)}/members/${id(userId)}`, { method: 'DELETE' }),

  // Articles
  articles: (workspaceId: string) => request<Article[]>(`/api/workspaces/${id(workspaceId)}/articles`),
  article: (articleId: string) => request<Article>(`/api/articles/${id(articleId)}`),
  createArticle: (workspaceId: string, input: NewArticle) =>
    request<Article>(`/api/workspaces/${id(workspaceId)}/articles`, { method: 'POST', body: input }),
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
