import { useEffect, useState } from 'react'
import { api, ApiError, type DemoArticle } from '../api'
import type { LocalUser } from '../identity/identity'
import { AppFrame } from './AppFrame'
import { ArticleScreen } from './ArticleScreen'
import { ArticleSkeleton, InlineState } from './InlineState'

type DemoState =
  | { status: 'loading' }
  | { status: 'ready'; article: DemoArticle }
  | { status: 'failed'; message: string; unreachable: boolean; httpStatus: number }

/** `/` opens the seed article; until accounts exist it is where everyone starts. */
export function DemoArticleRoute({ user, onRename }: { user: LocalUser; onRename: (name: string) => void }) {
  const [state, setState] = useState<DemoState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let cancelled = false
    setState({ status: 'loading' })
    api.demoArticle().then(
      (article) => {
        if (!cancelled) setState({ status: 'ready', article })
      },
      (error: unknown) => {
        if (cancelled) return
        const httpStatus = error instanceof ApiError ? error.status : -1
        const message = error instanceof Error ? error.message : String(error)
        setState({ status: 'failed', message, unreachable: httpStatus === 0, httpStatus })
      },
    )
    return () => {
      cancelled = true
    }
  }, [attempt])

  if (state.status === 'ready') {
    const { docId, title } = state.article
    return <ArticleScreen key={docId} docId={docId} knownTitle={title} user={user} onRename={onRename} />
  }

  return (
    <AppFrame title={state.status === 'loading' ? 'Opening the article…' : 'Article unavailable'}>
      <div className="reading-column">
        {state.status === 'loading' ? (
          <ArticleSkeleton />
        ) : (
          <InlineState
            tone="error"
            title={failureTitle(state.unreachable, state.httpStatus)}
            action={{ label: 'Try again', onClick: () => setAttempt((n) => n + 1) }}
          >
            {failureDetail(state)}
          </InlineState>
        )}
      </div>
    </AppFrame>
  )
}

function failureTitle(unreachable: boolean, httpStatus: number): string {
  if (unreachable) return 'The server cannot be reached'
  // This server expects accounts (issue 3), which this screen does not offer yet.
  if (httpStatus === 401) return 'Sign in to open the article'
  return 'The demo article could not be opened'
}

function failureDetail(state: { message: string; unreachable: boolean; httpStatus: number }): string {
  if (state.unreachable) return 'Check that the server is running and that this browser can reach it, then try again.'
  if (state.httpStatus === 401) return 'This server requires an account, and this version of the app cannot sign in yet.'
  return state.message
}
