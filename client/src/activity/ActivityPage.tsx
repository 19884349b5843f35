import { useCallback } from 'react'
import type { Workspace } from '../api/api'
import { historyApi } from '../api/history'
import { claimPath } from '../article/claims/claimLink'
import { AppFrame } from '../ui/AppFrame'
import { articlePath } from '../ui/router'
import { WorkspaceHeader } from '../workspaces/WorkspaceHeader'
import { ActivityFeed } from './ActivityFeed'
import '../workspaces/workspaces.css'

/** `/w/:id/activity`: who did what across the workspace's articles, newest first. */
export function ActivityPage({ workspace }: { workspace: Workspace }) {
  const load = useCallback(
    (before: string | undefined, limit: number) => historyApi.workspaceActivity(workspace.id, before, limit),
    [workspace.id],
  )
  return (
    <AppFrame title="Activity">
      <div className="page">
        <WorkspaceHeader workspace={workspace} current="activity" />
        <div className="activity-page" data-testid="activity-page">
          <ActivityFeed
            load={load}
            hrefOf={(item) =>
              item.claimId === undefined ? articlePath(item.articleId) : claimPath(item.articleId, item.claimId)
            }
            articleHref={(item) => articlePath(item.articleId)}
            emptyText="Nothing has happened in this workspace yet. Claims, verdicts, evidence, comments, reviews and publishing show up here with who did them."
          />
        </div>
      </div>
    </AppFrame>
  )
}
