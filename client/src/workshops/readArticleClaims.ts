import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { CLOSE_UNAUTHENTICATED, CLOSE_UNKNOWN_DOC } from '@fc/shared/protocol/index'
import { anchorClaims, readClaims, type Claim } from '@fc/shared/schema/index'
import { collabServerUrl, isFinalClose } from '../live/useCollabDoc'

const TIMEOUT_MS = 10_000

/**
 * The claims marked on an article right now, in text order (claims whose words are gone
 * last), read from its document over the ordinary socket: the trainer is a member, so
 * their session cookie opens it. The document is closed again as soon as it has synced.
 */
export function readArticleClaims(docId: string): Promise<Claim[]> {
  return new Promise((resolve, reject) => {
    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(collabServerUrl(), docId, ydoc, {
      shouldReconnect: (event) => !isFinalClose(event.code),
    })
    // Read-only visit: nobody should see a caret for it.
    provider.awareness.setLocalState(null)
    const finish = (outcome: () => void) => {
      window.clearTimeout(timer)
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      provider.destroy()
      ydoc.destroy()
      outcome()
    }
    const onSync = (synced: boolean) => {
      if (!synced) return
      const claims = readClaims(ydoc)
      const anchors = anchorClaims(ydoc, claims)
      const position = (claim: Claim) => {
        const anchor = anchors.get(claim.id)
        return anchor === undefined || anchor.status === 'detached' ? Number.POSITIVE_INFINITY : anchor.from
      }
      const inTextOrder = claims
        .map((claim, index) => ({ claim, index }))
        .sort((a, b) => position(a.claim) - position(b.claim) || a.index - b.index)
      finish(() => resolve(inTextOrder.map((entry) => entry.claim)))
    }
    const onClosed = (event: { code: number }) => {
      if (!isFinalClose(event.code)) return
      const message =
        event.code === CLOSE_UNKNOWN_DOC
          ? 'The original article no longer exists.'
          : event.code === CLOSE_UNAUTHENTICATED
            ? 'Your session has ended: sign in again to read the article.'
            : 'You cannot open the original article any more.'
      finish(() => reject(new Error(message)))
    }
    const timer = window.setTimeout(
      () => finish(() => reject(new Error('The article did not open in time. Check your connection and try again.'))),
      TIMEOUT_MS,
    )
    provider.on('sync', onSync)
    provider.on('closed', onClosed)
  })
}
