import { readFileSync } from 'node:fs'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { addClaim, BodyText, setStatus, setVerdict, VERDICT_IDS } from '@fc/shared/schema/index'

const seedText = readFileSync(new URL('../../../shared/fixtures/seed-article.txt', import.meta.url), 'utf8').trim()
const PASSWORD = 'bench typing password 1'

export interface Account {
  email: string
  password: string
  name: string
}

/** A signed-in API caller (Node fetch with the session cookie), enough to set a benchmark up. */
export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    readonly account: Account,
    private readonly cookie: string,
  ) {}

  static async signUp(baseUrl: string, name: string): Promise<ApiSession> {
    const account = {
      name,
      email: `${name.toLowerCase()}-${process.pid}-${Date.now()}@bench.example`,
      password: PASSWORD,
    }
    const res = await fetch(`${baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    })
    if (!res.ok) throw new Error(`signup: ${res.status} ${await res.text()}`)
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    return new ApiSession(baseUrl, account, cookie)
  }

  async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }

  async firstWorkspace(): Promise<string> {
    const list = await this.call<Array<{ id: string }>>('GET', '/api/workspaces')
    const first = list[0]
    if (first === undefined) throw new Error('sign-up made no workspace')
    return first.id
  }
}

export interface SeededArticle {
  id: string
  docId: string
  copies: number
  claims: number
  bytes: number
}

/**
 * The demo article `copies` times as one plain-text import (POST /api/workspaces/:id/articles),
 * then `claims` claims marked through a stock y-websocket client with the shared schema, as a
 * bot or the editor would: real Yjs relative positions, quote and context from the text.
 */
export async function seedArticle(
  owner: ApiSession,
  workspaceId: string,
  copies: number,
  claims: number,
): Promise<SeededArticle> {
  const text = Array.from({ length: copies }, () => seedText).join('\n')
  const article = await owner.call<{ id: string; docId: string }>('POST', `/api/workspaces/${workspaceId}/articles`, {
    title: `Demo ×${copies}, ${claims} claims`,
    text,
  })
  if (claims > 0) await markClaims(owner, article.docId, claims)
  return { id: article.id, docId: article.docId, copies, claims, bytes: Buffer.byteLength(text) }
}

async function markClaims(owner: ApiSession, docId: string, count: number): Promise<void> {
  const { token } = await owner.call<{ token: string }>('POST', '/api/tokens', { name: 'bench seeder' })
  const doc = new Y.Doc()
  const wsBase = `${owner.baseUrl.replace(/^http/, 'ws')}/collab`
  const provider = new WebsocketProvider(wsBase, docId, doc, {
    WebSocketPolyfill: WebSocket as never,
    params: { token },
    disableBc: true,
  })
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('seeder: no sync within 30 s')), 30_000)
      provider.on('sync', (synced: boolean) => {
        if (!synced) return
        clearTimeout(timer)
        resolve()
      })
    })
    const body = BodyText.of(doc)
    const ranges = claimRanges(body.text, count)
    // Batches of 100 claims per transaction: no single frame comes near the message limit.
    for (let i = 0; i < ranges.length; i += 100) {
      doc.transact(() => {
        for (let j = i; j < Math.min(i + 100, ranges.length); j++) {
          const [from, to] = ranges[j]!
          const id = addClaim(doc, {
            startRel: body.relativePositionAt(from, 'start'),
            endRel: body.relativePositionAt(to, 'end'),
            createdBy: 'bench',
          })
          // A realistic mix: a third with a verdict (each verdict colour), a third being researched.
          if (j % 3 === 0) setVerdict(doc, id, VERDICT_IDS[j % VERDICT_IDS.length]!, 'Checked against the source.')
          else if (j % 3 === 1) setStatus(doc, id, 'researching')
        }
      })
    }
    await flushed(provider, doc, count)
  } finally {
    provider.destroy()
    doc.destroy()
  }
}

/** Word-aligned ranges of 40–120 characters spread evenly over the text (they may overlap when dense). */
function claimRanges(text: string, count: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (let i = 0; i < count; i++) {
    let from = Math.floor(((i + 0.5) * text.length) / count)
    while (from < text.length && !/\w/.test(text[from]!)) from++
    while (from > 0 && /\w/.test(text[from - 1]!)) from--
    let to = Math.min(text.length, from + 40 + ((i * 37) % 80))
    while (to < text.length && /\w/.test(text[to]!)) to++
    const slice = text.slice(from, to)
    // A claim never spans a paragraph break here: cut it at the first one.
    const br = slice.indexOf('\n')
    if (br > 0) to = from + br
    if (to > from) ranges.push([from, to])
  }
  return ranges
}

/** Waits until the server has the claims: a second stock client syncs and counts them. */
async function flushed(writer: WebsocketProvider, written: Y.Doc, count: number): Promise<void> {
  const deadline = Date.now() + 60_000
  const url = writer.url.split('?')[0]!.replace(/\/[^/]+$/, '')
  const docId = writer.roomname
  const params = Object.fromEntries(new URL(writer.url).searchParams)
  while (Date.now() < deadline) {
    const check = new Y.Doc()
    const reader = new WebsocketProvider(url, docId, check, {
      WebSocketPolyfill: WebSocket as never,
      params,
      disableBc: true,
    })
    const seen = await new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(-1), 10_000)
      reader.on('sync', (synced: boolean) => {
        if (!synced) return
        clearTimeout(timer)
        resolve(check.getMap('claims').size)
      })
    })
    reader.destroy()
    check.destroy()
    if (seen >= Math.min(count, written.getMap('claims').size)) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('seeder: the server did not hold the claims within 60 s')
}

/** A second member of the workspace (for the remote-typing row): invited as a checker. */
export async function inviteSecondUser(owner: ApiSession, workspaceId: string): Promise<ApiSession> {
  const { code } = await owner.call<{ code: string }>('POST', `/api/workspaces/${workspaceId}/invites`, {
    role: 'checker',
  })
  const second = await ApiSession.signUp(owner.baseUrl, 'Second')
  await second.call('POST', `/api/invites/${code}/accept`)
  return second
}
