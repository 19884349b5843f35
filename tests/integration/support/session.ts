import { randomUUID } from 'node:crypto';
import type { TestServer } from './server.js';

type ServerLike = Pick<TestServer, 'httpUrl'>;

export interface DocAccess {
  docId: string;
  articleId: string;
  workspaceId: string;
  /** The writer's personal API token (Bearer on the API, `token` on the socket). */
  token: string;
  /** Query parameters for the socket: the API token of a member who may write. */
  params: Record<string, string>;
}

export interface TestUser {
  userId: string;
  email: string;
  token: string;
  /** The user's first workspace, where they are owner. */
  workspaceId: string;
}

async function json(res: Response, what: string): Promise<any> {
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Signs a new user up the way a script would: account, then a personal API token. */
export async function newUser(server: ServerLike, name = 'Integration'): Promise<TestUser> {
  const email = `it-${randomUUID()}@example.test`;
  const signup = await fetch(`${server.httpUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: `pw-${randomUUID()}`, name }),
  });
  const { user } = await json(signup, 'signup');
  const cookie = signup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { token } = await json(
    await fetch(`${server.httpUrl}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.httpUrl },
      body: JSON.stringify({ name: 'integration' }),
    }),
    'token',
  );
  const workspaces = await json(await fetch(`${server.httpUrl}/api/workspaces`, { headers: { authorization: `Bearer ${token}` } }), 'workspaces');
  return { userId: user.id, email, token, workspaceId: workspaces[0].id };
}

/** A new article in the user's workspace (empty unless text is given); its document is what the socket opens. */
export async function newArticle(server: ServerLike, user: TestUser, text?: string): Promise<{ articleId: string; docId: string }> {
  const article = await json(
    await fetch(`${server.httpUrl}/api/workspaces/${user.workspaceId}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ title: `it-${randomUUID().slice(0, 8)}`, ...(text === undefined ? {} : { text }) }),
    }),
    'article',
  );
  return { articleId: article.id, docId: article.docId };
}

// One account per server process (signup costs a scrypt); a new article per document.
const writers = new WeakMap<ServerLike, Promise<TestUser>>();

/**
 * A fresh document the caller may write. The one place that knows how a test
 * client obtains a document and its credentials: an owner's API token and a
 * new article in their workspace.
 */
export async function writableDoc(server: ServerLike, text?: string): Promise<DocAccess> {
  let writer = writers.get(server);
  if (!writer) {
    writer = newUser(server);
    writers.set(server, writer);
    writer.catch(() => writers.delete(server));
  }
  const user = await writer;
  const article = await newArticle(server, user, text);
  return { ...article, workspaceId: user.workspaceId, token: user.token, params: { token: user.token } };
}
