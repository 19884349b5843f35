import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ACCESS_REASONS } from '@fc/shared/protocol/index'
import type { AccessFollower } from './useFollowAccess'
import type { SocketAccess } from './socketAccess'
import { isRole, type Role } from '../api/types'

/**
 * What one access message means for the screen. A full disk on the server pauses writing
 * without touching the role: it is not a demotion, and it ends with `canWrite: true`.
 */
export type AccessReading =
  | { kind: 'storage-full' }
  | { kind: 'role'; role: Role }
  | { kind: 'read-only' }
  | { kind: 'ask-role' }

export function readAccess(access: SocketAccess): AccessReading {
  if (access.reason === ACCESS_REASONS.storageFull) return { kind: 'storage-full' }
  if (isRole(access.role)) return { kind: 'role', role: access.role }
  if (!access.canWrite) return { kind: 'read-only' }
  return { kind: 'ask-role' }
}

/** A role change seen while the screen was open. `id` tells two changes to the same role apart. */
export interface RoleChange {
  from: Role
  to: Role
  id: number
}

export interface LiveRole {
  /** The member's role now: what the screen loaded, then whatever the server said since. */
  role: Role
  /** The last change, until dismissed: the screen says it out loud. */
  change: RoleChange | null
  dismiss: () => void
  /** Hand to useOpenDocument: it feeds the document socket's access messages here. */
  follower: AccessFollower
  /** The server cannot store edits (disk full): writing is paused until it says otherwise. */
  storageFull: boolean
}

/**
 * The member's role in the workspace of an open document, following changes live: the
 * socket says when an owner changes it (docs/api.md, "Access changes"); after a reconnect
 * the role is read again over HTTP, since a change made while offline was told to nobody.
 * `refreshWorkspaces`: the workspaces list's refresh (useWorkspaces()?.refresh), called
 * when the role changes; passed in because live/ sits below the workspaces feature.
 */
export function useLiveRole(
  initial: Role,
  reload: () => Promise<Role>,
  refreshWorkspaces?: () => Promise<unknown>,
): LiveRole {
  const [state, setState] = useState<{ role: Role; change: RoleChange | null }>({ role: initial, change: null })
  const [storageFull, setStorageFull] = useState(false)
  const reloadRef = useRef(reload)
  useEffect(() => {
    reloadRef.current = reload
  }, [reload])
  // Counts what the socket said: an HTTP answer asked for before its latest word is stale.
  const told = useRef(0)

  const moveTo = useCallback((to: Role) => {
    setState((was) =>
      was.role === to ? was : { role: to, change: { from: was.role, to, id: (was.change?.id ?? 0) + 1 } },
    )
  }, [])

  const follower = useMemo<AccessFollower>(() => {
    const fetchRole = () => {
      const asOf = told.current
      reloadRef.current().then(
        (role) => {
          if (told.current === asOf) moveTo(role)
        },
        // Lost membership or sign-in closes the socket with its own code, which the screen explains.
        () => undefined,
      )
    }
    return {
      accessChanged(access) {
        const reading = readAccess(access)
        if (reading.kind === 'storage-full') return setStorageFull(true)
        told.current++
        // Any other word from the server is the socket's current access: a pause is over.
        if (access.canWrite) setStorageFull(false)
        if (reading.kind === 'role') moveTo(reading.role)
        else if (reading.kind === 'read-only') moveTo('viewer')
        else fetchRole()
      },
      connected: fetchRole,
    }
  }, [moveTo])

  // The top bar's workspace switcher shows the role too.
  const listed = useRef(initial)
  useEffect(() => {
    if (listed.current === state.role) return
    listed.current = state.role
    void refreshWorkspaces?.()
  }, [state.role, refreshWorkspaces])

  const dismiss = useCallback(() => setState((was) => ({ ...was, change: null })), [])
  return { role: state.role, change: state.change, dismiss, follower, storageFull }
}
