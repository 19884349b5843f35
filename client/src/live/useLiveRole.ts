import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AccessFollower } from './useFollowAccess'
import { isRole, type Role } from '../api/types'

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
}

/**
 * The member's role in the workspace of an open document, following changes live: the
 * socket says when an owner changes it (docs/api.md, "Access changes"); after a reconnect
 * the role is read again over HTTP, since a change made while offline was told to nobody.
 * `refreshWorkspaces`: the workspaces list's refresh (useWorkspaces()?.refresh), called
 * when the role changes; passed in because live/ sits below the workspaces feature.
 */
export function useLiveRole(initial: Role, reload: () => Promise<Role>, refreshWorkspaces?: () => Promise<unknown>): LiveRole {
  const [state, setState] = useState<{ role: Role; change: RoleChange | null }>({ role: initial, change: null })
  const reloadRef = useRef(reload)
  useEffect(() => {
    reloadRef.current = reload
  }, [reload])
  // Counts what the socket said: an HTTP answer asked for before its latest word is stale.
  const told = useRef(0)

  const moveTo = useCallback((to: Role) => {
    setState((was) => (was.role === to ? was : { role: to, change: { from: was.role, to, id: (was.change?.id ?? 0) + 1 } }))
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
        told.current++
        if (isRole(access.role)) moveTo(access.role)
        else if (!access.canWrite) moveTo('viewer')
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
  return { role: state.role, change: state.change, dismiss, follower }
}
