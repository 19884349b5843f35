import { useMemo, type ReactNode } from 'react'
import type { VerdictScale } from '@fc/shared/schema/index'
import { ArticleToolbar } from './editor/ArticleToolbar'
import { useClaimsController } from './claims/ClaimsController'
import { ClaimsSidebar } from './ClaimsSidebar'
import { ClaimsContext, type ClaimsEnv, type ClaimsFeatures } from './claims/context'
import { useConnectionState, type ConnectionState } from '../live/useConnectionState'
import { useFollowAccess, type AccessFollower } from '../live/useFollowAccess'
import { ArticleEditor } from './editor/ArticleEditor'
import { useCollabDoc, type CollabSession } from '../live/useCollabDoc'
import { useDocTitle } from './editor/useDocTitle'
import { PresenceList } from '../live/PresenceList'
import { usePresence, type Person } from '../live/usePresence'
import { ArticleSkeleton, InlineState } from '../ui/InlineState'
import { sourceDomain } from '../ui/format'
import type { ArticleRef, Me, Member, Role } from '../api/types'

// The editor and the claims column around one open document. The article screen, a
// trainer looking at a participant's workshop copy and the participant themselves all
// open a document this way; they differ only in what surrounds it.

export interface OpenDocumentInput {
  docId: string
  /** Who works here: caret label, author of what they add. */
  me: Me
  canWrite: boolean
  /** What the claims UI says about the document (title, workspace); exports and uploads use its id. */
  article: ArticleRef
  members: readonly Member[]
  scale: VerdictScale
  features?: ClaimsFeatures
  /** Told when the server changes this socket's access (a role change): see useLiveRole. */
  follower?: AccessFollower
}

export interface OpenDocument {
  session: CollabSession | null
  connection: ConnectionState
  people: Person[]
  /** The text's own headline (a leading level-1 heading) once in step; null when it has none. */
  headingTitle: string | null
  claimsEnv: ClaimsEnv | null
  /** In step with the server and ready to show: the editor and the claims may mount. */
  open: boolean
}

export function useOpenDocument({
  docId,
  me,
  canWrite,
  article,
  members,
  scale,
  features,
  follower,
}: OpenDocumentInput): OpenDocument {
  const session = useCollabDoc(docId, me)
  const connection = useConnectionState(session)
  useFollowAccess(session, follower)
  const people = usePresence(session)
  const headingTitle = useDocTitle(connection.hasSynced ? (session?.body ?? null) : null)
  // Claims: one controller per open document, shared by the editor and the sidebar.
  const claims = useClaimsController(session?.ydoc ?? null, me.id, canWrite)
  const claimsEnv = useMemo<ClaimsEnv | null>(
    () => (claims === null ? null : { controller: claims, article, me, members, scale, canWrite, features }),
    [claims, article, me, members, scale, canWrite, features],
  )
  const open = session !== null && connection.hasSynced && connection.phase !== 'refused' && claimsEnv !== null
  return { session, connection, people, headingTitle, claimsEnv, open }
}

interface DocumentSidebarProps {
  doc: OpenDocument
  /** Presence heading and the line shown when nobody else is here. */
  presenceHeading?: string
  aloneHint?: string
  /** Above the presence list, e.g. a participant's result. */
  before?: ReactNode
}

/** Who is here, and the claims column (or its outline while the document opens). */
export function DocumentSidebar({ doc, presenceHeading, aloneHint, before }: DocumentSidebarProps) {
  return (
    <>
      {before}
      {/* Refused (removed, signed out, deleted): nobody will show up here again on this page. */}
      {doc.connection.phase !== 'refused' && (
        <PresenceList
          people={doc.people}
          inStep={doc.connection.phase === 'connected'}
          heading={presenceHeading}
          aloneHint={aloneHint}
        />
      )}
      {doc.open && doc.claimsEnv !== null ? (
        <ClaimsContext.Provider value={doc.claimsEnv}>
          <ClaimsSidebar />
        </ClaimsContext.Provider>
      ) : doc.connection.phase === 'refused' ? null : (
        // A refused document never opens: no outline promising claims that will not come.
        <ClaimsSidebarPlaceholder />
      )}
    </>
  )
}

interface DocumentTextProps {
  doc: OpenDocument
  me: Me
  /** Decides whether the text is editable (a viewer's is not). */
  role: Role
  /** Shown as the headline when the text carries none of its own. */
  headline: string
  /** Where the article was published, shown and linked above the text. */
  sourceUrl?: string | null
  /** What stands in for the text until it is open (connecting, refused, offline). */
  placeholder: ReactNode
  /** Writing is paused though the role may write (the server's storage is full). */
  paused?: boolean
  /** Docked above the text with the toolbar, e.g. that your role just changed. */
  notice?: ReactNode
}

/** The marking toolbar and the article sheet with the live editor. */
export function DocumentText({ doc, me, role, headline, sourceUrl, placeholder, notice, paused }: DocumentTextProps) {
  if (!doc.open || doc.session === null || doc.claimsEnv === null) return <>{placeholder}</>
  return (
    <ClaimsContext.Provider value={doc.claimsEnv}>
      <ArticleToolbar banner={notice} />
      <article className="article-sheet">
        {(doc.headingTitle === null || sourceUrl) && (
          <header
            className={
              doc.headingTitle === null
                ? 'article-sheet__header'
                : 'article-sheet__header article-sheet__header--source-only'
            }
          >
            {/* The body does not carry its headline: show the one the server knows, above the text. */}
            {doc.headingTitle === null && <h1 className="article-sheet__title">{headline}</h1>}
            {sourceUrl && <SourceLine url={sourceUrl} />}
          </header>
        )}
        <ArticleEditor session={doc.session} me={me} role={role} paused={paused} claims={doc.claimsEnv.controller} />
      </article>
    </ClaimsContext.Provider>
  )
}

/** The original the checkers work from, one click away (it opens in a new tab). */
function SourceLine({ url }: { url: string }) {
  const domain = sourceDomain(url)
  return (
    <p className="article-sheet__source" data-testid="article-source">
      Source:{' '}
      <a href={url} target="_blank" rel="noopener noreferrer" title={url}>
        {domain ?? url}
        <span aria-hidden="true"> ↗</span>
      </a>
    </p>
  )
}

/** The claims column while the document opens: its heading, and room for the cards. */
export function ClaimsSidebarPlaceholder() {
  return (
    <section className="claims-sidebar keycaps" aria-labelledby="claims-heading" aria-busy="true">
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

interface OpeningPlaceholderProps {
  connection: ConnectionState
  /** What to show when the server refused the document (close codes 44xx). */
  refused: (code: number, hadAccess: boolean) => ReactNode
  /** "the article", "this copy": what is opening. */
  what?: string
}

/** Until the first sync: a skeleton, or why it is taking long, or why it will not open. */
export function OpeningPlaceholder({ connection, refused, what = 'the article' }: OpeningPlaceholderProps) {
  if (connection.refusal !== null) return <>{refused(connection.refusal.code, connection.hasSynced)}</>
  if (connection.phase === 'offline') {
    return (
      <InlineState tone="info" title="You are offline">
        {capitalize(what)} opens as soon as your browser is back online.
      </InlineState>
    )
  }
  if (connection.slowStart) {
    return (
      <InlineState tone="error" title="The collaboration server is not answering">
        Still trying to open {what}. If this persists, check that the server is running and reachable from this browser.
      </InlineState>
    )
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        Opening {what}…
      </p>
      <ArticleSkeleton />
    </>
  )
}

function capitalize(text: string): string {
  return text === '' ? text : text[0]!.toUpperCase() + text.slice(1)
}
