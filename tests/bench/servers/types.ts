import type { Memory } from '../lib/memory.js'

export type ServerName = 'ours' | 'y-websocket-server' | 'hocuspocus' | 'bare-relay'

/** Wire dialect: the stock y-websocket one, or Hocuspocus' (document-name prefix + auth message). */
export type Protocol = 'y-websocket' | 'hocuspocus'

/** Everything a client needs to open a socket to a document (plain data: it crosses to child processes). */
export interface Endpoint {
  protocol: Protocol
  /**
   * y-websocket protocol: `${wsBase}/${docId}` is the socket URL (WebsocketProvider's serverUrl).
   * Hocuspocus: the single socket URL; the document name travels in every frame.
   */
  wsBase: string
  /** Query parameters every socket carries (ours: the API token once auth exists). */
  params: Record<string, string>
  /** Token for Hocuspocus' auth message ('' when the server has no auth). */
  token: string
}

/** A running server under test, as the scenarios see it. */
export interface ServerHandle extends Endpoint {
  name: ServerName
  pid: number
  /** Fresh document ids; ours may create them through the API. */
  newDocIds(count: number, label: string): Promise<string[]>
  /** The server's inspector (ws://127.0.0.1:…), for GC, heap snapshots or a profiler. */
  inspectorUrl(): string | undefined
  /** RSS and heapUsed after a forced full GC (lib/memory.ts). */
  memory(): Promise<Memory>
  /** Remarks that belong next to its numbers (e.g. "embedded store on"). */
  notes: string[]
  stop(): Promise<void>
}

export type StartServer = () => Promise<ServerHandle>

export function endpointOf(s: Endpoint): Endpoint {
  return { protocol: s.protocol, wsBase: s.wsBase, params: s.params, token: s.token }
}
