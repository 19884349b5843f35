import { CLOSE_REASONS, CLOSE_TRY_AGAIN, type SocketAccessState } from '@fc/shared'
import type { Closing } from './access-closes.js'
import { setAccess } from './access-notice.js'
import type { Connection } from '../connection.js'
import type { GateDecision, GateRequest, SocketGate } from '../gate.js'
import type { Room } from '../room.js'
import type { RoomRegistry } from '../rooms.js'

/** How often a socket's access is asked again while changes keep landing during the asking. */
const MAX_REASKS = 10

/** What the socket route kept of an admission: enough to ask the gate again, nothing per socket after it. */
export interface Admission {
  registry: RoomRegistry
  gate: SocketGate
  request: GateRequest
  docId: string
  /** The registry's access epoch before the gate was first asked. */
  epoch: number
  decision: Extract<GateDecision, { ok: true }>
}

/**
 * The gate decides before a socket is in its room, and RoomRegistry.applyAccess reaches only
 * sockets in rooms: a role change, removal, revocation, reveal or deletion applied while the
 * gate read the database or the document loaded would be missed until the socket reconnects.
 * So once the socket is in its room, if the access epoch moved since the gate was first asked,
 * it is asked again and its answer applied as applyAccess would have: closed with the
 * decision's code, or the new permission set and told. Changes landing during that second
 * asking reach the socket directly (it is in its room now) but may make the answer stale, so
 * it is asked until an answer came back with no change in between. A socket refused is closed
 * with the words of the change that refused it, where one did.
 *
 * Resolves with whether the socket is still open. Its frames wait meanwhile (they would be
 * applied with the permission being corrected).
 */
export async function settleAccess(
  { registry, gate, request, docId, epoch, decision }: Admission,
  conn: Connection,
  room: Room,
): Promise<boolean> {
  const admittedAt = epoch
  let told: SocketAccessState = { canWrite: decision.access.canWrite, ...decision.told }
  for (let asked = 0; registry.accessEpoch !== epoch; asked++) {
    if (asked === MAX_REASKS)
      return close(registry, conn, room, { code: CLOSE_TRY_AGAIN, reason: CLOSE_REASONS.accessKeptChanging })
    epoch = registry.accessEpoch
    const now = await gate(request, docId)
    if (conn.closed) return false
    if (registry.accessEpoch !== epoch) continue
    if (!now.ok) {
      // In the words of the change that took the access away, as an open socket would hear them
      // ("removed from workspace", "workshop deleted"), where one did; else the gate's own.
      return close(registry, conn, room, registry.closingSince(admittedAt, conn, docId) ?? now)
    }
    const state: SocketAccessState = { canWrite: now.access.canWrite, ...now.told }
    const enforced = conn.access.canWrite
    if (enforced === state.canWrite && sameState(told, state)) continue
    // Its Access object may have been flipped for another socket of the member before this
    // one joined (access-pool.ts), without this one being told: what it was told counts first.
    const couldWrite = told.canWrite !== state.canWrite ? told.canWrite : enforced
    setAccess([{ room, conn, couldWrite }], state)
    told = state
  }
  return !conn.closed
}

function close(registry: RoomRegistry, conn: Connection, room: Room, why: Closing): false {
  registry.closeSocket(room, conn, why)
  return false
}

function sameState(a: SocketAccessState, b: SocketAccessState): boolean {
  return a.canWrite === b.canWrite && a.role === b.role && a.reason === b.reason
}
