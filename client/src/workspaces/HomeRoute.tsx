import { useEffect, useState } from 'react'
import { describeError } from '../api/api'
import { fetchReviewQueue } from '../api/review'
import { canReview } from '../api/types'
import { AppFrame } from '../ui/AppFrame'
import { InlineState } from '../ui/InlineState'
import { navigate, reviewQueuePath, workspacePath } from '../ui/router'
import { useMe } from '../auth/session'
import { NewWorkspaceDialog } from './NewWorkspaceDialog'
import { lastWorkspace, useWorkspaces } from './workspaces'
import './workspaces.css'

/** `/`: straight into the workspace you were last in, else your first one. */
export function HomeRoute() {
  const me = useMe()
  const workspaces = useWorkspaces()
  const [creating, setCreating] = useState(false)
  const state = workspaces?.workspaces ?? { status: 'loading' as const }

  const target =
    state.status === 'ready' && state.list.length > 0
      ? (state.list.find((w) => w.id === lastWorkspace(me.id)) ?? state.list[0])
      : undefined

  // Editors and owners land on the review queue when claims wait for them there; with none
  // waiting (a new workspace, a quiet day) the articles are the better start.
  useEffect(() => {
    if (target === undefined) return
    if (!canReview(target.role)) return navigate(workspacePath(target.id), { replace: true })
    let cancelled = false
    fetchReviewQueue(target.id).then(
      (queue) =>
        !cancelled &&
        navigate(queue.length > 0 ? reviewQueuePath(target.id) : workspacePath(target.id), { replace: true }),
      () => !cancelled && navigate(workspacePath(target.id), { replace: true }),
    )
    return () => {
      cancelled = true
    }
  }, [target])

  return (
    <AppFrame title="Workspaces">
      <div className="page">
        {state.status === 'failed' ? (
          <InlineState
            tone="error"
            title="Your workspaces could not be loaded"
            action={{ label: 'Try again', onClick: () => void workspaces?.refresh() }}
          >
            {describeError(state.error)}
          </InlineState>
        ) : state.status === 'ready' && state.list.length === 0 ? (
          <div className="empty-state" data-testid="no-workspaces">
            <h1 className="empty-state__title">You are not in any workspace</h1>
            <p className="empty-state__text">
              Create one for your desk and invite colleagues, or open an invite link a colleague sent you to join
              theirs.
            </p>
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              New workspace
            </button>
          </div>
        ) : (
          <InlineState tone="loading" title="Opening your workspace…" />
        )}
      </div>
      {creating && <NewWorkspaceDialog onClose={() => setCreating(false)} />}
    </AppFrame>
  )
}
