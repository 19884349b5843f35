import { useEffect } from 'react'
import { api, ApiError, describeError } from '../api/api'
import { useMe } from '../auth/session'
import { CurrentWorkspaceContext, rememberWorkspace } from '../workspaces/workspaces'
import { AppFrame } from '../ui/AppFrame'
import { ArticleScreen } from './ArticleScreen'
import { ArticleSkeleton, InlineState } from '../ui/InlineState'
import { navigate } from '../ui/router'
import type { ArticleScreenProps } from '../api/types'
import { useResource } from '../ui/useResource'

/** Everything ArticleScreen needs except `me`: the article, your role in its workspace, its members. */
async function loadArticle(articleId: string): Promise<Omit<ArticleScreenProps, 'me'>> {
  const article = await api.article(articleId)
  const [workspace, members] = await Promise.all([api.workspace(article.workspaceId), api.members(article.workspaceId)])
  return {
    article: {
      id: article.id,
      docId: article.docId,
      title: article.title,
      workspaceId: article.workspaceId,
      sourceUrl: article.sourceUrl,
    },
    role: workspace.role,
    members,
  }
}

/** `/a/:articleId`: resolves the article over HTTP, then opens its document in the editor. */
export function ArticleRoute({ articleId }: { articleId: string }) {
  const me = useMe()
  const loaded = useResource(() => loadArticle(articleId), articleId)
  const workspaceId = loaded.status === 'ready' ? loaded.data.article.workspaceId : null

  useEffect(() => {
    if (workspaceId !== null) rememberWorkspace(me.id, workspaceId)
  }, [me.id, workspaceId])

  if (loaded.status === 'ready') {
    return (
      <CurrentWorkspaceContext.Provider value={loaded.data.article.workspaceId}>
        {/* Keyed by article: switching articles starts from a clean slate (socket, editor, state). */}
        <ArticleScreen key={loaded.data.article.id} me={me} {...loaded.data} />
      </CurrentWorkspaceContext.Provider>
    )
  }

  return (
    <AppFrame title={loaded.status === 'loading' ? 'Opening the article…' : 'Article unavailable'}>
      <div className="reading-column">
        {loaded.status === 'loading' ? (
          <>
            <p className="visually-hidden" role="status">
              Opening the article…
            </p>
            <ArticleSkeleton />
          </>
        ) : (
          <ArticleFailure error={loaded.error} onRetry={loaded.reload} />
        )}
      </div>
    </AppFrame>
  )
}

function ArticleFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const status = error instanceof ApiError ? error.status : -1
  const home = { label: 'Go to your workspaces', onClick: () => navigate('/') }
  if (status === 404)
    return (
      <InlineState tone="error" title="This article does not exist" action={home}>
        It may have been deleted, or the link is mistyped.
      </InlineState>
    )
  if (status === 403)
    return (
      <InlineState tone="error" title="You do not have access to this article" action={home}>
        It belongs to a workspace you are not a member of. Ask one of its owners or editors for an invite link.
      </InlineState>
    )
  return (
    <InlineState
      tone="error"
      title={status === 0 ? 'The server cannot be reached' : 'The article could not be opened'}
      action={{ label: 'Try again', onClick: onRetry }}
    >
      {status === 0
        ? 'Check that the server is running and that this browser can reach it, then try again.'
        : describeError(error)}
    </InlineState>
  )
}
