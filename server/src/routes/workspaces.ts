import { createWorkspaceBody, roleBody } from '@fc/shared'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { forbidden } from '../domain/errors.js'
import { acceptInvite, createInvite } from '../domain/invites.js'
import {
  changeMemberRole,
  createWorkspace,
  listMembers,
  listWorkspacesFor,
  removeMember,
} from '../domain/workspaces.js'
import { requireWorkspaceRole, signedIn, type WorkspaceAccess, workspaceRole } from './access.js'
import { type ApiDeps, limitBody, requireCaller } from './http.js'
import { jsonBody } from './validate.js'

/** Workspaces and their members (mounted at /api/workspaces). */
export function workspaceRoutes({ config, db, auth, access }: ApiDeps) {
  const json = limitBody(config.http.jsonMaxBytes)
  const inviteTtlMs = auth.config.inviteDays * 24 * 60 * 60_000
  // Any member's role is read (403 for others), then whether it may invite at all.
  const inviter = createMiddleware<{ Variables: { workspaceAccess: WorkspaceAccess } }>(async (c, next) => {
    const found = await requireWorkspaceRole(c, db, c.req.param('id') ?? '', 'viewer')
    if (found.role !== 'owner' && found.role !== 'editor') throw forbidden('only owners and editors can invite')
    c.set('workspaceAccess', found)
    await next()
  })

  return (
    new Hono()
      .post('/', json, signedIn, jsonBody(createWorkspaceBody), async (c) => {
        const { name } = c.req.valid('json')
        const workspace = await createWorkspace(db, c.var.signedIn.user.id, name)
        return c.json({ ...workspace, role: 'owner' as const }, 201)
      })
      .get('/', async (c) => c.json(await listWorkspacesFor(db, requireCaller(c).user.id)))
      .get('/:id', async (c) => {
        const { workspace, role } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
        return c.json({ ...workspace, role })
      })
      .post('/:id/invites', json, inviter, jsonBody(roleBody), async (c) => {
        const { workspace, role: inviterRole, userId } = c.var.workspaceAccess
        const { role } = c.req.valid('json')
        const invite = await createInvite(db, {
          workspaceId: workspace.id,
          inviterRole,
          inviterId: userId,
          role,
          ttlMs: inviteTtlMs,
        })
        return c.json(invite, 201)
      })
      .get('/:id/members', async (c) => {
        const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
        return c.json(await listMembers(db, workspace.id))
      })
      .patch('/:id/members/:userId', json, workspaceRole(db, 'owner'), jsonBody(roleBody), async (c) => {
        const { workspace } = c.var.workspaceAccess
        const { role } = c.req.valid('json')
        // The member's open sockets follow the new role (changeMemberRole tells access).
        return c.json(await changeMemberRole(db, access, workspace.id, c.req.param('userId'), role))
      })
      // Owners remove anyone; any member may remove themselves (leave). The last owner can do neither.
      .delete('/:id/members/:userId', async (c) => {
        const target = c.req.param('userId')
        const self = requireCaller(c).user.id === target
        const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), self ? 'viewer' : 'owner')
        await removeMember(db, access, workspace.id, target)
        return c.body(null, 204)
      })
  )
}

/** Accepting an invite (mounted at /api/invites). */
export function inviteRoutes({ db }: ApiDeps) {
  return new Hono().post('/:code/accept', async (c) => {
    const caller = requireCaller(c)
    return c.json(await acceptInvite(db, c.req.param('code').slice(0, 200), caller.user.id))
  })
}
