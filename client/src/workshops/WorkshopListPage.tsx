import { useState } from 'react'
import { describeError, type Workspace } from '../api/api'
import { AppFrame } from '../ui/AppFrame'
import { formatDate } from '../ui/format'
import { InlineState } from '../ui/InlineState'
import { takeNextScreenNotice } from '../ui/nextScreenNotice'
import { followLink, workshopPath } from '../ui/router'
import { canRunWorkshops } from '../api/types'
import { useResource } from '../ui/useResource'
import { WorkspaceHeader } from '../workspaces/WorkspaceHeader'
import { workshopsApi, type WorkshopListItem } from '../api/workshops'
import { spacedJoinCode } from './guestMemory'
import { NewWorkshopDialog } from './NewWorkshopDialog'
import { WorkshopStateChip } from './WorkshopStateChip'
import '../workspaces/workspaces.css'
import './workshops.css'

/** `/w/:id/workshops`: the workshops you train in this workspace, newest first. */
export function WorkshopListPage({ workspace }: { workspace: Workspace }) {
  const workshops = useResource(() => workshopsApi.list(workspace.id), workspace.id)
  const [creating, setCreating] = useState(false)
  const [notice, setNotice] = useState(takeNextScreenNotice)
  const mayCreate = canRunWorkshops(workspace.role)

  const newWorkshop = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => setCreating(true)}
      data-testid="new-workshop"
    >
      New workshop
    </button>
  )

  return (
    <AppFrame title="Workshops">
      <div className="page">
        <WorkspaceHeader workspace={workspace} current="workshops" actions={mayCreate ? newWorkshop : undefined} />
        {notice !== null && (
          <div className="workshops__notice">
            <InlineState tone="info" title={notice} action={{ label: 'Dismiss', onClick: () => setNotice(null) }} />
          </div>
        )}
        {workshops.status === 'loading' && <InlineState tone="loading" title="Loading the workshops…" />}
        {workshops.status === 'failed' && (
          <InlineState
            tone="error"
            title="The workshops could not be loaded"
            action={{ label: 'Try again', onClick: workshops.reload }}
          >
            {describeError(workshops.error)}
          </InlineState>
        )}
        {workshops.status === 'ready' &&
          (workshops.data.length === 0 ? (
            <div className="empty-state" data-testid="workshops-empty">
              <h2 className="empty-state__title">No workshops yet</h2>
              {mayCreate ? (
                <>
                  <p className="empty-state__text">
                    A workshop hands a room the same article, each participant in their own copy, with an answer key
                    only you see. You follow their progress live, reveal the results, and see how far the group agreed.
                    Participants join with a code — no account needed.
                  </p>
                  {newWorkshop}
                </>
              ) : (
                <p className="empty-state__text">
                  Workshops are run by this workspace&apos;s owners and editors. The ones they create are not listed to
                  other members.
                </p>
              )}
            </div>
          ) : (
            <WorkshopList workspaceId={workspace.id} workshops={workshops.data} />
          ))}
      </div>
      {creating && <NewWorkshopDialog workspaceId={workspace.id} onClose={() => setCreating(false)} />}
    </AppFrame>
  )
}

function WorkshopList({ workspaceId, workshops }: { workspaceId: string; workshops: WorkshopListItem[] }) {
  const sorted = [...workshops].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return (
    <section aria-labelledby="workshop-list-heading">
      <h2 id="workshop-list-heading" className="panel-heading">
        Workshops <span className="panel-heading__count">{workshops.length}</span>
      </h2>
      <ul className="article-list" data-testid="workshop-list">
        {sorted.map((w) => (
          <li key={w.id} className="article-list__item workshop-list__item">
            <div className="workshop-list__main">
              <a className="article-list__title" href={workshopPath(workspaceId, w.id)} onClick={followLink}>
                {w.title}
              </a>
              <p className="article-list__meta">
                <span>Created {formatDate(w.createdAt)}</span>
                <span aria-hidden="true"> · </span>
                <span>
                  {w.participants} {w.participants === 1 ? 'participant' : 'participants'}
                </span>
                <span aria-hidden="true"> · </span>
                <span>
                  Code <span className="workshop-list__code">{spacedJoinCode(w.joinCode)}</span>
                </span>
              </p>
            </div>
            <WorkshopStateChip workshop={w} />
          </li>
        ))}
      </ul>
    </section>
  )
}
