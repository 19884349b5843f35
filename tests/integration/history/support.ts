import { getBodyText, writePlainTextBody } from '@fc/shared'
import type * as Y from 'yjs'
import { call, type Account } from '../support/accounts.js'
import { connectClient, eventually, type TestClient } from '../support/clients.js'
import type { TestServer } from '../support/server.js'

export interface VersionItem {
  id: string
  at: string
  kind: string
  label?: string
  by?: { id: string; name: string }
}

export async function versions(
  server: TestServer,
  who: Account,
  articleId: string,
  query = '',
): Promise<VersionItem[]> {
  const res = await call<VersionItem[]>(server, `/api/articles/${articleId}/versions${query}`, { token: who.token })
  if (res.status !== 200) throw new Error(`versions: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Opens a stock client with the account's token, runs `edit` once synced, and closes it. */
export async function editAndLeave(
  server: TestServer,
  who: Account,
  docId: string,
  edit: (doc: Y.Doc) => void,
): Promise<void> {
  const client = connectClient(server, docId, { token: who.token })
  await client.synced
  edit(client.doc)
  await settle(client)
  client.destroy()
}

/** Gives the socket time to carry what the client sent (a stock client has no acknowledgements). */
export async function settle(_client: TestClient): Promise<void> {
  await new Promise((r) => setTimeout(r, 200))
}

/** Waits for the number of versions of the article to reach `count`, and returns them. */
export async function versionsReach(
  server: TestServer,
  who: Account,
  articleId: string,
  count: number,
): Promise<VersionItem[]> {
  let list: VersionItem[] = []
  await eventually(
    async () => (list = await versions(server, who, articleId)).length >= count,
    5000,
    `${count} versions`,
  )
  return list
}

/** Replaces the article's whole text (paragraphs joined by blank lines) in one change. */
export function rewrite(doc: Y.Doc, text: string): void {
  writePlainTextBody(doc, text)
  if (getBodyText(doc) !== text) throw new Error('the body did not take the text')
}
