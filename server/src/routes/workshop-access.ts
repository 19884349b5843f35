import type { Role } from '@fc/shared'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AuthService } from '../auth/service.js'
import { DomainError, forbidden, notFound } from '../domain/errors.js'
import { participantOf, type Participant } from '../domain/workshop-participants.js'
import { getWorkshop, isTrainer, type Workshop } from '../domain/workshops.js'
import { roleIn } from '../domain/workspaces.js'
import type { Queryable } from '../storage/db.js'

export interface WorkshopAccess {
  workshop: Workshop
  /** Set when the caller trains this workshop (an account). */
  trainer?: { userId: string; role: Role }
  /** Set when the request carries the guest session of one of its participants. */
  participant?: Participant
}

/**
 * Who is asking about `/api/workshops/:id`: signed in or a guest (401), the
 * workshop exists (404), they train it or take part in it (403).
 */
export async function workshopAccess(
  c: Context,
  q: Queryable,
  auth: AuthService,
  workshopId: string,
): Promise<WorkshopAccess> {
  const caller = c.get('caller')
  const guestId = await auth.guests.guestId(c.req.raw.headers)
  if (!caller && !guestId) throw new DomainError('unauthenticated', 'not signed in')
  const workshop = await getWorkshop(q, workshopId)
  if (!workshop) throw notFound('workshop')
  const access: WorkshopAccess = { workshop }
  if (caller) {
    const role = await roleIn(q, workshop.workspaceId, caller.user.id)
    if (role && isTrainer(role, caller.user.id, workshop)) access.trainer = { userId: caller.user.id, role }
  }
  if (guestId) {
    const participant = await participantOf(q, workshop.id, guestId)
    if (participant) access.participant = participant
  }
  if (!access.trainer && !access.participant) throw forbidden('not a trainer or participant of this workshop')
  return access
}

export type TrainerAccess = WorkshopAccess & { trainer: NonNullable<WorkshopAccess['trainer']> }

export async function requireTrainer(
  c: Context,
  q: Queryable,
  auth: AuthService,
  workshopId: string,
): Promise<TrainerAccess> {
  const access = await workshopAccess(c, q, auth, workshopId)
  if (!access.trainer) throw forbidden('only the workshop’s trainers may do this')
  return access as TrainerAccess
}

/** `requireTrainer` of the route's `:id` as middleware, before a body's validator; the handler reads `c.var.trainerAccess`. */
export const trainerOf = (q: Queryable, auth: AuthService) =>
  createMiddleware<{ Variables: { trainerAccess: TrainerAccess } }>(async (c, next) => {
    c.set('trainerAccess', await requireTrainer(c, q, auth, c.req.param('id') ?? ''))
    await next()
  })
