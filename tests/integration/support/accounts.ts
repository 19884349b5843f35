import { randomUUID } from 'node:crypto'
import WS from 'ws'
import type { TestServer } from './server.js'

/** One HTTP answer, body parsed when it is JSON. */
export interface Answer<T = any> {
  status: number
  body: T
  headers: Headers
}

export interface CallOptions {
  method?: string
  /** JSON-encoded unless it is already a string (to send malformed JSON). */
  body?: unknown
  cookie?: string
  token?: string
  headers?: Record<string, string>
  /** Send an Origin header equal to the server's own origin (what a browser does on a POST). */
  sameOrigin?: boolean
}

export async function call<T = any>(
  server: Pick<TestServer, 'httpUrl'>,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.body !== undefined) headers['content-type'] ??= 'application/json'
  if (options.cookie) headers.cookie = options.cookie
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.sameOrigin) headers.origin = server.httpUrl
  const res = await fetch(`${server.httpUrl}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = text === '' ? null : JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: body as T, headers: res.headers }
}

/** `fc_session=<id>` from a response's Set-Cookie, or undefined. */
export function sessionCookie(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';')[0]!
    if (pair.startsWith('fc_session=') && pair !== 'fc_session=') return pair
  }
  return undefined
}

/** `fc_device_<userId>=<value>` (the login throttle's device cookie, device-cookie.ts) from a response's Set-Cookie, or undefined. */
export function deviceCookie(headers: Headers): string | undefined {
  return headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => /^fc_device_[A-Za-z0-9_-]+=./.test(pair))
}

export interface Account {
  user: { id: string; email: string; name: string }
  email: string
  password: string
  cookie: string
  token: string
  /** The workspace created at signup (the user owns it). */
  workspaceId: string
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`
}

/** Signs up, mints an API token and finds the first workspace. */
export async function signUp(server: Pick<TestServer, 'httpUrl'>, label = 'user'): Promise<Account> {
  const email = uniqueEmail(label)
  const password = `pw-${randomUUID()}`
  const res = await call(server, '/api/auth/signup', { body: { email, password, name: label }, sameOrigin: true })
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`)
  const cookie = sessionCookie(res.headers)
  if (!cookie) throw new Error('signup set no session cookie')
  const tokenRes = await call(server, '/api/tokens', { body: { name: 'tests' }, cookie, sameOrigin: true })
  if (tokenRes.status !== 201) throw new Error(`token failed: ${tokenRes.status} ${JSON.stringify(tokenRes.body)}`)
  const workspaces = await call<{ id: string }[]>(server, '/api/workspaces', { token: tokenRes.body.token })
  return {
    user: res.body.user,
    email,
    password,
    cookie,
    token: tokenRes.body.token,
    workspaceId: workspaces.body[0]!.id,
  }
}

/** Brings `who` into the workspace with the role, through an invite minted by `inviter`. */
export async function join(
  server: Pick<TestServer, 'httpUrl'>,
  inviter: Account,
  workspaceId: string,
  who: Account,
  role: string,
): Promise<void> {
  const invite = await call(server, `/api/workspaces/${workspaceId}/invites`, { body: { role }, token: inviter.token })
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`)
  const accepted = await call(server, `/api/invites/${invite.body.code}/accept`, { method: 'POST', token: who.token })
  if (accepted.status !== 200 || accepted.body.role !== role)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`)
}

/** Changes `who`'s role in `owner`'s workspace (PATCH on the member); the caller checks the answer. */
export function setRole(
  server: Pick<TestServer, 'httpUrl'>,
  owner: Account,
  who: Account,
  role: string,
): Promise<Answer> {
  return call(server, `/api/workspaces/${owner.workspaceId}/members/${who.user.id}`, {
    method: 'PATCH',
    body: { role },
    token: owner.token,
  })
}

export async function createArticle(
  server: Pick<TestServer, 'httpUrl'>,
  account: Account,
  workspaceId: string,
  body: Record<string, unknown> = { title: 'An article', text: 'The minister said 40% of roads were repaired.' },
): Promise<{ id: string; docId: string; title: string }> {
  const res = await call(server, `/api/workspaces/${workspaceId}/articles`, { body, token: account.token })
  if (res.status !== 201) throw new Error(`article failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/**
 * Opens a bare socket and reports how the server ended it: the close code, or
 * 'open' when it was still open (and had sent sync step 1) after `openMs`.
 */
export function socketOutcome(
  url: string,
  options: { headers?: Record<string, string>; openMs?: number } = {},
): Promise<{ code: number | 'open'; reason: string; messages: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WS(url, { headers: options.headers })
    let messages = 0
    let timer: NodeJS.Timeout | undefined
    ws.on('message', () => messages++)
    ws.on('open', () => {
      timer = setTimeout(() => {
        ws.removeAllListeners('close')
        ws.close()
        resolve({ code: 'open', reason: '', messages })
      }, options.openMs ?? 500)
    })
    ws.on('close', (code, reason) => {
      if (timer) clearTimeout(timer)
      resolve({ code, reason: reason.toString(), messages })
    })
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)))
    ws.on('error', () => undefined)
  })
}
