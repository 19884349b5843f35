import { createWorkspaceBody, roleBody } from '@fc/shared'
import { Hono } from 'hono'
import { forbidden } from '../domain/errors.js'
import { acceptInvite, createInvite } from '../domain/invites.js'
import {
  changeMemberRole,
  createWorkspace,
  listMembers,
  listWorkspacesFor,
  removeMember,
} from '../domain/workspaces.js'
import { requireWorkspaceRole } from './access.js'
import { type ApiDeps, limitBody, readJson, requireCaller } from './http.js'

/** Workspaces, invites, members. */
export function workspaceRoutes({ config, db, auth, access }: ApiDeps): Hono {
  const app = new Hono()
  const json = limitBody(config.http.jsonMaxBytes)
  const inviteTtlMs = auth.config.inviteDays * 24 * 60 * 60_000

  app.post('/api/workspaces', json, async (c) => {
    const caller = requireCaller(c)
    const { name } = await readJson(c, createWorkspaceBody)
    const workspace = await createWorkspace(db, caller.user.id, name)
    return c.json({ ...workspace, role: 'owner' }, 201)
  })

  app.get('/api/workspaces', async (c) => c.json(await listWorkspacesFor(db, requireCaller(c).user.id)))

  app.get('/api/workspaces/:id', async (c) => {
    const { workspace, role } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
    return c.json({ ...workspace, role })
  })

  app.post('/api/workspaces/:id/invites', json, async (c) => {
    const { workspace, role: inviterRole, userId } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
    if (inviterRole !== 'owner' && inviterRole !== 'editor') throw forbidden('only owners and editors can invite')
    const { role } = await readJson(c, roleBody)
    const invite = await createInvite(db, {
      workspaceId: workspace.id,
      inviterRole,
      inviterId: userId,
      role,
      ttlMs: inviteTtlMs,
    })
    return c.json(invite, 201)
  })

  app.post('/api/invites/:code/accept', async (c) => {
    const caller = requireCaller(c)
    return c.json(await acceptInvite(db, c.req.param('code').slice(0, 200), caller.user.id))
  })

  app.get('/api/workspaces/:id/members', async (c) => {
    const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
    return c.json(await listMembers(db, workspace.id))
  })

  app.patch('/api/workspaces/:id/members/:userId', json, async (c) => {
    const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'owner')
    const { role } = await readJson(c, roleBody)
    // The member's open sockets follow the new role (changeMemberRole tells access).
    return c.json(await changeMemberRole(db, access, workspace.id, c.req.param('userId'), role))
  })

  // Owners remove anyone; any member may remove themselves (leave). The last owner can do neither.
  app.delete('/api/workspaces/:id/members/:userId', async (c) => {
    const target = c.req.param('userId')
    const self = requireCaller(c).user.id === target
    const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), self ? 'viewer' : 'owner')
    await removeMember(db, access, workspace.id, target)
    return c.body(null, 204)
  })

  return app
}
