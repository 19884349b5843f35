import type { ReactNode } from 'react'
import type { Workspace } from '../api/api'
import { ROLE_LABELS } from '../api/roleLabels'
import { activityPath, followLink, membersPath, reviewQueuePath, workshopsPath, workspacePath } from '../ui/router'
import { canRunWorkshops } from '../api/types'

interface WorkspaceHeaderProps {
  workspace: Workspace
  current: 'articles' | 'review' | 'members' | 'workshops' | 'activity'
  actions?: ReactNode
}

/** The workspace's name, your role in it, its pages, and the page's main actions. */
export function WorkspaceHeader({ workspace, current, actions }: WorkspaceHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header__row">
        <div className="page-header__heading">
          <h1 className="page-header__title" data-testid="workspace-name">
            {workspace.name}
          </h1>
          <span className={`role-chip role-chip--${workspace.role}`} data-testid="my-role">
            You: {ROLE_LABELS[workspace.role]}
          </span>
        </div>
        {actions !== undefined && <div className="page-header__actions">{actions}</div>}
      </div>
      <nav className="tabs" aria-label="Workspace pages">
        <a
          className="tabs__tab"
          href={workspacePath(workspace.id)}
          onClick={followLink}
          aria-current={current === 'articles' ? 'page' : undefined}
        >
          Articles
        </a>
        {/* Everyone sees what waits for an editor; editors and owners decide there. */}
        <a
          className="tabs__tab"
          href={reviewQueuePath(workspace.id)}
          onClick={followLink}
          aria-current={current === 'review' ? 'page' : undefined}
          data-testid="review-tab"
        >
          Review
        </a>
        <a
          className="tabs__tab"
          href={activityPath(workspace.id)}
          onClick={followLink}
          aria-current={current === 'activity' ? 'page' : undefined}
          data-testid="activity-tab"
        >
          Activity
        </a>
        <a
          className="tabs__tab"
          href={membersPath(workspace.id)}
          onClick={followLink}
          aria-current={current === 'members' ? 'page' : undefined}
        >
          Members
        </a>
        {/* Only owners and editors run workshops; the tab stays visible on the page itself for anyone who got there. */}
        {(canRunWorkshops(workspace.role) || current === 'workshops') && (
          <a
            className="tabs__tab"
            href={workshopsPath(workspace.id)}
            onClick={followLink}
            aria-current={current === 'workshops' ? 'page' : undefined}
          >
            Workshops
          </a>
        )}
      </nav>
    </div>
  )
}
