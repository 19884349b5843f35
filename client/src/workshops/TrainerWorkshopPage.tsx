import { useEffect, useState } from 'react'
import { ApiError, describeError, type Workspace } from '../api/api'
import { AppFrame } from '../ui/AppFrame'
import { formatDateTime } from '../ui/format'
import { InlineState } from '../ui/InlineState'
import { noticeForNextScreen } from '../ui/nextScreenNotice'
import { articlePath, followLink, navigate, participantPath, workshopPath, workshopsPath } from '../ui/router'
import { useVerdictScale } from '../article/claims/useVerdictScale'
import { AnswerKeyEditor } from './AnswerKeyEditor'
import { isTrainerView, workshopsApi, type TrainerWorkshop } from '../api/workshops'
import { JoinPanel } from './JoinPanel'
import { ParticipantsPanel } from './ParticipantsPanel'
import { DeleteWorkshopDialog } from './DeleteWorkshopDialog'
import { RenameWorkshopDialog } from './RenameWorkshopDialog'
import { ResultsPanel } from './ResultsPanel'
import { RevealDialog } from './RevealDialog'
import { usePolling, type Polled } from './usePolling'
import { WorkshopStateChip } from './WorkshopStateChip'
import './workshops.css'

/** Participants' progress is read from their copies: every few seconds is live enough for a room. */
export const PROGRESS_POLL_MS = 3000

/** `/w/:workspaceId/workshops/:id`: the trainer's control room for one workshop. */
export function TrainerWorkshopRoute({ workspace, workshopId }: { workspace: Workspace; workshopId: string }) {
  const polled = usePolling(() => workshopsApi.get(workshopId), workshopId, PROGRESS_POLL_MS)
  const view = polled.data

  // The workshop lives in another workspace than the address says: go to its own address.
  const elsewhere = view !== null && isTrainerView(view) && view.workspaceId !== workspace.id ? view.workspaceId : null
  useEffect(() => {
    if (elsewhere !== null) navigate(workshopPath(elsewhere, workshopId), { replace: true })
  }, [elsewhere, workshopId])

  if (view !== null && isTrainerView(view)) return <TrainerWorkshopPage workspace={workspace} workshop={view} polled={polled} />

  return (
    <AppFrame title={view === null && !polled.error ? 'Opening the workshop…' : 'Workshop unavailable'}>
      <div className="page page--narrow">
        {view !== null ? (
          // The caller takes part in it with a guest session, but does not train it.
          <InlineState tone="info" title={`You take part in “${view.title}”`} action={{ label: 'Open your copy', onClick: () => navigate(participantPath(view.id)) }}>
            This browser joined the workshop as a participant. Only the workspace&apos;s owners and editors (and whoever created the workshop)
            see its trainer page.
          </InlineState>
        ) : polled.error ? (
          <WorkshopFailure error={polled.error} workspaceId={workspace.id} onRetry={polled.refresh} />
        ) : (
          <InlineState tone="loading" title="Opening the workshop…" />
        )}
      </div>
    </AppFrame>
  )
}

function WorkshopFailure({ error, workspaceId, onRetry }: { error: unknown; workspaceId: string; onRetry: () => void }) {
  const status = error instanceof ApiError ? error.status : -1
  const back = { label: 'Back to the workshops', onClick: () => navigate(workshopsPath(workspaceId)) }
  if (status === 404)
    return (
      <InlineState tone="error" title="This workshop does not exist" action={back}>
        The link may be mistyped, or the workshop belongs to another server.
      </InlineState>
    )
  if (status === 403)
    return (
      <InlineState tone="error" title="You do not train this workshop" action={back}>
        Workshops are run by their workspace&apos;s owners and editors, and by whoever created them. Ask one of them to share the results.
      </InlineState>
    )
  return (
    <InlineState tone="error" title={status === 0 ? 'The server cannot be reached' : 'The workshop could not be opened'} action={{ label: 'Try again', onClick: onRetry }}>
      {describeError(error)}
    </InlineState>
  )
}

interface TrainerWorkshopPageProps {
  workspace: Workspace
  workshop: TrainerWorkshop
  polled: Polled<unknown>
}

function TrainerWorkshopPage({ workspace, workshop, polled }: TrainerWorkshopPageProps) {
  const scale = useVerdictScale(workspace.id)
  const [dialog, setDialog] = useState<'reveal' | 'rename' | 'delete' | null>(null)
  const close = () => setDialog(null)
  const live = { updatedAt: polled.updatedAt, error: polled.error, refresh: polled.refresh }

  return (
    <AppFrame title={workshop.title}>
      <div className="page page--wide workshop-page" data-testid="trainer-workshop">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <a href={workshopsPath(workspace.id)} onClick={followLink}>
            Workshops
          </a>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{workshop.title}</span>
        </nav>
        <div className="page-header workshop-page__header">
          <div className="page-header__row">
            <div>
              <div className="page-header__heading">
                <h1 className="page-header__title" data-testid="workshop-title">
                  {workshop.title}
                </h1>
                <WorkshopStateChip workshop={workshop} />
              </div>
              <p className="workshop-page__meta">
                On{' '}
                {workshop.article ? (
                  <a href={articlePath(workshop.article.id)} onClick={followLink}>
                    {workshop.article.title}
                  </a>
                ) : (
                  'an article that no longer exists'
                )}
                <span aria-hidden="true"> · </span>created {formatDateTime(workshop.createdAt)}
                {workshop.revealed && workshop.revealedAt && (
                  <span data-testid="revealed-at">
                    <span aria-hidden="true"> · </span>results revealed {formatDateTime(workshop.revealedAt)}
                  </span>
                )}
              </p>
              <div className="workshop-page__manage">
                <button type="button" className="button button--quiet button--small" onClick={() => setDialog('rename')} data-testid="rename-workshop">
                  Rename…
                </button>
                <button
                  type="button"
                  className="button button--quiet button--small button--danger-quiet"
                  onClick={() => setDialog('delete')}
                  data-testid="delete-workshop"
                >
                  Delete workshop…
                </button>
              </div>
            </div>
            {!workshop.revealed && (
              <div className="page-header__actions workshop-page__reveal">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => setDialog('reveal')}
                  disabled={!workshop.hasKey}
                  aria-describedby={workshop.hasKey ? undefined : 'reveal-needs-key'}
                  data-testid="reveal"
                >
                  Reveal results…
                </button>
                {!workshop.hasKey && (
                  <p id="reveal-needs-key" className="workshop-page__reveal-hint">
                    <a href="#answer-key">Save an answer key</a> first.
                  </p>
                )}
              </div>
            )}
          </div>
        </div>

        {/* Before the reveal the room needs the code; after it, the debrief needs the results. */}
        {workshop.revealed ? (
          <>
            <ResultsPanel workshopId={workshop.id} />
            <ParticipantsPanel workshop={workshop} live={live} />
            <JoinPanel code={workshop.joinCode} title={workshop.title} />
          </>
        ) : (
          <>
            <JoinPanel code={workshop.joinCode} title={workshop.title} />
            <ParticipantsPanel workshop={workshop} live={live} />
          </>
        )}
        <AnswerKeyEditor
          workshopId={workshop.id}
          articleDocId={workshop.article?.docId ?? null}
          revealed={workshop.revealed}
          scale={scale}
          onSaved={polled.refresh}
        />
      </div>
      {dialog === 'reveal' && (
        <RevealDialog workshopId={workshop.id} participants={workshop.participants.length} onRevealed={polled.refresh} onClose={close} />
      )}
      {dialog === 'rename' && <RenameWorkshopDialog workshopId={workshop.id} title={workshop.title} onRenamed={polled.refresh} onClose={close} />}
      {dialog === 'delete' && (
        <DeleteWorkshopDialog
          workshopId={workshop.id}
          title={workshop.title}
          participants={workshop.participants.length}
          onDeleted={() => {
            noticeForNextScreen(`Workshop “${workshop.title}” deleted, with its participants’ copies and results.`)
            navigate(workshopsPath(workspace.id), { replace: true })
          }}
          onClose={close}
        />
      )}
    </AppFrame>
  )
}
