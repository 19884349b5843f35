import { Fragment, useState } from 'react'
import { api, describeError, sentence, ApiError, type Workspace } from '../api/api'
import { AppFrame } from '../ui/AppFrame'
import { Dialog } from '../ui/Dialog'
import { FormError } from '../ui/Field'
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../api/roleLabels'
import { formatDate } from '../ui/format'
import { InlineState } from '../ui/InlineState'
import { navigate } from '../ui/router'
import { canInvite, ROLES, type Member, type Role } from '../api/types'
import { useResource } from '../ui/useResource'
import { useMe } from '../auth/session'
import { Avatar } from '../live/Avatar'
import '../live/presence.css'
import { colorForId } from '../ui/identity'
import { WorkspaceHeader } from '../workspaces/WorkspaceHeader'
import { useWorkspaces } from '../workspaces/workspaces'
import { InviteDialog } from '../workspaces/InviteDialog'
import './members.css'

type Confirming = { member: Member; self: boolean }
/** Per member: a role change on its way (shown at once), its outcome. */
type RowState = { role?: Role; pending?: boolean; error?: string; saved?: boolean }

/** `/w/:id/members`: who is in the workspace; owners change roles and remove people. */
export function MembersPage({ workspace, reloadWorkspace }: { workspace: Workspace; reloadWorkspace: () => void }) {
  const me = useMe()
  const workspaces = useWorkspaces()
  const members = useResource(() => api.members(workspace.id), workspace.id)
  const [inviting, setInviting] = useState(false)
  const [confirming, setConfirming] = useState<Confirming | null>(null)
  const [rowState, setRowState] = useState<Record<string, RowState>>({})
  const isOwner = workspace.role === 'owner'

  const changeRole = async (member: Member, role: Role) => {
    setRowState((s) => ({ ...s, [member.userId]: { role, pending: true } }))
    try {
      const updated = await api.changeRole(workspace.id, member.userId, role)
      setRowState((s) => ({ ...s, [member.userId]: { role: updated.role, saved: true } }))
      window.setTimeout(
        () => setRowState((s) => (s[member.userId]?.saved ? { ...s, [member.userId]: { role: updated.role } } : s)),
        3000,
      )
      members.reload()
      // Your own role changed: what this page lets you do changes with it.
      if (member.userId === me.id) {
        reloadWorkspace()
        void workspaces?.refresh()
      }
    } catch (error) {
      setRowState((s) => ({ ...s, [member.userId]: { error: rowError(error) } }))
    }
  }

  return (
    <AppFrame title="Members">
      <div className="page">
        <WorkspaceHeader
          workspace={workspace}
          current="members"
          actions={
            canInvite(workspace.role) && (
              <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
                Invite people
              </button>
            )
          }
        />
        {members.status === 'loading' && <InlineState tone="loading" title="Loading the members…" />}
        {members.status === 'failed' && (
          <InlineState
            tone="error"
            title="The members could not be loaded"
            action={{ label: 'Try again', onClick: members.reload }}
          >
            {describeError(members.error)}
          </InlineState>
        )}
        {members.status === 'ready' && (
          <section aria-labelledby="members-heading">
            <h2 id="members-heading" className="panel-heading">
              Members <span className="panel-heading__count">{members.data.length}</span>
            </h2>
            {!isOwner && (
              <p className="members__note">
                Only owners change roles and remove members. You can leave the workspace yourself.
              </p>
            )}
            <div className="data-table__wrap">
              <table className="data-table members-table" data-testid="members-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Joined</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {members.data.map((member) => {
                    // The only owner cannot leave (the server refuses it): do not offer it.
                    const soleOwner =
                      member.role === 'owner' && members.data.filter((m) => m.role === 'owner').length === 1
                    const self = member.userId === me.id
                    const row = rowState[member.userId] ?? {}
                    return (
                      <Fragment key={member.userId}>
                        <tr data-testid="member-row" data-email={member.email}>
                          <th scope="row">
                            <span className="members-table__name">
                              <Avatar name={member.name} color={colorForId(member.userId)} size="small" decorative />
                              <span>{member.name}</span>
                              {self && <span className="presence__you">you</span>}
                            </span>
                          </th>
                          <td className="members-table__email">{member.email}</td>
                          <td>
                            {isOwner ? (
                              <div className="members-table__role">
                                <select
                                  className="select select--compact"
                                  aria-label={`Role of ${member.name}`}
                                  value={row.role ?? member.role}
                                  disabled={row.pending}
                                  onChange={(e) => void changeRole(member, e.target.value as Role)}
                                  title={ROLE_DESCRIPTIONS[member.role]}
                                >
                                  {ROLES.map((r) => (
                                    <option key={r} value={r}>
                                      {ROLE_LABELS[r]}
                                    </option>
                                  ))}
                                </select>
                                {row.pending && <span className="members-table__status">Saving…</span>}
                                {row.saved && (
                                  <span className="members-table__status members-table__status--ok" role="status">
                                    Saved
                                  </span>
                                )}
                              </div>
                            ) : (
                              <span className={`role-chip role-chip--${member.role}`}>{ROLE_LABELS[member.role]}</span>
                            )}
                          </td>
                          <td className="members-table__joined">{formatDate(member.joinedAt)}</td>
                          <td className="members-table__actions">
                            {(isOwner || self) && !(self && soleOwner) && (
                              <button
                                type="button"
                                className="button button--quiet button--small button--danger-quiet"
                                onClick={() => setConfirming({ member, self })}
                              >
                                {self ? 'Leave' : 'Remove'}
                                {!self && <span className="visually-hidden"> {member.name}</span>}
                              </button>
                            )}
                          </td>
                        </tr>
                        {row.error && (
                          <tr
                            className="members-table__error-row"
                            data-testid="member-row-error"
                            data-email={member.email}
                          >
                            <td colSpan={5}>
                              <p className="members-table__error" role="alert" data-testid="member-error">
                                {row.error}
                              </p>
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    )
                  })}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </div>
      {inviting && <InviteDialog workspace={workspace} onClose={() => setInviting(false)} />}
      {confirming !== null && (
        <RemoveDialog
          workspace={workspace}
          target={confirming}
          onClose={() => setConfirming(null)}
          onRemoved={() => {
            setConfirming(null)
            if (confirming.self) {
              void workspaces?.refresh()
              navigate('/', { replace: true })
            } else members.reload()
          }}
        />
      )}
    </AppFrame>
  )
}

function rowError(error: unknown): string {
  // 409: the last owner. The server says so; add what to do about it.
  if (error instanceof ApiError && error.status === 409)
    return `${sentence(error.message)} Make someone else an owner first.`
  return describeError(error)
}

function RemoveDialog({
  workspace,
  target,
  onClose,
  onRemoved,
}: {
  workspace: Workspace
  target: Confirming
  onClose: () => void
  onRemoved: () => void
}) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { member, self } = target

  const remove = async () => {
    setPending(true)
    setError(null)
    try {
      await api.removeMember(workspace.id, member.userId)
      onRemoved()
    } catch (e) {
      setError(rowError(e))
      setPending(false)
    }
  }

  return (
    <Dialog
      title={self ? `Leave ${workspace.name}?` : `Remove ${member.name}?`}
      onClose={onClose}
      size="small"
      testId="remove-dialog"
      description={
        self
          ? 'You lose access to its articles at once. To come back you need a new invite.'
          : `${member.name} (${member.email}) loses access to ${workspace.name} at once, including any article they have open. Their past work stays.`
      }
    >
      {error !== null && <FormError>{error}</FormError>}
      <div className="form__actions">
        <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--danger" disabled={pending} onClick={() => void remove()}>
          {pending ? 'Removing…' : self ? 'Leave workspace' : 'Remove from workspace'}
        </button>
      </div>
    </Dialog>
  )
}
