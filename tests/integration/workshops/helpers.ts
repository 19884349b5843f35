import { getBodyText, markClaimAtText, setVerdict, type VerdictId } from '@fc/shared'
import WS from 'ws'
import * as Y from 'yjs'
import { type Account, type Answer, call } from '../support/accounts.js'
import { type TestClient, connectClient } from '../support/clients.js'
import type { TestServer } from '../support/server.js'

type ServerLike = Pick<TestServer, 'httpUrl'>

export const ARTICLE = [
  'In its statement, the BLA alleged that 84 Pakistani security personnel were killed and dozens more wounded.',
  'It also claimed to have taken 18 personnel captive, reported NDTV.',
  'The group said it seized or destroyed more than 30 government-linked facilities across the province.',
  'The announcement was made on January 31, according to the statement.',
].join('\n')

export interface CreatedWorkshop {
  id: string
  joinCode: string
  articleId: string
  workspaceId: string
}

export async function createWorkshop(
  server: ServerLike,
  trainer: Account,
  workspaceId: string,
  articleId: string,
  title = 'Morning training',
): Promise<CreatedWorkshop> {
  const res = await call(server, `/api/workspaces/${workspaceId}/workshops`, {
    body: { articleId, title },
    token: trainer.token,
  })
  if (res.status !== 201) throw new Error(`workshop failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { id: res.body.id, joinCode: res.body.joinCode, articleId, workspaceId }
}

/** `fc_guest=<token>` from a response's Set-Cookie, or undefined. */
export function guestCookie(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';')[0]!
    if (pair.startsWith('fc_guest=') && pair !== 'fc_guest=') return pair
  }
  return undefined
}

export interface Guest {
  participantId: string
  docId: string
  cookie: string
  answer: Answer
}

/** Joins as a browser would (same-origin POST), reusing `cookie` when given. */
export async function joinAs(server: ServerLike, code: string, name: string, cookie?: string): Promise<Guest> {
  const answer = await call(server, '/api/workshops/join', { body: { code, name }, cookie, sameOrigin: true })
  if (answer.status !== 200) throw new Error(`join failed: ${answer.status} ${JSON.stringify(answer.body)}`)
  const issued = guestCookie(answer.headers) ?? cookie
  if (!issued) throw new Error('join set no guest cookie')
  return { participantId: answer.body.participantId, docId: answer.body.docId, cookie: issued, answer }
}

/**
 * A stock y-websocket client authenticated the way a browser is: by its cookie
 * (and our own Origin), without a `token` parameter.
 */
export function cookieClient(
  server: Pick<TestServer, 'wsUrl' | 'httpUrl'>,
  docId: string,
  cookie: string,
  params: Record<string, string> = {},
): TestClient {
  const headers = { cookie, origin: server.httpUrl }
  class BrowserLikeSocket extends WS {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  return connectClient(server, docId, params, BrowserLikeSocket)
}

/** Everything a synced document holds, as text: its JSON view and the raw encoded state. */
export function everythingIn(doc: Y.Doc): string {
  const json = JSON.stringify({
    body: doc.getXmlFragment('body').toString(),
    claims: doc.getMap('claims').toJSON(),
    share: [...doc.share.keys()],
  })
  return json + Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1')
}

/** Marks `quote` in the client's copy as a participant would, with a verdict; the claim's id. */
export function mark(client: TestClient, quote: string, verdict: VerdictId, by: string): string {
  const from = getBodyText(client.doc).indexOf(quote)
  if (from < 0) throw new Error(`not in the copy: ${quote}`)
  const claimId = markClaimAtText(client.doc, from, from + quote.length, { createdBy: by })
  setVerdict(client.doc, claimId, verdict, 'because')
  return claimId
}
