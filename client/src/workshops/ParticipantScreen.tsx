import { useMemo, useRef, useState, type ReactNode } from 'react'
import { ACCESS_REASONS } from '@fc/shared/protocol/index'
import { TimeLeft, useTimeLeft } from './Countdown'
import { CLOSE_REASONS, CLOSE_UNAUTHENTICATED, CLOSE_UNKNOWN_DOC } from '@fc/shared/protocol/index'
import { AppFrame } from '../ui/AppFrame'
import { DocumentSidebar, DocumentText, OpeningPlaceholder, useOpenDocument } from '../article/DocumentPanes'
import { InlineState } from '../ui/InlineState'
import { noticeForNextScreen } from '../ui/nextScreenNotice'
import { joinPath, navigate } from '../ui/router'
import type { ArticleRef, Me, Member } from '../api/types'
import { DESK_FEATURES, type ClaimsFeatures } from '../article/claims/context'
import { useWorkshopVerdictScale } from '../article/claims/useVerdictScale'
import { ConnectionBadge } from '../live/ConnectionBadge'
import type { AccessFollower } from '../live/useFollowAccess'
import { CopyLockedNotice } from './CopyLockedNotice'
import { colorForId } from '../ui/identity'
import { Avatar } from '../live/Avatar'
import { forgetJoin, joinedWorkshop } from './guestMemory'
import { LeaveWorkshopDialog } from './LeaveWorkshopDialog'
import { ParticipantResultCard } from './ParticipantResultCard'
import { WorkshopDeleted } from './WorkshopDeleted'

/** Everything a participant's screen needs, from `GET /api/workshops/:id`. */
export interface ParticipantCopy {
  workshopId: string
  title: string
  articleTitle: string | null
  revealed: boolean
  /** The countdown's end, or null. */
  endsAt: string | null
  participantId: string
  name: string
  docId: string
}

// A workshop copy is one person's exercise: nothing to export or assign, no uploads
// (those are article routes, out of a guest's reach), no suggested claims (finding them is
// the exercise). Notes the trainer leaves read as theirs.
const PARTICIPANT_FEATURES: ClaimsFeatures = {
  ...DESK_FEATURES,
  exports: false,
  attachments: false,
  assignees: false,
  suggestions: false,
  seenBefore: false,
  history: false,
  strangerName: 'Trainer',
  commentPrompt: 'Note your reasoning: your trainer can read it too.',
  noClaimsReadOnly: 'No claims were marked in this copy before it locked.',
}

interface ParticipantScreenProps {
  copy: ParticipantCopy
  /** Shown above the text when the session has a problem while the copy is open. */
  problem: ReactNode
  /** The socket said the copy's access changed (the reveal, the end): read the workshop again. */
  onAccessChanged: () => void
}

/** The participant's own copy in the full editor, under a header that says whose and which. */
export function ParticipantScreen({ copy, problem, onAccessChanged }: ParticipantScreenProps) {
  const { participantId, name, docId, workshopId } = copy
  const headline = copy.articleTitle ?? copy.title
  const me = useMemo<Me>(
    () => ({ id: participantId, name, email: '', color: colorForId(participantId) }),
    [participantId, name],
  )
  const members = useMemo<Member[]>(
    () => [{ userId: participantId, name, email: '', role: 'checker', joinedAt: '' }],
    [participantId, name],
  )
  // The editor's idea of "the article": this copy. Its id is never used for a request here.
  const article = useMemo<ArticleRef>(
    () => ({ id: workshopId, docId, title: headline, workspaceId: '' }),
    [workshopId, docId, headline],
  )
  // Locked at the reveal or the end: the socket says so the moment it happens, the view read
  // again right after (and on a reload, before the socket opens). Never unlocked again.
  const [lockedLive, setLockedLive] = useState<string | null>(null)
  const accessChangedRef = useRef(onAccessChanged)
  accessChangedRef.current = onAccessChanged
  const follower = useMemo<AccessFollower>(
    () => ({
      accessChanged: (access) => {
        if (!access.canWrite) setLockedLive(access.reason ?? 'locked')
        accessChangedRef.current()
      },
      connected: () => undefined,
    }),
    [],
  )
  const timeLeft = useTimeLeft(copy.endsAt)
  const endedByTime = timeLeft !== null && timeLeft <= 0
  const locked = copy.revealed || endedByTime || lockedLive !== null
  const lockReason = copy.revealed || lockedLive === ACCESS_REASONS.workshopRevealed ? 'revealed' : 'ended'
  const scale = useWorkshopVerdictScale(workshopId)
  const doc = useOpenDocument({
    docId,
    me,
    canWrite: !locked,
    article,
    members,
    scale,
    features: PARTICIPANT_FEATURES,
    follower,
  })
  const code = joinedWorkshop(workshopId)?.code
  const [leaving, setLeaving] = useState(false)
  const left = (title: string) => {
    forgetJoin(workshopId)
    noticeForNextScreen(`You left “${title}”. Your work stays with your trainer; the next person can join below.`)
    navigate(joinPath(code))
  }

  // The socket refused for an ended session: the text's placeholder says so, once; nothing
  // else on the page (the polled warning, the intro, Leave) still applies.
  const sessionEnded = doc.connection.refusal?.code === CLOSE_UNAUTHENTICATED
  const canLeave = !sessionEnded && problem === null

  if (
    doc.connection.refusal?.code === CLOSE_UNKNOWN_DOC &&
    doc.connection.refusal.reason === CLOSE_REASONS.workshopDeleted
  )
    return <WorkshopDeleted />

  return (
    <AppFrame
      guest
      title={copy.title}
      status={
        <>
          <span className="copy-chip" data-testid="your-copy">
            Your copy
          </span>
          <span className="participant-badge" data-testid="participant-name" title={`You joined as ${name}`}>
            <Avatar name={name} color={me.color} size="small" decorative />
            <span className="participant-badge__name">{name}</span>
          </span>
          <span className="participant-clock participant-clock--bar">
            <TimeLeft endsAt={copy.endsAt} testId="participant-time-left" />
          </span>
          <ConnectionBadge state={doc.connection} />
          {canLeave && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setLeaving(true)}
              data-testid="leave-workshop"
            >
              Leave
            </button>
          )}
          {leaving && (
            <LeaveWorkshopDialog title={copy.title} onLeft={() => left(copy.title)} onClose={() => setLeaving(false)} />
          )}
        </>
      }
      sidebarLabel="Claims"
      sidebar={
        <DocumentSidebar
          doc={doc}
          presenceHeading="In your copy"
          aloneHint="Only you are here. Your trainer may look in to follow your progress; other participants cannot."
        />
      }
    >
      <div className="reading-column">
        {/* Narrow screens have no room in the top bar for these: say them above the text. */}
        <p className="participant-heading">
          <span className="participant-heading__title">{copy.title}</span>
          <span className="participant-heading__who">Your copy · {name}</span>
          <span className="participant-clock participant-clock--heading">
            <TimeLeft endsAt={copy.endsAt} testId="participant-time-left-heading" />
          </span>
        </p>
        {!sessionEnded && problem}
        {copy.revealed ? (
          <ParticipantResultCard workshopId={workshopId} participantId={participantId} scale={scale} />
        ) : (
          !sessionEnded && !locked && <IntroBanner />
        )}
        <DocumentText
          doc={doc}
          me={me}
          role={locked ? 'viewer' : 'checker'}
          headline={headline}
          notice={locked && <CopyLockedNotice reason={lockReason} />}
          placeholder={
            <OpeningPlaceholder
              what="your copy"
              connection={doc.connection}
              refused={(refusal) => (
                <InlineState
                  tone="error"
                  title={
                    refusal === CLOSE_UNAUTHENTICATED
                      ? 'Your workshop session has ended'
                      : refusal === CLOSE_UNKNOWN_DOC
                        ? 'Your copy no longer exists'
                        : 'Your copy cannot be opened here'
                  }
                  action={{ label: code ? 'Join again' : 'Join with a code', onClick: () => navigate(joinPath(code)) }}
                >
                  {refusal === CLOSE_UNAUTHENTICATED
                    ? 'This browser no longer holds your workshop pass. Joining again gives you a fresh copy; your trainer still sees the work you did before.'
                    : 'Ask your trainer for the code and join again.'}
                </InlineState>
              )}
            />
          }
        />
      </div>
    </AppFrame>
  )
}

function IntroBanner() {
  return (
    <div className="participant-intro keycaps" data-testid="participant-intro">
      <p className="participant-intro__title">Check this article as you would on the desk.</p>
      <p className="participant-intro__text">
        Select a statement and choose <strong>Mark as claim</strong>, then open its card to give a verdict and add
        evidence. Your copy is yours alone: other participants cannot see it, your trainer can. Your result appears here
        once your trainer reveals the results.
      </p>
    </div>
  )
}
