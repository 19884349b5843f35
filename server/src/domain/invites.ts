import { canInvite, type Role } from '@fc/shared'
import type { Db, Queryable } from '../storage/db.js'
import { DomainError, forbidden } from './errors.js'
import { hashSecret, newSecret } from './ids.js'
import { addMember } from './workspaces.js'

/**
 * Invite codes are reusable until they expire (one code can be shared with a
 * whole desk). Only their hash is stored; the code itself is shown once.
 */
export interface Invite {
  code: string
  role: Role
  expiresAt: string
}

export async function createInvite(
  q: Queryable,
  input: { workspaceId: string; inviterRole: Role; inviterId: string; role: Role; ttlMs: number },
): Promise<Invite> {
  if (!canInvite(input.inviterRole, input.role)) {
    throw forbidden(
      input.inviterRole === 'editor' ? 'an editor cannot invite owners' : 'only owners and editors can invite',
    )
  }
  const code = newSecret('', 18) // 24 url-safe characters, 144 random bits
  const now = Date.now()
  const expiresAt = now + input.ttlMs
  await q.query(
    'INSERT INTO invites (code_hash, workspace_id, role, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [hashSecret(code), input.workspaceId, input.role, input.inviterId, now, expiresAt],
  )
  return { code, role: input.role, expiresAt: new Date(expiresAt).toISOString() }
}

/**
 * Joins the invite's workspace with the invite's role. An existing member keeps
 * the role they have (an invite never changes a role: that is the owners' call).
 */
export function acceptInvite(db: Db, code: string, userId: string): Promise<{ workspaceId: string; role: Role }> {
  return db.tx(async (q) => {
    const rows = await q.query<{ workspace_id: string; role: Role; expires_at: number }>(
      'SELECT workspace_id, role, expires_at FROM invites WHERE code_hash = $1',
      [hashSecret(code)],
    )
    const invite = rows[0]
    if (!invite || Number(invite.expires_at) <= Date.now())
      throw new DomainError('not_found', 'invite not found or expired')
    const role = await addMember(q, invite.workspace_id, userId, invite.role)
    return { workspaceId: invite.workspace_id, role }
  })
}
