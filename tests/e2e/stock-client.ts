import WS from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { baseUrl } from './fixtures'

/** A stock y-websocket client in Node under an API token, as a bot (or a hostile script) would write it. */
export async function stockClient(docId: string, token: string): Promise<{ doc: Y.Doc; close: () => void }> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${baseUrl().replace(/^http/, 'ws')}/collab`, docId, doc, {
    WebSocketPolyfill: WS as unknown as typeof WebSocket,
    disableBc: true,
    params: { token },
  })
  await new Promise<void>((resolve) => provider.on('sync', (synced: boolean) => synced && resolve()))
  return {
    doc,
    close: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
