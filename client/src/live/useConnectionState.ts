import { useEffect, useState } from 'react'
import type { CollabSession } from './useCollabDoc'

export type ConnectionPhase =
  /** First contact: nothing from the server yet. */
  | 'connecting'
  /** Socket open and the document in step with the server. */
  | 'connected'
  /** We were in step once and lost it; y-websocket retries with backoff. */
  | 'reconnecting'
  /** The browser says there is no network; we wait for it to come back. */
  | 'offline'
  /** The server refused this document for good (contract close codes 44xx). */
  | 'refused'

export interface ConnectionState {
  phase: ConnectionPhase
  /** At least one full sync happened, so the local copy holds the real article. */
  hasSynced: boolean
  /** Local edits made while not in step; they are in the Y.Doc and go out on reconnect. */
  unsyncedEdits: number
  /** Close code and reason when phase is 'refused'. */
  refusal: { code: number; reason: string } | null
  /** No first sync after a while: the server is likely down, though we keep trying. */
  slowStart: boolean
}

const SLOW_START_MS = 8000

const initialState: ConnectionState = {
  phase: 'connecting',
  hasSynced: false,
  unsyncedEdits: 0,
  refusal: null,
  slowStart: false,
}

export function useConnectionState(session: CollabSession | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>(initialState)

  useEffect(() => {
    if (session === null) {
      setState(initialState)
      return
    }
    const { provider, ydoc } = session
    let hasSynced = provider.synced
    let unsyncedEdits = 0
    let refusal: ConnectionState['refusal'] = null
    let slowStart = false

    const publish = () => {
      const inStep = provider.wsconnected && provider.synced
      let phase: ConnectionPhase
      if (refusal !== null) phase = 'refused'
      else if (!navigator.onLine) phase = 'offline'
      else if (inStep) phase = 'connected'
      else phase = hasSynced ? 'reconnecting' : 'connecting'
      setState({ phase, hasSynced, unsyncedEdits, refusal, slowStart })
    }

    const onSync = (synced: boolean) => {
      if (synced) {
        hasSynced = true
        slowStart = false
        // Sync step 1/2 on reconnect carries everything the server was missing.
        unsyncedEdits = 0
      }
      publish()
    }
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Remote updates arrive with the provider as origin; everything else is ours.
      if (origin === provider) return
      if (provider.wsconnected && provider.synced) return
      unsyncedEdits++
      publish()
    }
    const onClosed = (event: { code: number; reason: string }) => {
      refusal = event
      publish()
    }
    // Waiting for the socket to time out after the network drops can take 30 s; the
    // browser knows sooner. Going quiet on purpose also makes "offline" mean what it says.
    const onOffline = () => {
      provider.disconnect()
      publish()
    }
    const onOnline = () => {
      if (refusal === null) provider.connect()
      publish()
    }

    provider.on('status', publish)
    provider.on('sync', onSync)
    provider.on('closed', onClosed)
    ydoc.on('update', onUpdate)
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    const slowTimer = window.setTimeout(() => {
      if (!hasSynced) {
        slowStart = true
        publish()
      }
    }, SLOW_START_MS)
    if (!navigator.onLine) provider.disconnect()
    publish()

    return () => {
      window.clearTimeout(slowTimer)
      provider.off('status', publish)
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      ydoc.off('update', onUpdate)
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
    }
  }, [session])

  return state
}
