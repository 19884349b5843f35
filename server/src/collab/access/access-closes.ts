import { CLOSE_FORBIDDEN, CLOSE_REASONS, CLOSE_UNAUTHENTICATED, CLOSE_UNKNOWN_DOC } from '@fc/shared'
import type { Connection } from '../connection.js'
import type { AccessChange } from './access-change.js'

export interface Closing {
  code: number
  reason: string
}

/**
 * Whether an access change closes a socket on `docId`, and with which words. One place for
 * both paths a change reaches a socket by: RoomRegistry.applyAccess (open sockets) and the
 * admission re-check (a socket the change overtook while it was being let in), so a client
 * hears "removed from workspace" or "workshop deleted" either way, not the gate's generic
 * refusal. Changes that only alter permissions (role, reveal) close nothing here.
 */
export function closingFor(change: AccessChange, conn: Connection, docId: string): Closing | undefined {
  switch (change.kind) {
    case 'credential':
      return conn.access.credentialId === change.credentialId
        ? { code: CLOSE_UNAUTHENTICATED, reason: CLOSE_REASONS.signedOut }
        : undefined
    case 'copies-deleted':
      return change.docIds.includes(docId)
        ? { code: CLOSE_UNKNOWN_DOC, reason: CLOSE_REASONS.workshopDeleted }
        : undefined
    case 'workshop-revealed':
    case 'workshop-ended':
      return undefined
    case 'member': {
      if (conn.access.userId !== change.userId || conn.access.workspaceId !== change.workspaceId) return undefined
      if (change.canWrite === null) return { code: CLOSE_FORBIDDEN, reason: CLOSE_REASONS.removedFromWorkspace }
      // A trainer by role who no longer is one: the gate would refuse their sockets on participants'
      // copies now, so those close as on a removal (also when an older instance's change does not say).
      if (change.trainsWorkshops !== true && conn.access.trainerByRole === true)
        return { code: CLOSE_FORBIDDEN, reason: CLOSE_REASONS.noLongerTrainer }
      return undefined
    }
  }
}
