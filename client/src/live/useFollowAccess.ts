import { useEffect } from 'react'
import type { CollabSession } from './useCollabDoc'
import type { SocketAccess } from './socketAccess'

/** Someone who keeps a screen's idea of the member's access in step with the server. */
export interface AccessFollower {
  /** The server told this socket its access changed (a role change while the document is open). */
  accessChanged(access: SocketAccess): void
  /** The socket (re)connected: a change made while it was not connected was told to nobody. */
  connected(): void
}

export function useFollowAccess(session: CollabSession | null, follower: AccessFollower | undefined): void {
  useEffect(() => {
    if (session === null || follower === undefined) return
    const { provider, access } = session
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') follower.connected()
    }
    provider.on('status', onStatus)
    const stop = access.subscribe((a) => follower.accessChanged(a))
    // Subscribed after the socket got going: catch up on what was already said.
    if (access.latest !== null) follower.accessChanged(access.latest)
    if (provider.wsconnected) follower.connected()
    return () => {
      provider.off('status', onStatus)
      stop()
    }
  }, [session, follower])
}
