import { ACCESS_REASONS, encodeAccessMessage, encodePermissionDenied, type SocketAccessState } from '@fc/shared'
import type { Connection } from '../connection.js'
import { encodeSyncStep1 } from '../protocol.js'
import type { Room } from '../room.js'

/** Access message reason while storage cannot write (docs/api.md, "Storage full"). */

/**
 * A socket whose write permission is being set, with whether it could write before. Read
 * `couldWrite` for every target before setting any: a member's sockets share one Access
 * object (access-pool.ts), so the first flip would hide the change from the others.
 */
export interface AccessTarget {
  room: Room
  conn: Connection
  couldWrite: boolean
}

/**
 * Gives sockets their new write permission and tells them so (docs/api.md, "Access changes
 * while a socket is open"): permission-denied first to those that lose write access, the
 * access message to all, then sync step 1 to those that gain it.
 */
export function setAccess(targets: readonly AccessTarget[], state: SocketAccessState): void {
  for (const { conn } of targets) conn.access.canWrite = state.canWrite
  tellAccess(targets, state)
}

/**
 * Only the telling part of setAccess: for a change that is not the socket's permission
 * (storage full, then writable again: RoomRegistry.storageWritable), which leaves it as it is.
 */
export function tellAccess(targets: readonly AccessTarget[], state: SocketAccessState): void {
  if (targets.length === 0) return
  const notice = encodeAccessMessage(state)
  const denied = state.canWrite
    ? undefined
    : encodePermissionDenied(`read-only: ${deniedBecause(state)}; the updates you send are no longer applied`)
  const resyncs = new Map<Room, Uint8Array>()
  for (const { room, conn, couldWrite } of targets) {
    if (denied && couldWrite) conn.send(denied)
    conn.send(notice)
    if (state.canWrite && !couldWrite) {
      // What it sent while read-only was dropped, yet its Yjs clock moved past it: its next
      // updates would wait on the server for those forever. Sync step 1 makes the client
      // answer with everything we lack (sync step 2), applied now that it may write.
      let step1 = resyncs.get(room)
      if (!step1) resyncs.set(room, (step1 = encodeSyncStep1(room.doc)))
      conn.send(step1)
    }
  }
}

function deniedBecause({ role, reason }: SocketAccessState): string {
  if (reason === ACCESS_REASONS.workshopRevealed) return 'the trainer revealed the answers'
  if (reason === ACCESS_REASONS.workshopEnded) return 'the workshop has ended'
  if (reason === ACCESS_REASONS.storageFull) return 'the server cannot store edits now (storage full)'
  return `your role changed${role ? ` to ${role}` : ''}`
}
