import { useEffect, useState } from 'react'
import { DEMO_ARTICLE_TITLE } from '@fc/shared/workshop/demo-key'
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
import { useLiveEvent } from '../live/liveEvents'
import { CountdownControl, TimeLeft } from './Countdown'
import { HeatmapPanel } from './HeatmapPanel'
import { TrainerTabs } from './TrainerTabs'
import { useLiveResource, type LiveResource } from './useLiveResource'
import { WorkshopStateChip } from './WorkshopStateChip'
import './workshops.css'

/** `/w/:workspaceId/workshops/:id`: the trainer's control room for one workshop. */
export function TrainerWorkshopRoute({ workspace, workshopId }: { workspace: Workspace; workshopId: string }) {
  // Participants' progress arrives as live events (a participant joined or changed their claims):
  // each one reloads the view, at most every 250 ms however busy the room. Nothing polls.
  const polled = useLiveResource(() => workshopsApi.get(workshopId), workshopId)
  useLiveEvent('workshop', (event) => event.workshopId === workshopId && polled.refresh())
  useLiveEvent('workshop-ended', (event) => event.workshopId === workshopId && polled.refresh())
  useLiveEvent('workshop-updated', (event) => event.workshopId === workshopId && polled.refresh())
  const view = polled.data

  // The workshop lives in another workspace than the address says: go to its own address.
  const elsewhere = view !== null && isTrainerView(view) && view.workspaceId !== workspace.id ? view.workspaceId : null
  useEffect(() => {
    if (elsewhere !== null) navigate(workshopPath(elsewhere, workshopId), { replace: true })
  }, [elsewhere, workshopId])

  if (view !== null && isTrainerView(view))
    return <TrainerWorkshopPage workspace={workspace} workshop={view} polled={polled} />

  return (
    <AppFrame title={view === null && !polled.error ? 'Opening the workshop…' : 'Workshop unavailable'}>
      <div className="page page--narrow">
        {view !== null ? (
          // The caller takes part in it with a guest session, but does not train it.
          <InlineState
            tone="info"
            title={`You take part in “${view.title}”`}
            action={{ label: 'Open your copy', onClick: () => navigate(participantPath(view.id)) }}
          >
            This browser joined the workshop as a participant. Only the workspace&apos;s owners and editors (and whoever
            created the workshop) see its trainer page.
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

function WorkshopFailure({
  error,
  workspaceId,
  onRetry,
}: {
  error: unknown
  workspaceId: string
  onRetry: () => void
}) {
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
        Workshops are run by their workspace&apos;s owners and editors, and by whoever created them. Ask one of them to
        share the results.
      </InlineState>
    )
  return (
    <InlineState
      tone="error"
      title={status === 0 ? 'The server cannot be reached' : 'The workshop could not be opened'}
      action={{ label: 'Try again', onClick: onRetry }}
    >
      {describeError(error)}
    </InlineState>
  )
}

interface TrainerWorkshopPageProps {
  workspace: Workspace
  workshop: TrainerWorkshop
  polled: LiveResource<unknown>
}

function TrainerWorkshopPage({ workspace, workshop, polled }: TrainerWorkshopPageProps) {
  const scale = useVerdictScale(workspace.id)
  const [dialog, setDialog] = useState<'reveal' | 'rename' | 'delete' | null>(null)
  const close = () => setDialog(null)
  const live = { updatedAt: polled.updatedAt, error: polled.error, refresh: polled.refresh }
  // The heat map reads every copy: reloaded on the same live events, at most twice a second.
  const heatmap = useLiveResource(() => workshopsApi.heatmap(workshop.id), workshop.id, 400)
  useLiveEvent('workshop', (event) => event.workshopId === workshop.id && heatmap.refresh())
  const [keyVersion, setKeyVersion] = useState(0)
  const keySaved = () => {
    setKeyVersion((n) => n + 1)
    polled.refresh()
  }
  const started = workshop.participants.length > 0

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
                <TimeLeft endsAt={workshop.endsAt} testId="trainer-time-left" />
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
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => setDialog('rename')}
                  data-testid="rename-workshop"
                >
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
                    <a href="#key">Save an answer key</a> first.
                  </p>
                )}
              </div>
            )}
          </div>
        </div>

        <TrainerTabs
          initial={workshop.revealed ? 'results' : !workshop.hasKey ? 'key' : started ? 'live' : 'join'}
          tabs={[
            {
              id: 'join',
              label: 'Join',
              panel: (
                <div className="join-tab">
                  <JoinPanel code={workshop.joinCode} title={workshop.title} endsAt={workshop.endsAt} />
                  {!workshop.revealed && (
                    <CountdownControl workshopId={workshop.id} endsAt={workshop.endsAt} onChanged={polled.refresh} />
                  )}
                </div>
              ),
            },
            {
              id: 'live',
              label: (
                <>
                  Live <span className="panel-heading__count">{workshop.participants.length}</span>
                </>
              ),
              panel: (
                <>
                  <ParticipantsPanel workshop={workshop} live={live} />
                  <HeatmapPanel heatmap={heatmap} participants={workshop.participants} scale={scale} />
                </>
              ),
            },
            {
              id: 'key',
              label: 'Answer key',
              panel: (
                <AnswerKeyEditor
                  workshopId={workshop.id}
                  articleDocId={workshop.article?.docId ?? null}
                  revealed={workshop.revealed}
                  demoArticle={workshop.article?.title === DEMO_ARTICLE_TITLE}
                  scale={scale}
                  onSaved={keySaved}
                />
              ),
            },
            {
              id: 'results',
              label: 'Results',
              panel: workshop.hasKey ? (
                <ResultsPanel workshopId={workshop.id} scale={scale} keyVersion={String(keyVersion)} />
              ) : (
                <div className="empty-state empty-state--compact" data-testid="results-need-key">
                  <h3 className="empty-state__title">Results need an answer key</h3>
                  <p className="empty-state__text">
                    Participants are scored against the key. <a href="#key">Save one</a> (on the demo article, one click
                    loads a ready-made key), and the scores, charts and CSV appear here — live while the room works.
                  </p>
                </div>
              ),
            },
          ]}
        />
      </div>
      {dialog === 'reveal' && (
        <RevealDialog
          workshopId={workshop.id}
          participants={workshop.participants.length}
          onRevealed={polled.refresh}
          onClose={close}
        />
      )}
      {dialog === 'rename' && (
        <RenameWorkshopDialog
          workshopId={workshop.id}
          title={workshop.title}
          onRenamed={polled.refresh}
          onClose={close}
        />
      )}
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
