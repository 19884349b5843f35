import { useEffect, useState } from 'react'
import { api, ApiError, describeError } from '../api/api'
import { AppFrame } from '../ui/AppFrame'
import { ROLE_LABELS } from '../api/roleLabels'
import { InlineState } from '../ui/InlineState'
import { navigate, workspacePath } from '../ui/router'
import { useWorkspaces } from './workspaces'
import './workspaces.css'

type InviteState = { status: 'accepting' } | { status: 'failed'; error: unknown }

/** `/invite/:code` once signed in: join, then land in the workspace. */
export function InviteRoute({ code }: { code: string }) {
  const workspaces = useWorkspaces()
  const [state, setState] = useState<InviteState>({ status: 'accepting' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: the workspaces context is read once per attempt; `attempt` is the retry button
  useEffect(() => {
    let cancelled = false
    setState({ status: 'accepting' })
    // Accepting twice is harmless (a member keeps the role they have), so a re-run is safe.
    api.acceptInvite(code).then(
      async ({ workspaceId, role }) => {
        const list = await workspaces?.refresh()
        if (cancelled) return
        const name = list?.find((w) => w.id === workspaceId)?.name ?? 'the workspace'
        workspaces?.setNotice(`You are in ${name} as ${ROLE_LABELS[role].toLowerCase()}.`)
        navigate(workspacePath(workspaceId), { replace: true })
      },
      (error: unknown) => !cancelled && setState({ status: 'failed', error }),
    )
    return () => {
      cancelled = true
    }
    // `workspaces` changes identity when its list refreshes; the code is what matters.
  }, [code, attempt])

  return (
    <AppFrame title="Invitation">
      <div className="page page--narrow">
        {state.status === 'accepting' ? (
          <InlineState tone="loading" title="Joining the workspace…" />
        ) : state.error instanceof ApiError && state.error.status === 404 ? (
          <InlineState
            tone="error"
            title="This invite link is not valid any more"
            action={{ label: 'Go to your workspaces', onClick: () => navigate('/') }}
          >
            Invite links expire after a week, and a mistyped link does not work. Ask the colleague who sent it for a new
            one.
          </InlineState>
        ) : (
          <InlineState
            tone="error"
            title="The invitation could not be accepted"
            action={{ label: 'Try again', onClick: () => setAttempt((n) => n + 1) }}
          >
            {describeError(state.error)}
          </InlineState>
        )}
      </div>
    </AppFrame>
  )
}
