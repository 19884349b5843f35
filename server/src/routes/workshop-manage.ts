import { updateWorkshopBody } from '@fc/shared'
import { Hono } from 'hono'
import { verdictScaleFor } from '../domain/verdict-labels.js'
import { workshopGuestIds, workshopTrainerIds } from '../domain/workshop-audience.js'
import { deleteWorkshop } from '../domain/workshop-deletion.js'
import { conflict } from '../domain/errors.js'
import { getWorkshop, hasEnded, renameWorkshop, setWorkshopEnd } from '../domain/workshops.js'
import { log } from '../log.js'
import { type ApiDeps, limitBody } from './http.js'
import { jsonBody } from './validate.js'
import { requireTrainer, trainerOf, workshopAccess } from './workshop-access.js'
import { workshopSummary } from './workshop-summary.js'

/**
 * A workshop after it was set up: its trainers rename or delete it, and everyone in it
 * (trainers and participants) reads the verdict labels its workspace uses. Mounted at /api/workshops.
 */
export function workshopManageRoutes({ config, db, store, auth, access, clock, events }: ApiDeps) {
  const json = limitBody(config.http.jsonMaxBytes)

  return (
    new Hono()
      .patch('/:id', json, trainerOf(db, auth), jsonBody(updateWorkshopBody), async (c) => {
        const { workshop } = c.var.trainerAccess
        const { title, endsAt } = c.req.valid('json')
        // The end is checked before anything changes, so a refused end leaves the title as it was too.
        if (endsAt !== undefined && hasEnded(workshop))
          throw conflict('the workshop has ended; its end can no longer change')
        if (endsAt !== undefined) {
          const at = endsAt === null ? null : Date.parse(endsAt)
          if (!(await setWorkshopEnd(db, workshop.id, at)))
            throw conflict('the workshop has ended; its end can no longer change')
          clock.scheduled(workshop.id, at)
        }
        if (title !== undefined) await renameWorkshop(db, workshop.id, title)
        const renamed = await getWorkshop(db, workshop.id)
        // Deleted between the check and the read: it is unknown now.
        if (!renamed) return c.json({ error: 'workshop not found' }, 404)
        // Everyone in the room reads it again: a countdown started now must show on every screen.
        const [users, guests] = await Promise.all([workshopTrainerIds(db, renamed), workshopGuestIds(db, renamed.id)])
        events.publish({ type: 'workshop-updated', data: { workshopId: renamed.id } }, { users, guests })
        return c.json(workshopSummary(renamed))
      })
      // The rows, the open copies and their stored documents, in that order (domain/workshop-deletion.ts).
      .delete('/:id', async (c) => {
        const { workshop } = await requireTrainer(c, db, auth, c.req.param('id'))
        const copies = await deleteWorkshop(db, store, access, workshop.id)
        log('workshop deleted', { workshopId: workshop.id, copies })
        return c.body(null, 204)
      })

      // Only the scale of the workshop's own workspace; a guest reads nothing else of it.
      .get('/:id/verdicts', async (c) => {
        const { workshop } = await workshopAccess(c, db, auth, c.req.param('id'))
        return c.json(await verdictScaleFor(db, workshop.workspaceId))
      })
  )
}
