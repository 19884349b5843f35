import { useMemo } from 'react'
import { ArticleToolbar } from '../claims/ArticleToolbar'
import { useClaimsController } from '../claims/ClaimsController'
import { ClaimsSidebar } from '../claims/ClaimsSidebar'
import { ClaimsContext, type ClaimsEnv } from '../claims/context'
import { useVerdictScale } from '../claims/useVerdictScale'
import { ConnectionBadge } from '../connection/ConnectionBadge'
import { useConnectionState, type ConnectionState } from '../connection/useConnectionState'
import { ArticleEditor } from '../editor/ArticleEditor'
import { useCollabDoc } from '../editor/useCollabDoc'
import { useDocTitle } from '../editor/useDocTitle'
import { PresenceAvatars } from '../presence/PresenceAvatars'
import { PresenceList } from '../presence/PresenceList'
import { usePresence } from '../presence/usePresence'
import { AppFrame } from './AppFrame'
import { ArticleSkeleton, InlineState } from './InlineState'
import { loginPath, navigate, workspacePath } from './router'
import { canEdit, type ArticleScreenProps } from './types'
import { ViewOnlyBadge } from './ViewOnlyBadge'

/**
 * One article, open for everyone in its workspace. The shell (ArticleRoute) resolves
 * the article, who you are, your role and the members before this mounts.
 */
export function ArticleScreen({ article, me, role, members }: ArticleScreenProps) {
  const session = useCollabDoc(article.docId, me)
  const connection = useConnectionState(session)
  const people = usePresence(session)
  const headingTitle = useDocTitle(connection.hasSynced ? (session?.body ?? null) : null)
  // The title from the API; the article's own leading heading wins once loaded.
  const title = connection.refusal !== null ? 'Article unavailable' : (headingTitle ?? article.title)

  // Claims: one controller per open document, shared by the editor and the sidebar.
  const canWrite = canEdit(role)
  const claims = useClaimsController(session?.ydoc ?? null, me.id, canWrite)
  const scale = useVerdictScale(article.workspaceId)
  const claimsEnv = useMemo<ClaimsEnv | null>(
    () => (claims === null ? null : { controller: claims, article, me, members, scale, canWrite }),
    [claims, article, me, members, scale, canWrite],
  )
  const open = session !== null && connection.hasSynced && connection.phase !== 'refused' && claimsEnv !== null

  return (
    <AppFrame
      title={title}
      status={
        <>
          <PresenceAvatars people={people} />
          {role === 'viewer' && <ViewOnlyBadge />}
          <ConnectionBadge state={connection} />
        </>
      }
      sidebar={
        <>
          <PresenceList people={people} inStep={connection.phase === 'connected'} />
          {open ? (
            <ClaimsContext.Provider value={claimsEnv}>
              <ClaimsSidebar />
            </ClaimsContext.Provider>
          ) : (
            <ClaimsSidebarPlaceholder />
          )}
        </>
      }
    >
      <div className="reading-column">
        {open ? (
          <ClaimsContext.Provider value={claimsEnv}>
            <ArticleToolbar />
            <article className="article-sheet">
              {headingTitle === null && (
                // The body does not carry its headline: show the one the server knows, above the text.
                <header className="article-sheet__header">
                  <h1 className="article-sheet__title">{article.title}</h1>
                </header>
              )}
              <ArticleEditor session={session} me={me} role={role} claims={claimsEnv.controller} />
            </article>
          </ClaimsContext.Provider>
        ) : (
          <ArticleBodyPlaceholder connection={connection} article={article} />
        )}
      </div>
    </AppFrame>
  )
}

/** The claims column while the article opens: its heading, and room for the cards. */
function ClaimsSidebarPlaceholder() {
  return (
    <section className="claims-sidebar" aria-labelledby="claims-heading" aria-busy="true">
      <h2 id="claims-heading" className="panel-heading">
        Claims
      </h2>
      <div className="claims-sidebar__loading" aria-hidden="true">
        <span />
        <span />
      </div>
    </section>
  )
}

/** What stands in for the text until the first sync, or when the server refuses it. */
function ArticleBodyPlaceholder({ connection, article }: { connection: ConnectionState; article: ArticleScreenProps['article'] }) {
  if (connection.refusal !== null) {
    const { code } = connection.refusal
    const { title, detail } = refusalMessage(code, connection.hasSynced)
    const action =
      code === 4401
        ? { label: 'Sign in again', onClick: () => navigate(loginPath(location.pathname)) }
        : code === 4404
          ? { label: 'Back to the articles', onClick: () => navigate(workspacePath(article.workspaceId)) }
          : { label: 'Go to your workspaces', onClick: () => navigate('/') }
    return (
      <InlineState tone="error" title={title} action={action}>
        {detail}
      </InlineState>
    )
  }
  if (connection.phase === 'offline') {
    return (
      <InlineState tone="info" title="You are offline">
        The article opens as soon as your browser is back online.
      </InlineState>
    )
  }
  if (connection.slowStart) {
    return (
      <InlineState tone="error" title="The collaboration server is not answering">
        Still trying to open the article. If this persists, check that the server is running and reachable from this
        browser.
      </InlineState>
    )
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        Opening the article…
      </p>
      <ArticleSkeleton />
    </>
  )
}

// Close codes from the public contract (docs: collaboration socket). `hadAccess`: the
// article was open and in step before the server closed it (removed, signed out elsewhere).
function refusalMessage(code: number, hadAccess: boolean): { title: string; detail: string } {
  switch (code) {
    case 4404:
      return hadAccess
        ? { title: 'This article no longer exists', detail: 'It was removed while you had it open.' }
        : { title: 'This article does not exist', detail: 'It may have been deleted, or the link is mistyped.' }
    case 4403:
      return hadAccess
        ? {
            title: 'You no longer have access to this article',
            detail: 'You were removed from its workspace. Ask one of its owners to invite you again.',
          }
        : { title: 'You do not have access to this article', detail: 'Ask someone in its workspace to invite you.' }
    case 4401:
      return {
        title: hadAccess ? 'Your session has ended' : 'Sign in to open this article',
        detail: 'Sign in again to keep working on this article.',
      }
    default:
      return { title: 'The server closed this article', detail: `The connection was refused (code ${code}).` }
  }
}
