import { useState, type FormEvent } from 'react'
import { api, type Invite, type Workspace } from '../api/api'
import { CopyField } from '../ui/CopyField'
import { Dialog } from '../ui/Dialog'
import { CreateActions, FormError } from '../ui/Field'
import { formErrorsFrom } from '../api/formErrors'
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../api/roleLabels'
import { formatDate } from '../ui/format'
import { invitePath } from '../ui/router'
import { INVITABLE_ROLES } from '@fc/shared/validation/roles'
import type { Role } from '../api/types'

/** The link a new colleague opens: they sign up or log in, then join with the invite's role. */
export function inviteLink(code: string): string {
  return `${location.origin}${invitePath(code)}`
}

/** Roles an inviter may hand out (owners any, editors all but owner), least privileged first. */
export function invitableRoles(role: Role): Role[] {
  return [...INVITABLE_ROLES[role]].reverse()
}

/** Owners and editors: pick a role, get a reusable link (valid for a week) to send. */
export function InviteDialog({ workspace, onClose }: { workspace: Workspace; onClose: () => void }) {
  const roles = invitableRoles(workspace.role)
  const [role, setRole] = useState<Role>('checker')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [invite, setInvite] = useState<Invite | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setPending(true)
    setError(null)
    try {
      setInvite(await api.createInvite(workspace.id, role))
    } catch (e) {
      setError(formErrorsFrom(e, []).form)
    } finally {
      setPending(false)
    }
  }

  return (
    <Dialog
      title={`Invite people to ${workspace.name}`}
      description="Anyone with the link can join with the role you choose, after signing up or logging in. The link works for several people until it expires."
      onClose={onClose}
      size="medium"
      testId="invite-dialog"
    >
      {invite === null ? (
        <form className="form" onSubmit={(e) => void submit(e)}>
          <fieldset className="role-picker">
            <legend className="field__label">Role for people who join</legend>
            {roles.map((r) => (
              <label key={r} className="role-picker__option">
                <input type="radio" name="invite-role" value={r} checked={role === r} onChange={() => setRole(r)} />
                <span>
                  <span className="role-picker__name">{ROLE_LABELS[r]}</span>
                  <span className="role-picker__detail">{ROLE_DESCRIPTIONS[r]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {error !== null && <FormError>{error}</FormError>}
          <CreateActions label="Create invite link" pending={pending} onCancel={onClose} />
        </form>
      ) : (
        <div className="form" data-testid="invite-result">
          <p className="invite-result__summary" role="status">
            Invite for <strong>{ROLE_LABELS[invite.role].toLowerCase()}s</strong> created. It works until{' '}
            {formatDate(invite.expiresAt)}.
          </p>
          <CopyField label="Link to send" value={inviteLink(invite.code)} testId="invite-link" />
          <CopyField label="Invite code" value={invite.code} code testId="invite-code" />
          <div className="form__actions">
            <button type="button" className="button button--quiet" onClick={() => setInvite(null)}>
              Create another
            </button>
            <button type="button" className="button button--primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
