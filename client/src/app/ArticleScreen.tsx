import { useState } from 'react'
import { ClaimsSidebar } from '../claims/ClaimsSidebar'
import { ConnectionBadge } from '../connection/ConnectionBadge'
import { useConnectionState, type ConnectionState } from '../connection/useConnectionState'
import { ArticleEditor } from '../editor/ArticleEditor'
import { useCollabDoc } from '../editor/useCollabDoc'
import { useDocTitle } from '../editor/useDocTitle'
import type { LocalUser } from '../identity/identity'
import { RenameDialog } from '../identity/RenameDialog'
import { PresenceAvatars } from '../presence/PresenceAvatars'
import { PresenceList } from '../presence/PresenceList'
import { usePresence } from '../presence/usePresence'
import { AppFrame } from './AppFrame'
import { ArticleSkeleton, InlineState } from './InlineState'
import { navigate } from './router'

interface ArticleScreenProps {
  docId: string
  /** Title from the API when we have one; the article's own heading wins once loaded. */
  knownTitle: string | null
  user: LocalUser
  onRename: (name: string) => void
}

export function ArticleScreen({ docId, knownTitle, user, onRename }: ArticleScreenProps) {
  const session = useCollabDoc(docId, user)
  const connection = useConnectionState(session)
  const people = usePresence(session)
  const headingTitle = useDocTitle(connection.hasSynced ? (session?.body ?? null) : null)
  const [renaming, setRenaming] = useState(false)

  const title =
    connection.refusal !== null
      ? 'Article unavailable'
      : (headingTitle ?? knownTitle ?? (connection.hasSynced ? 'Untitled article' : 'Opening the article…'))

  return (
    <AppFrame
      title={title}
      status={
        <>
          <PresenceAvatars people={people} />
          <ConnectionBadge state={connection} />
        </>
      }
      sidebar={
        <>
          <PresenceList
            people={people}
            inStep={connection.phase === 'connected'}
            onRename={() => setRenaming(true)}
          />
          <ClaimsSidebar />
        </>
      }
    >
      <div className="reading-column">
        {session !== null && connection.hasSynced && connection.phase !== 'refused' ? (
          <article className="article-sheet">
            {headingTitle === null && knownTitle !== null && (
              // The body does not carry its headline: show the one the server knows, above the text.
              <header className="article-sheet__header">
                <h1 className="article-sheet__title">{knownTitle}</h1>
              </header>
            )}
            <ArticleEditor session={session} user={user} />
          </article>
        ) : (
          <ArticleBodyPlaceholder connection={connection} />
        )}
      </div>
      {renaming && (
        <RenameDialog
          currentName={user.name}
          onSubmit={(name) => {
            onRename(name)
            setRenaming(false)
          }}
          onClose={() => setRenaming(false)}
        />
      )}
    </AppFrame>
  )
}

/** What stands in for the text until the first sync, or when the server refuses it. */
function ArticleBodyPlaceholder({ connection }: { connection: ConnectionState }) {
  if (connection.refusal !== null) {
    const { title, detail } = refusalMessage(connection.refusal.code)
    return (
      <InlineState tone="error" title={title} action={{ label: 'Open the demo article', onClick: () => navigate('/') }}>
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

// Close codes from the public contract (docs: collaboration socket).
function refusalMessage(code: number): { title: string; detail: string } {
  switch (code) {
    case 4404:
      return { title: 'This article does not exist', detail: 'It may have been deleted, or the link is mistyped.' }
    case 4403:
      return { title: 'You do not have access to this article', detail: 'Ask someone in its workspace to invite you.' }
    case 4401:
      return { title: 'Sign in to open this article', detail: 'Your session has ended or you are not signed in.' }
    default:
      return { title: 'The server closed this article', detail: `The connection was refused (code ${code}).` }
  }
}
