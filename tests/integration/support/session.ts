import type { Account } from './accounts.js'
import { createArticle, signUp } from './accounts.js'
import type { TestServer } from './server.js'

type ServerLike = Pick<TestServer, 'httpUrl'>

export interface DocAccess {
  docId: string
  articleId: string
  workspaceId: string
  /** The writer's personal API token (Bearer on the API, `token` on the socket). */
  token: string
  /** Query parameters for the socket: the API token of a member who may write. */
  params: Record<string, string>
}

// One account per server process (signup costs a scrypt); a new article per document.
const writers = new WeakMap<ServerLike, Promise<Account>>()

/**
 * A fresh document the caller may write. The one place that knows how a test
 * client obtains a document and its credentials: an owner's API token and a
 * new article (empty unless text is given) in their workspace.
 */
export async function writableDoc(server: ServerLike, text?: string): Promise<DocAccess> {
  let writer = writers.get(server)
  if (!writer) {
    writer = signUp(server, 'writer')
    writers.set(server, writer)
    writer.catch(() => writers.delete(server))
  }
  const account = await writer
  const article = await createArticle(server, account, account.workspaceId, {
    title: `Integration article ${Math.random().toString(36).slice(2, 8)}`,
    ...(text === undefined ? {} : { text }),
  })
  return {
    docId: article.docId,
    articleId: article.id,
    workspaceId: account.workspaceId,
    token: account.token,
    params: { token: account.token },
  }
}
