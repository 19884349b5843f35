import { useEffect, type ReactNode } from 'react'
import { api, ApiError, describeError, type Workspace } from '../api/api'
import { AppFrame } from '../ui/AppFrame'
import { InlineState } from '../ui/InlineState'
import { navigate } from '../ui/router'
import { useResource } from '../ui/useResource'
import { useMe } from '../auth/session'
import { CurrentWorkspaceContext, rememberWorkspace } from './workspaces'

interface WorkspaceScopeProps {
  workspaceId: string
  /** Top bar title while the workspace loads or fails. */
  title: string
  children: (workspace: Workspace, reload: () => void) => ReactNode
}

/**
 * Loads one workspace (and your role in it) for the screens inside it, tells the top
 * bar which workspace this is, and explains in place when it cannot be opened.
 */
export function WorkspaceScope({ workspaceId, title, children }: WorkspaceScopeProps) {
  const me = useMe()
  const workspace = useResource(() => api.workspace(workspaceId), workspaceId)

  useEffect(() => {
    if (workspace.status === 'ready') rememberWorkspace(me.id, workspaceId)
  }, [workspace.status, me.id, workspaceId])

  return (
    <CurrentWorkspaceContext.Provider value={workspaceId}>
      {workspace.status === 'ready' ? (
        children(workspace.data, workspace.reload)
      ) : (
        <AppFrame title={workspace.status === 'loading' ? title : 'Workspace unavailable'}>
          <div className="page">
            {workspace.status === 'loading' ? (
              <InlineState tone="loading" title="Opening the workspace…" />
            ) : (
              <WorkspaceFailure error={workspace.error} onRetry={workspace.reload} />
            )}
          </div>
        </AppFrame>
      )}
    </CurrentWorkspaceContext.Provider>
  )
}

export function WorkspaceFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const status = error instanceof ApiError ? error.status : -1
  const home = { label: 'Go to your workspaces', onClick: () => navigate('/') }
  if (status === 404)
    return (
      <InlineState tone="error" title="This workspace does not exist" action={home}>
        Check the link you followed; it may be mistyped or the workspace may have been removed.
      </InlineState>
    )
  if (status === 403)
    return (
      <InlineState tone="error" title="You are not a member of this workspace" action={home}>
        Workspaces are private to their members. Ask one of its owners or editors for an invite link.
      </InlineState>
    )
  return (
    <InlineState
      tone="error"
      title={status === 0 ? 'The server cannot be reached' : 'The workspace could not be opened'}
      action={{ label: 'Try again', onClick: onRetry }}
    >
      {describeError(error)}
    </InlineState>
  )
}
