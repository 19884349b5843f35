import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { ACCESS_CLOSE_CODES } from '@fc/shared/protocol/index'
import { feedAccessMessages, SocketAccessFeed } from './socketAccess'

/** One open article: its local replica and the socket that keeps it in step with others. */
export interface CollabSession {
  docId: string
  ydoc: Y.Doc
  provider: WebsocketProvider
  /** The article text, as the contract fixes it: Tiptap content in the `body` fragment. */
  body: Y.XmlFragment
  /** What the server says when this socket's access changes while it is open (a role change). */
  access: SocketAccessFeed
}

/** What every peer sees about us in awareness; the caret labels and presence list read it. */
export interface AwarenessUser {
  id: string
  name: string
  color: string
}

export function collabServerUrl(loc: Location = location): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${loc.host}/collab`
}

/**
 * Close codes after which reconnecting cannot help: the contract's access codes (not signed
 * in, no access or just removed from the workspace, unknown document) and the rest of the
 * 44xx range the y-websocket convention treats as final. The provider then stops and emits
 * `closed`, which the connection state shows as a refusal.
 */
export function isFinalClose(code: number): boolean {
  return ACCESS_CLOSE_CODES.has(code) || (code >= 4400 && code < 4500)
}

export function awarenessUser(user: AwarenessUser): AwarenessUser {
  return { id: user.id, name: user.name, color: user.color }
}

/**
 * Opens `docId` over the stock y-websocket protocol and closes it on unmount.
 * `params` become socket query parameters (the contract's `token` once accounts exist).
 */
export function useCollabDoc(
  docId: string,
  user: AwarenessUser,
  params?: Record<string, string>,
): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null)
  const paramsKey = params === undefined ? '' : JSON.stringify(params)

  useEffect(() => {
    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(collabServerUrl(), docId, ydoc, {
      params: paramsKey === '' ? {} : (JSON.parse(paramsKey) as Record<string, string>),
      // Explicit rather than relying on y-websocket's default (4400–4499 are final):
      // a lost membership must end in a clear state, never in reconnecting forever.
      shouldReconnect: (event) => !isFinalClose(event.code),
    })
    const stopRepair = keepAwarenessAcrossReconnects(provider)
    const access = new SocketAccessFeed()
    const stopAccess = feedAccessMessages(provider, access)
    setSession({ docId, ydoc, provider, body: ydoc.getXmlFragment('body'), access })
    return () => {
      stopRepair()
      stopAccess()
      // Tell peers we left right away instead of letting our caret linger until the
      // awareness timeout (30 s) expires on their side.
      provider.awareness.setLocalState(null)
      provider.destroy()
      ydoc.destroy()
      setSession(null)
    }
  }, [docId, paramsKey])

  // A rename must not reopen the document: only the awareness field changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the fields shown to others count: a new user object with the same id, name and colour changes nothing
  useEffect(() => {
    session?.provider.awareness.setLocalStateField('user', awarenessUser(user))
  }, [session, user.id, user.name, user.color])

  return session
}

/**
 * Presence must come back with the connection, not 15–30 s later (y-websocket issue #122).
 * Awareness accepts a peer's state only if its clock is newer than the one last seen.
 * A disconnect drops every state on both sides but keeps their clocks, so on reconnect
 * the server would ignore our unchanged state and we would ignore the ones it replays.
 * Hence on each new connection: forget the clocks of peers we no longer hold, and tick
 * our own, before y-websocket sends our state.
 */
function keepAwarenessAcrossReconnects(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected') return
    for (const clientId of [...awareness.meta.keys()]) {
      if (clientId !== awareness.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId)
    }
    const local = awareness.getLocalState()
    if (local !== null) awareness.setLocalState(local)
  }
  provider.on('status', onStatus)
  return () => provider.off('status', onStatus)
}
