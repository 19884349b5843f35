import { useCallback, useEffect, useState } from 'react'
import { readClaim } from '@fc/shared/schema/index'
import { CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED, CLOSE_UNKNOWN_DOC } from '@fc/shared/protocol/index'
import { api } from '../api/api'
import { useVerdictScale } from '../article/claims/useVerdictScale'
import { ReviewContext, useArticleReview } from '../article/claims/review/reviewContext'
import { PublicationControls } from '../article/publish/PublicationControls'
import { ConnectionBadge } from '../live/ConnectionBadge'
import { PresenceAvatars } from '../live/PresenceAvatars'
import { NewWorkshopDialog } from '../workshops/NewWorkshopDialog'
import { useWorkspaces } from '../workspaces/workspaces'
import { AppFrame } from '../ui/AppFrame'
import { DocumentSidebar, DocumentText, OpeningPlaceholder, useOpenDocument } from '../article/DocumentPanes'
import { InlineState } from '../ui/InlineState'
import { RoleChangeNotice } from '../live/RoleChangeNotice'
import { StorageFullNotice } from '../live/StorageFullNotice'
import { loginPath, navigate, workspacePath } from '../ui/router'
import { canEdit, canRunWorkshops, type ArticleScreenProps } from '../api/types'
import { useLiveRole } from '../live/useLiveRole'
import { ViewOnlyBadge } from './ViewOnlyBadge'

/**
 * One article, open for everyone in its workspace. The shell (ArticleRoute) resolves
 * the article, who you are, your role and the members before this mounts; the role
 * then follows what the server says while the article is open.
 */
export function ArticleScreen({ article, me, role: loadedRole, members }: ArticleScreenProps) {
  const scale = useVerdictScale(article.workspaceId)
  const reloadRole = useCallback(() => api.workspace(article.workspaceId).then((w) => w.role), [article.workspaceId])
  // Removed from the workspace (CLOSE_FORBIDDEN): the switcher must stop offering it; a role change shows there too.
  const refreshWorkspaces = useWorkspaces()?.refresh
  const live = useLiveRole(loadedRole, reloadRole, refreshWorkspaces)
  const role = live.role
  const doc = useOpenDocument({
    docId: article.docId,
    me,
    canWrite: canEdit(role) && !live.storageFull,
    article,
    members,
    scale,
    follower: live.follower,
  })
  const { connection, people } = doc
  // The title given when the article was made: a heading at the top of the body is part of the text, not its name.
  const title = connection.refusal !== null ? 'Article unavailable' : article.title
  // Owners and editors train: a workshop hands this article to a room with a hidden key.
  const [startingWorkshop, setStartingWorkshop] = useState(false)
  const refusedCode = connection.refusal?.code
  // The claims' review state and the article's publication: the server's, shared by the cards and the top bar.
  const review = useArticleReview(article.id, role)
  const ydoc = doc.session?.ydoc
  const controller = doc.claimsEnv?.controller
  const quoteOf = useCallback(
    (claimId: string) => (ydoc === undefined ? undefined : readClaim(ydoc, claimId)?.quote),
    [ydoc],
  )
  const openClaim = useCallback(
    (claimId: string) => {
      controller?.open(claimId, 'text')
      controller?.revealInText(claimId)
    },
    [controller],
  )
  useEffect(() => {
    if (refusedCode === CLOSE_FORBIDDEN) void refreshWorkspaces?.()
  }, [refusedCode, refreshWorkspaces])

  return (
    <ReviewContext.Provider value={review}>
      <AppFrame
        title={title}
        status={
          <>
            <PresenceAvatars people={people} />
            {role === 'viewer' && <ViewOnlyBadge />}
            {canRunWorkshops(role) && connection.refusal === null && (
              <button
                type="button"
                className="button button--quiet button--small topbar__action"
                onClick={() => setStartingWorkshop(true)}
                title="Hand this article to a room of participants, each with their own copy, and score them against your answer key"
                data-testid="start-workshop"
                aria-label="Start a workshop"
              >
                {/* The short label where the bar is tight, so the article's title keeps its room. */}
                <span className="topbar__action-long">Start a workshop</span>
                <span className="topbar__action-short" aria-hidden="true">
                  Workshop
                </span>
              </button>
            )}
            <ConnectionBadge state={connection} />
          </>
        }
        sidebarLabel="Claims"
        sidebar={<DocumentSidebar doc={doc} />}
      >
        <div className="reading-column">
          {doc.open && <PublicationControls quoteOf={quoteOf} onOpenClaim={openClaim} />}
          <DocumentText
            doc={doc}
            me={me}
            role={role}
            paused={live.storageFull}
            headline={article.title}
            sourceUrl={article.sourceUrl}
            notice={
              (live.storageFull || live.change !== null) && (
                <>
                  {live.storageFull && <StorageFullNotice />}
                  {live.change !== null && <RoleChangeNotice change={live.change} onDismiss={live.dismiss} />}
                </>
              )
            }
            placeholder={
              <OpeningPlaceholder
                connection={connection}
                refused={(code, hadAccess) => (
                  <ArticleRefusal code={code} hadAccess={hadAccess} workspaceId={article.workspaceId} />
                )}
              />
            }
          />
        </div>
        {startingWorkshop && (
          <NewWorkshopDialog
            workspaceId={article.workspaceId}
            article={{ id: article.id, title: article.title }}
            onClose={() => setStartingWorkshop(false)}
          />
        )}
      </AppFrame>
    </ReviewContext.Provider>
  )
}

/** Why the server will not open the article, and where to go instead. */
function ArticleRefusal({ code, hadAccess, workspaceId }: { code: number; hadAccess: boolean; workspaceId: string }) {
  const { title, detail } = refusalMessage(code, hadAccess)
  const action =
    code === CLOSE_UNAUTHENTICATED
      ? { label: 'Sign in again', onClick: () => navigate(loginPath(location.pathname)) }
      : code === CLOSE_UNKNOWN_DOC
        ? { label: 'Back to the articles', onClick: () => navigate(workspacePath(workspaceId)) }
        : { label: 'Go to your workspaces', onClick: () => navigate('/') }
  return (
    <InlineState tone="error" title={title} action={action}>
      {detail}
    </InlineState>
  )
}

// Close codes from the public contract (docs: collaboration socket). `hadAccess`: the
// article was open and in step before the server closed it (removed, signed out elsewhere).
function refusalMessage(code: number, hadAccess: boolean): { title: string; detail: string } {
  switch (code) {
    case CLOSE_UNKNOWN_DOC:
      return hadAccess
        ? { title: 'This article no longer exists', detail: 'It was removed while you had it open.' }
        : { title: 'This article does not exist', detail: 'It may have been deleted, or the link is mistyped.' }
    case CLOSE_FORBIDDEN:
      return hadAccess
        ? {
            title: 'You no longer have access to this article',
            detail: 'You were removed from its workspace. Ask one of its owners to invite you again.',
          }
        : { title: 'You do not have access to this article', detail: 'Ask someone in its workspace to invite you.' }
    case CLOSE_UNAUTHENTICATED:
      return {
        title: hadAccess ? 'Your session has ended' : 'Sign in to open this article',
        detail: 'Sign in again to keep working on this article.',
      }
    default:
      return { title: 'The server closed this article', detail: `The connection was refused (code ${code}).` }
  }
}
