import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, type Workspace } from '../api/api'

// The signed-in person's workspaces: the top bar's switcher, the home redirect and the
// invite flow all read the same list, and refresh it after they change it.

export type WorkspaceList =
  | { status: 'loading' }
  | { status: 'ready'; list: Workspace[] }
  | { status: 'failed'; error: unknown }

interface WorkspacesApi {
  workspaces: WorkspaceList
  refresh: () => Promise<Workspace[] | null>
  /** One-off notice for the next screen ("You joined …"). */
  notice: string | null
  setNotice: (notice: string | null) => void
}

const WorkspacesContext = createContext<WorkspacesApi | null>(null)
/** The workspace the current screen belongs to, for the top bar's switcher. */
export const CurrentWorkspaceContext = createContext<string | null>(null)

export function WorkspacesProvider({ children }: { children: ReactNode }) {
  const [workspaces, setWorkspaces] = useState<WorkspaceList>({ status: 'loading' })
  const [notice, setNotice] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      const list = await api.workspaces()
      setWorkspaces({ status: 'ready', list })
      return list
    } catch (error) {
      // Keep a list we already have: the switcher stays usable through a blip.
      setWorkspaces((was) => (was.status === 'ready' ? was : { status: 'failed', error }))
      return null
    }
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const value = useMemo(() => ({ workspaces, refresh, notice, setNotice }), [workspaces, refresh, notice])
  return <WorkspacesContext.Provider value={value}>{children}</WorkspacesContext.Provider>
}

export function useWorkspaces(): WorkspacesApi | null {
  return useContext(WorkspacesContext)
}

export function useCurrentWorkspaceId(): string | null {
  return useContext(CurrentWorkspaceContext)
}

const lastKey = (userId: string) => `fc.lastWorkspace.v1:${userId}`

/** `/` opens the workspace you were last in (per person and browser). */
export function rememberWorkspace(userId: string, workspaceId: string): void {
  try {
    localStorage.setItem(lastKey(userId), workspaceId)
  } catch {
    // Storage blocked: `/` falls back to the first workspace.
  }
}

export function lastWorkspace(userId: string): string | null {
  try {
    return localStorage.getItem(lastKey(userId))
  } catch {
    return null
  }
}
