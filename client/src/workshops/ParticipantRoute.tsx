import { ApiError, describeError } from '../api/api'
import { CenteredFrame } from '../ui/CenteredFrame'
import { InlineState } from '../ui/InlineState'
import { joinPath, navigate, workshopPath } from '../ui/router'
import { isTrainerView, workshopsApi, type WorkshopView } from '../api/workshops'
import { joinedWorkshop } from './guestMemory'
import { ParticipantScreen, type ParticipantCopy } from './ParticipantScreen'
import { WorkshopDeleted } from './WorkshopDeleted'
import { useLiveEvent } from '../live/liveEvents'
import { isFinalError, useLiveResource } from './useLiveResource'
import './workshops.css'

/**
 * `/workshop/:id`: a participant's own copy. The guest cookie says who they are, so a
 * reload (or coming back tomorrow) lands in the same copy; when it no longer does, say
 * why and offer the way back in.
 */
export function ParticipantRoute({ workshopId }: { workshopId: string }) {
  // Read again when something changes it: the end (a live event), the reveal (the copy's socket
  // says so, onAccessChanged). Nothing polls.
  const polled = useLiveResource(() => workshopsApi.get(workshopId, { guest: true }), workshopId)
  useLiveEvent('workshop-ended', (event) => event.workshopId === workshopId && polled.refresh())
  useLiveEvent('workshop-updated', (event) => event.workshopId === workshopId && polled.refresh())
  const copy = polled.data === null ? null : copyFrom(polled.data)
  const remembered = joinedWorkshop(workshopId)

  // Known to this browser (it had the copy open, or joined it), now unknown: its trainer deleted it.
  const gone = polled.error instanceof ApiError && polled.error.status === 404 && (copy !== null || remembered !== null)
  if (gone) return <WorkshopDeleted />
  if (copy !== null) {
    // A final error while the copy is open (the guest session ended): keep the text, say so above it.
    const ended = isFinalError(polled.error) ? (
      <SessionProblem error={polled.error} code={remembered?.code} compact />
    ) : null
    return <ParticipantScreen key={copy.docId} copy={copy} problem={ended} onAccessChanged={polled.refresh} />
  }
  if (polled.data !== null && isTrainerView(polled.data)) {
    const view = polled.data
    return (
      <CenteredFrame title="You train this workshop">
        <InlineState
          tone="info"
          title={`You train “${view.title}”`}
          action={{ label: 'Open the trainer page', onClick: () => navigate(workshopPath(view.workspaceId, view.id)) }}
        >
          This browser is signed in as one of the workshop&apos;s trainers and has not joined it as a participant. To
          try it as a participant, open the join link in a private window.
        </InlineState>
      </CenteredFrame>
    )
  }
  if (polled.error) {
    return (
      <CenteredFrame title="Workshop unavailable">
        <SessionProblem error={polled.error} code={remembered?.code} onRetry={polled.refresh} />
      </CenteredFrame>
    )
  }
  return (
    <CenteredFrame title="Opening your copy…">
      <InlineState tone="loading" title="Opening your copy…" />
    </CenteredFrame>
  )
}

/** What the screen needs from either answer: the participant's own document. */
function copyFrom(view: WorkshopView): ParticipantCopy | null {
  if (!isTrainerView(view)) {
    return {
      workshopId: view.id,
      title: view.title,
      articleTitle: view.articleTitle ?? null,
      revealed: view.revealed,
      endsAt: view.endsAt ?? null,
      participantId: view.participant.participantId,
      name: view.participant.name,
      docId: view.participant.docId,
    }
  }
  // A trainer who also joined in this browser: the trainer's answer lists their copy too.
  const mine = joinedWorkshop(view.id)
  const row = mine === null ? undefined : view.participants.find((p) => p.participantId === mine.participantId)
  if (row === undefined) return null
  return {
    workshopId: view.id,
    title: view.title,
    articleTitle: view.article?.title ?? null,
    revealed: view.revealed,
    endsAt: view.endsAt,
    participantId: row.participantId,
    name: row.name,
    docId: row.docId,
  }
}

interface SessionProblemProps {
  error: unknown
  /** The code this browser joined with, for a one-click way back in. */
  code: string | undefined
  onRetry?: () => void
  /** Inside the open copy: shorter, the text stays below. */
  compact?: boolean
}

/** Why this browser cannot reach its copy, and the way forward. */
export function SessionProblem({ error, code, onRetry, compact = false }: SessionProblemProps) {
  const status = error instanceof ApiError ? error.status : -1
  const rejoin = { label: code ? 'Join again' : 'Join with a code', onClick: () => navigate(joinPath(code)) }
  if (status === 401)
    return (
      <InlineState tone="error" title="Your workshop session has ended" action={rejoin}>
        {compact
          ? 'This browser is no longer signed in to the workshop, so new work may not be saved. Join again to continue.'
          : 'This browser no longer holds your workshop pass: it lasts a week, and clearing cookies removes it.'}{' '}
        Joining again gives you a fresh copy; your trainer still sees the work you did before.
      </InlineState>
    )
  if (status === 403)
    return (
      <InlineState tone="error" title="You have not joined this workshop in this browser" action={rejoin}>
        Each participant joins with the workshop&apos;s code. If you joined on another device or browser, continue there
        — or join here with the code to start a new copy.
      </InlineState>
    )
  if (status === 404)
    return (
      <InlineState
        tone="error"
        title="This workshop does not exist"
        action={{ label: 'Join with a code', onClick: () => navigate(joinPath()) }}
      >
        The link may be mistyped. Ask your trainer for the code and join with it.
      </InlineState>
    )
  return (
    <InlineState
      tone="error"
      title={status === 0 ? 'The server cannot be reached' : 'Your copy could not be opened'}
      action={onRetry ? { label: 'Try again', onClick: onRetry } : undefined}
    >
      {status === 0
        ? 'Check your connection (Wi-Fi, network cable) and try again. Your work so far is kept on the server.'
        : describeError(error)}
    </InlineState>
  )
}
