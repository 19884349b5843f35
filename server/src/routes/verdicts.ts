import { verdictLabelsBody } from '@fc/shared'
import { Hono } from 'hono'
import { setVerdictLabels, verdictScaleFor } from '../domain/verdict-labels.js'
import { requireWorkspaceRole } from './access.js'
import { type ApiDeps, readJson } from './http.js'

/** The workspace's verdict scale: every member reads it, owners relabel it (the ids stay). */
export function verdictRoutes({ db }: ApiDeps): Hono {
  const app = new Hono()
  app.get('/api/workspaces/:id/verdicts', async (c) => {
    const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
    return c.json(await verdictScaleFor(db, workspace.id))
  })
  app.put('/api/workspaces/:id/verdicts', async (c) => {
    const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'owner')
    const { labels } = await readJson(c, verdictLabelsBody)
    return c.json(await setVerdictLabels(db, workspace.id, labels as Record<string, string>))
  })
  return app
}
