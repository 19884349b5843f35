import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ServerHandle } from '../servers/types.js'

/**
 * Each server through its own stock client, one socket per client as a browser tab
 * would have: y-websocket's WebsocketProvider for the y-websocket protocol,
 * HocuspocusProviderWebsocket + HocuspocusProvider for Hocuspocus.
 */
export interface StockClient {
  doc: Y.Doc
  /** Resolves with ms from construction (socket open starts there) to the first completed sync. */
  synced: Promise<number>
  /** Socket open right now (a stock provider reconnects on its own after a drop). */
  connected(): boolean
  /** Socket closes seen after the first sync (unexpected ones: the scenario never closes them). */
  drops(): number
  /**
   * Tells the server this client is still there. Hocuspocus 4.6 terminates a socket that sent
   * nothing for 30 s (its `timeout`), and a reader without presence sends nothing; the other
   * two servers keep silent clients (WebSocket-level pings, which `ws` answers by itself).
   */
  keepAlive(): void
  destroy(): void
}

export interface StockOptions {
  /**
   * false: no presence. Stock providers renew their awareness state every 15 s and the
   * server fans each renewal out to everyone; with hundreds of idle clients parked on a
   * server that is not being measured, that would load the shared server core.
   */
  awareness?: boolean
}

export function connectStock(
  server: ServerHandle,
  docId: string,
  doc: Y.Doc = new Y.Doc(),
  opts: StockOptions = {},
): StockClient {
  const awareness = opts.awareness ?? true
  const startedAt = performance.now()
  if (server.protocol === 'hocuspocus') {
    const socket = new HocuspocusProviderWebsocket({
      url: server.wsBase,
      WebSocketPolyfill: WebSocket,
      // A failed connect should surface as a timeout in the scenario, not retry forever in the background.
      maxAttempts: 1,
    })
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: docId,
      document: doc,
      token: server.token,
      ...(awareness ? {} : { awareness: null }),
    })
    provider.attach()
    const synced = new Promise<number>((resolve) => {
      provider.on('synced', () => resolve(performance.now() - startedAt))
    })
    let closes = 0
    provider.on('close', () => closes++)
    return {
      doc,
      synced,
      connected: () => socket.status === 'connected',
      drops: () => closes,
      keepAlive: () => provider.sendStateless(''),
      destroy() {
        provider.destroy()
        socket.destroy()
      },
    }
  }
  const provider = new WebsocketProvider(server.wsBase, docId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: server.params,
  })
  // Cleared before the socket opens, so the provider never announces a presence at all.
  if (!awareness) provider.awareness.setLocalState(null)
  const synced = new Promise<number>((resolve) => {
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve(performance.now() - startedAt)
    })
  })
  let closes = 0
  provider.on('connection-close', () => closes++)
  return {
    doc,
    synced,
    connected: () => provider.wsconnected,
    drops: () => closes,
    keepAlive: () => undefined,
    destroy: () => provider.destroy(),
  }
}
