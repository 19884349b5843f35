import { useCallback } from 'react'
import { historyApi } from '../../api/history'
import { ActivityFeed } from '../../activity/ActivityFeed'
import { useClaimsEnv } from '../claims/context'
import { claimPath } from '../claims/claimLink'

/** The article's activity, newest first, in the claims column's Activity tab. */
export function ActivityPanel() {
  const { article } = useClaimsEnv()
  const load = useCallback(
    (before: string | undefined, limit: number) => historyApi.articleActivity(article.id, before, limit),
    [article.id],
  )
  return (
    <ActivityFeed
      load={load}
      articleId={article.id}
      hrefOf={(item) => (item.claimId === undefined ? null : claimPath(item.articleId, item.claimId))}
      emptyText="Nothing has happened in this article yet. Claims, verdicts, evidence and comments show up here with who did them."
    />
  )
}
