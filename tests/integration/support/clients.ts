import WS from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { TestServer } from './server.js'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  synced: Promise<void>
  destroy(): void
}

/**
 * A stock y-websocket client in Node, exactly as an integration bot would write it
 * (`socketClass`: a ws subclass that adds headers, to act as a browser with cookies).
 */
export function connectClient(
  server: Pick<TestServer, 'wsUrl'>,
  docId: string,
  params: Record<string, string> = {},
  socketClass: new (url: string, protocols?: string | string[]) => WS = WS,
): TestClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(server.wsUrl, docId, doc, {
    WebSocketPolyfill: socketClass as unknown as typeof WebSocket,
    disableBc: true,
    params,
  })
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    provider.on('sync', (isSynced: boolean) => isSynced && resolve())
  })
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Frames of one socket are handled in order: once the watcher sees this client's new
 * awareness mark, the server has handled (applied or dropped) everything it sent before.
 */
export async function drained(client: TestClient, watcher: TestClient, mark: string): Promise<void> {
  client.provider.awareness.setLocalStateField('mark', mark)
  await waitFor(
    () => [...watcher.provider.awareness.getStates().values()].some((s) => s.mark === mark),
    5000,
    `awareness ${mark}`,
  )
  await sleep(100)
}

/** Polls an async check until it holds (the server applies socket updates asynchronously). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Stops the server cleanly (exit 0), starts it again on the same data, and opens a synced client on the document. */
export async function syncedAfterRestart(
  server: Pick<TestServer, 'wsUrl' | 'stop' | 'restart'>,
  docId: string,
  params: Record<string, string>,
): Promise<TestClient> {
  const code = await server.stop()
  if (code !== 0) throw new Error(`server exited with ${code} on SIGTERM`)
  await server.restart()
  const client = connectClient(server, docId, params)
  await client.synced
  return client
}

/**
 * SIGKILL (no chance to flush), every open client dropped so none can resend what it holds,
 * a restart, and a fresh client synced on the document: what storage kept, and only that.
 */
export async function reopenAfterKill(
  server: Pick<TestServer, 'wsUrl' | 'kill' | 'restart'>,
  clients: TestClient[],
  docId: string,
  params: Record<string, string>,
): Promise<TestClient> {
  await server.kill()
  for (const c of clients.splice(0)) c.destroy()
  await server.restart()
  const fresh = connectClient(server, docId, params)
  clients.push(fresh)
  await fresh.synced
  return fresh
}
