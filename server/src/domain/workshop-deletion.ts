import type { DocStore } from '../storage/doc-store.js'
import type { Db } from '../storage/db.js'
import type { AccessEvents } from './access-events.js'
import { deleteWorkshopRows } from './workshops.js'

/**
 * Deletes a workshop (the caller checked the trainer) and its participants' copies; returns
 * how many copies went.
 *
 * Order matters. The rows go first, so no new socket can open a copy (the gate finds no
 * owner: 4404) and no join can add one. Then the open copies close everywhere, and once
 * this instance has unloaded them (flushed what they held), their stored state is dropped:
 * dropping it earlier would let the unload write it back.
 */
export async function deleteWorkshop(
  db: Db,
  store: DocStore,
  access: AccessEvents,
  workshopId: string,
): Promise<number> {
  const docIds = await deleteWorkshopRows(db, workshopId)
  access.changed({ kind: 'copies-deleted', docIds })
  await access.settled()
  await store.remove(docIds)
  return docIds.length
}
