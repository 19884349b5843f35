import { useCallback, useMemo, useState } from 'react'
import { CLOSE_UNAUTHENTICATED, CLOSE_UNKNOWN_DOC } from '@fc/shared/protocol/index'
import { api, ApiError, describeError, type Workspace } from '../api/api'
import { AppFrame } from '../ui/AppFrame'
import { DocumentSidebar, DocumentText, OpeningPlaceholder, useOpenDocument } from '../article/DocumentPanes'
import { InlineState } from '../ui/InlineState'
import { RoleChangeNotice } from '../live/RoleChangeNotice'
import { followLink, navigate, workshopPath, workshopsPath } from '../ui/router'
import { canEdit, type Me, type Member } from '../api/types'
import { useLiveRole } from '../live/useLiveRole'
import { useResource } from '../ui/useResource'
import { useMe } from '../auth/session'
import { useWorkspaces } from '../workspaces/workspaces'
import { DESK_FEATURES, type ClaimsFeatures } from '../article/claims/context'
import { useVerdictScale } from '../article/claims/useVerdictScale'
import { ConnectionBadge } from '../live/ConnectionBadge'
import { PresenceAvatars } from '../live/PresenceAvatars'
import { isTrainerView, workshopsApi, type ParticipantProgress, type TrainerWorkshop } from '../api/workshops'
import './workshops.css'

interface TrainerCopyRouteProps {
  workspace: Workspace
  workshopId: string
  participantId: string
}

async function loadCopy(
  workspaceId: string,
  workshopId: string,
): Promise<{ workshop: TrainerWorkshop; members: Member[] }> {
  const [view, members] = await Promise.all([workshopsApi.get(workshopId), api.members(workspaceId)])
  if (!isTrainerView(view)) throw new ApiError('only the workshop’s trainers may open participants’ copies', 403)
  return { workshop: view, members }
}

/** `/w/:ws/workshops/:id/copies/:participantId`: one participant's copy, as its trainer sees it. */
export function TrainerCopyRoute({ workspace, workshopId, participantId }: TrainerCopyRouteProps) {
  const me = useMe()
  const loaded = useResource(() => loadCopy(workspace.id, workshopId), `${workspace.id}/${workshopId}`)
  const participant =
    loaded.status === 'ready'
      ? loaded.data.workshop.participants.find((p) => p.participantId === participantId)
      : undefined

  if (loaded.status === 'ready' && participant !== undefined) {
    return (
      <TrainerCopyScreen
        key={participant.docId}
        workspace={workspace}
        me={me}
        workshop={loaded.data.workshop}
        participant={participant}
        members={loaded.data.members}
      />
    )
  }

  const back = { label: 'Back to the workshop', onClick: () => navigate(workshopPath(workspace.id, workshopId)) }
  return (
    <AppFrame title={loaded.status === 'loading' ? 'Opening the copy…' : 'Copy unavailable'}>
      <div className="page page--narrow">
        {loaded.status === 'loading' ? (
          <InlineState tone="loading" title="Opening the copy…" />
        ) : loaded.status === 'ready' ? (
          <InlineState tone="error" title="No such participant in this workshop" action={back}>
            The link may be mistyped, or it belongs to another workshop.
          </InlineState>
        ) : loaded.error instanceof ApiError && (loaded.error.status === 403 || loaded.error.status === 404) ? (
          <InlineState
            tone="error"
            title={loaded.error.status === 404 ? 'This workshop does not exist' : 'You do not train this workshop'}
            action={{ label: 'Back to the workshops', onClick: () => navigate(workshopsPath(workspace.id)) }}
          >
            Only a workshop&apos;s trainers open its participants&apos; copies.
          </InlineState>
        ) : (
          <InlineState
            tone="error"
            title="The copy could not be opened"
            action={{ label: 'Try again', onClick: loaded.reload }}
          >
            {describeError(loaded.error)}
          </InlineState>
        )}
      </div>
    </AppFrame>
  )
}

interface TrainerCopyScreenProps {
  workspace: Workspace
  me: Me
  workshop: TrainerWorkshop
  participant: ParticipantProgress
  members: Member[]
}

function TrainerCopyScreen({ workspace, me, workshop, participant, members }: TrainerCopyScreenProps) {
  // Read-only until the trainer means to write: a stray keystroke would change someone's score.
  const [editing, setEditing] = useState(false)
  const reloadRole = useCallback(() => api.workspace(workspace.id).then((w) => w.role), [workspace.id])
  const refreshWorkspaces = useWorkspaces()?.refresh
  const live = useLiveRole(workspace.role, reloadRole, refreshWorkspaces)
  const mayEdit = canEdit(live.role)
  const canWrite = mayEdit && editing
  const scale = useVerdictScale(workspace.id)
  const name = participant.name

  // The participant marks claims under their participant id: name it like a member.
  const people = useMemo<Member[]>(
    () => [
      ...members,
      { userId: participant.participantId, name, email: '', role: 'checker', joinedAt: participant.joinedAt },
    ],
    [members, participant.participantId, participant.joinedAt, name],
  )
  const article = useMemo(
    () => ({
      id: workshop.article?.id ?? workshop.articleId,
      docId: participant.docId,
      title: workshop.article?.title ?? workshop.title,
      workspaceId: workspace.id,
    }),
    [workshop.article, workshop.articleId, workshop.title, participant.docId, workspace.id],
  )
  const features = useMemo<ClaimsFeatures>(
    () => ({
      ...DESK_FEATURES,
      exports: false,
      attachments: false,
      assignees: false,
      suggestions: false,
      seenBefore: false,
      commentPrompt: `Leave ${name} a note: it appears in their copy.`,
      noClaimsReadOnly: `${name} has not marked any claims in this copy.`,
    }),
    [name],
  )
  const doc = useOpenDocument({
    docId: participant.docId,
    me,
    canWrite,
    article,
    members: people,
    scale,
    features,
    follower: live.follower,
  })
  const back = workshopPath(workspace.id, workshop.id)

  return (
    <AppFrame
      title={`${name}'s copy`}
      status={
        <>
          <PresenceAvatars people={doc.people} />
          <ConnectionBadge state={doc.connection} />
        </>
      }
      sidebarLabel="Claims"
      sidebar={
        <DocumentSidebar
          doc={doc}
          presenceHeading="In this copy"
          aloneHint={`${name} does not have their copy open right now.`}
        />
      }
    >
      <div className="reading-column">
        <a className="copy-back" href={back} onClick={followLink} data-testid="copy-back">
          ← Back to “{workshop.title}”
        </a>
        <div className="copy-banner" data-testid="copy-banner">
          <p className="copy-banner__text">
            <strong>{name}&apos;s own copy.</strong>{' '}
            {canWrite
              ? `What you change here, ${name} sees at once, and it counts in their score.`
              : 'You are reading it as it is now; it updates live.'}
          </p>
          {mayEdit && (
            <button
              type="button"
              className="button button--quiet button--small"
              aria-pressed={editing}
              onClick={() => setEditing((e) => !e)}
              data-testid="toggle-copy-editing"
            >
              {editing ? 'Stop editing' : 'Edit or comment'}
            </button>
          )}
        </div>
        <DocumentText
          doc={doc}
          me={me}
          role={canWrite ? live.role : 'viewer'}
          headline={article.title}
          notice={
            live.change !== null && <RoleChangeNotice change={live.change} onDismiss={live.dismiss} what="this copy" />
          }
          placeholder={
            <OpeningPlaceholder
              what="this copy"
              connection={doc.connection}
              refused={(code) => (
                <InlineState
                  tone="error"
                  title={code === CLOSE_UNKNOWN_DOC ? 'This copy no longer exists' : 'You cannot open this copy'}
                  action={{ label: 'Back to the workshop', onClick: () => navigate(back) }}
                >
                  {code === CLOSE_UNAUTHENTICATED
                    ? 'Your session has ended: sign in again.'
                    : 'Only the workshop’s trainers open participants’ copies.'}
                </InlineState>
              )}
            />
          }
        />
      </div>
    </AppFrame>
  )
}
