import type { Queryable } from '../storage/db.js'
import type { Role } from '@fc/shared'
import type { Workshop } from './workshops.js'
import { isTrainer } from './workshops.js'

/**
 * Who hears a workshop's live events, read when the event happens: its trainers (accounts)
 * and its participants (guest sessions). A trainer removed a moment ago is not among them.
 */
export async function workshopTrainerIds(
  q: Queryable,
  workshop: Pick<Workshop, 'workspaceId' | 'createdBy'>,
): Promise<string[]> {
  const rows = await q.query<{ user_id: string; role: Role }>(
    'SELECT user_id, role FROM memberships WHERE workspace_id = $1',
    [workshop.workspaceId],
  )
  return rows.filter((r) => isTrainer(r.role, r.user_id, workshop)).map((r) => r.user_id)
}

export async function workshopGuestIds(q: Queryable, workshopId: string): Promise<string[]> {
  const rows = await q.query<{ guest_id: string }>(
    'SELECT guest_id FROM workshop_participants WHERE workshop_id = $1',
    [workshopId],
  )
  return rows.map((r) => r.guest_id)
}
