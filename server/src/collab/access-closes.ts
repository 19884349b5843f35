import type { Connection } from './connection.js';
import { CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED, CLOSE_UNKNOWN_DOC } from './gate.js';
import type { AccessChange } from './access-change.js';

/** Close reason of a socket whose workshop was deleted; the participant's client words it. */
export const REASON_WORKSHOP_DELETED = 'workshop deleted';

export interface Closing {
  code: number;
  reason: string;
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
      return conn.access.credentialId === change.credentialId ? { code: CLOSE_UNAUTHENTICATED, reason: 'signed out' } : undefined;
    case 'copies-deleted':
      return change.docIds.includes(docId) ? { code: CLOSE_UNKNOWN_DOC, reason: REASON_WORKSHOP_DELETED } : undefined;
    case 'workshop-revealed':
      return undefined;
    case 'member': {
      if (conn.access.userId !== change.userId || conn.access.workspaceId !== change.workspaceId) return undefined;
      if (change.canWrite === null) return { code: CLOSE_FORBIDDEN, reason: 'removed from workspace' };
      // A trainer by role who no longer is one: the gate would refuse their sockets on participants'
      // copies now, so those close as on a removal (also when an older instance's change does not say).
      if (change.trainsWorkshops !== true && conn.access.trainerByRole === true) return { code: CLOSE_FORBIDDEN, reason: 'no longer a trainer of this workshop' };
      return undefined;
    }
  }
}
