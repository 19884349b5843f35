import type { Db, Queryable } from '../storage/db.js'
import { conflict, notFound } from './errors.js'
import { newId } from './ids.js'
import { canRunWorkshops, canWriteDocuments, type Role } from '@fc/shared'
import type { AccessEvents } from './access-events.js'

export interface Workspace {
  id: string
  name: string
}

export interface WorkspaceWithRole extends Workspace {
  role: Role
}

export interface Member {
  userId: string
  email: string
  name: string
  role: Role
  joinedAt: string
}

/** Creates a workspace with its creator as owner. Run inside a transaction. */
export async function insertWorkspace(q: Queryable, ownerId: string, name: string): Promise<Workspace> {
  const workspace = { id: newId(), name }
  const now = Date.now()
  await q.query('INSERT INTO workspaces (id, name, created_by, created_at) VALUES ($1, $2, $3, $4)', [
    workspace.id,
    name,
    ownerId,
    now,
  ])
  await q.query('INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)', [
    workspace.id,
    ownerId,
    'owner',
    now,
  ])
  return workspace
}

export function createWorkspace(db: Db, ownerId: string, name: string): Promise<Workspace> {
  return db.tx((q) => insertWorkspace(q, ownerId, name))
}

/** The caller's workspaces, oldest membership first (the first one is the signup workspace). */
export function listWorkspacesFor(q: Queryable, userId: string): Promise<WorkspaceWithRole[]> {
  return q.query<WorkspaceWithRole>(
    `SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
      WHERE m.user_id = $1 ORDER BY m.created_at, w.created_at, w.id`,
    [userId],
  )
}

export async function getWorkspace(q: Queryable, id: string): Promise<Workspace | null> {
  const rows = await q.query<Workspace>('SELECT id, name FROM workspaces WHERE id = $1', [id])
  return rows[0] ?? null
}

/** The user's role in the workspace, or null when not a member. */
export async function roleIn(q: Queryable, workspaceId: string, userId: string): Promise<Role | null> {
  const rows = await q.query<{ role: Role }>('SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2', [
    workspaceId,
    userId,
  ])
  return rows[0]?.role ?? null
}

export async function listMembers(q: Queryable, workspaceId: string): Promise<Member[]> {
  const rows = await q.query<{ user_id: string; email: string; name: string; role: Role; created_at: number }>(
    `SELECT m.user_id, u.email, u.name, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.workspace_id = $1 ORDER BY m.created_at, u.email`,
    [workspaceId],
  )
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    name: r.name,
    role: r.role,
    joinedAt: new Date(Number(r.created_at)).toISOString(),
  }))
}

/** Adds a member, or leaves an existing member's role as it is. Returns the role they hold afterwards. */
export async function addMember(q: Queryable, workspaceId: string, userId: string, role: Role): Promise<Role> {
  await q.query(
    `INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (workspace_id, user_id) DO NOTHING`,
    [workspaceId, userId, role, Date.now()],
  )
  const current = await roleIn(q, workspaceId, userId)
  if (!current) throw notFound('workspace')
  return current
}

/**
 * Membership changes of one workspace are serialized (advisory lock on PostgreSQL),
 * so two owners demoting each other at once cannot leave the workspace ownerless.
 */
function withMembershipLock<T>(db: Db, workspaceId: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
  return db.txLocked(`workspace-members:${workspaceId}`, fn)
}

async function ensureNotLastOwner(q: Queryable, workspaceId: string, userId: string, action: string): Promise<void> {
  const owners = await q.query<{ user_id: string }>(
    "SELECT user_id FROM memberships WHERE workspace_id = $1 AND role = 'owner'",
    [workspaceId],
  )
  if (owners.length === 1 && owners[0]!.user_id === userId)
    throw conflict(`cannot ${action} the last owner of the workspace`)
}

/**
 * Once committed, the member's open sockets (on every instance) follow the new role at once,
 * and are told of it; those on participants' copies close if the role no longer makes them a trainer.
 */
export async function changeMemberRole(
  db: Db,
  access: AccessEvents,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<Member> {
  const member = await withMembershipLock(db, workspaceId, async (q) => {
    const current = await roleIn(q, workspaceId, userId)
    if (!current) throw notFound('member')
    if (current === 'owner' && role !== 'owner') await ensureNotLastOwner(q, workspaceId, userId, 'demote')
    await q.query('UPDATE memberships SET role = $1 WHERE workspace_id = $2 AND user_id = $3', [
      role,
      workspaceId,
      userId,
    ])
    const member = (await listMembers(q, workspaceId)).find((m) => m.userId === userId)
    if (!member) throw notFound('member')
    return member
  })
  access.changed({
    kind: 'member',
    workspaceId,
    userId: member.userId,
    canWrite: canWriteDocuments(member.role),
    role: member.role,
    trainsWorkshops: canRunWorkshops(member.role),
  })
  return member
}

/** Once committed, the member's open sockets in the workspace close everywhere (4403). */
export async function removeMember(db: Db, access: AccessEvents, workspaceId: string, userId: string): Promise<void> {
  await withMembershipLock(db, workspaceId, async (q) => {
    const current = await roleIn(q, workspaceId, userId)
    if (!current) throw notFound('member')
    if (current === 'owner') await ensureNotLastOwner(q, workspaceId, userId, 'remove')
    await q.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId])
  })
  access.changed({ kind: 'member', workspaceId, userId, canWrite: null })
}
