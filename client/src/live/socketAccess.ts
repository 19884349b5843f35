import { readAuthMessage, type SocketAccessState } from '@fc/shared/protocol/index'
import { messageAuth, type WebsocketProvider } from 'y-websocket'

// The server tells an open socket when its access changes (docs/api.md, "Access changes"):
// a y-protocols auth message (type 2) with sub-type 1 and a JSON body, read by the shared
// codec. Sub-type 0 is y-protocols' own permission-denied, which the server sends before a
// demotion's access message for the sake of stock clients; the access message says the
// same, so we skip it.

/**
 * What the socket may do now. `role` is the member's workspace role when the server said it;
 * `reason` says why when it is not a role change (ACCESS_REASONS: `workshop-revealed`, a
 * participant's answers are final).
 */
export type SocketAccess = SocketAccessState

/** Access messages of one provider, kept until its session ends. */
export class SocketAccessFeed {
  private readonly listeners = new Set<(access: SocketAccess) => void>()
  /** The last message, so a listener that subscribes late still learns the current state. */
  latest: SocketAccess | null = null

  subscribe(listener: (access: SocketAccess) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  publish(access: SocketAccess): void {
    this.latest = access
    for (const listener of this.listeners) listener(access)
  }
}

/**
 * Takes over the provider's auth handler (WebsocketProvider keeps a handler table per
 * instance, so this touches no other provider) and feeds access messages to `feed`.
 */
export function feedAccessMessages(provider: WebsocketProvider, feed: SocketAccessFeed): () => void {
  const stock = provider.messageHandlers[messageAuth]
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    const message = readAuthMessage(decoder)
    if (message.kind === 'access') feed.publish(message.access)
  }
  return () => {
    if (stock !== undefined) provider.messageHandlers[messageAuth] = stock
  }
}
