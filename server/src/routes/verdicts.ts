import { verdictLabelsBody } from '@fc/shared'
import { Hono } from 'hono'
import { setVerdictLabels, verdictScaleFor } from '../domain/verdict-labels.js'
import { requireWorkspaceRole, workspaceRole } from './access.js'
import type { ApiDeps } from './http.js'
import { jsonBody } from './validate.js'

/** The workspace's verdict scale (mounted at /api/workspaces): every member reads it, owners relabel it (the ids stay). */
export function verdictRoutes({ db }: ApiDeps) {
  return new Hono()
    .get('/:id/verdicts', async (c) => {
      const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
      return c.json(await verdictScaleFor(db, workspace.id))
    })
    .put('/:id/verdicts', workspaceRole(db, 'owner'), jsonBody(verdictLabelsBody), async (c) => {
      const { workspace } = c.var.workspaceAccess
      const { labels } = c.req.valid('json')
      return c.json(await setVerdictLabels(db, workspace.id, labels as Record<string, string>))
    })
}
