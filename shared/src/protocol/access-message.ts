import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { AUTH_ACCESS, AUTH_PERMISSION_DENIED, MESSAGE_AUTH } from './messages.js'

/**
 * Reasons an access message may give beside `canWrite` when it is not a role change. The
 * wire carries any string, so a client reads reasons it does not know yet (and words them
 * generically) rather than dropping the message.
 */
export const ACCESS_REASONS = {
  /** The trainer revealed the results: a participant's answers are final. */
  workshopRevealed: 'workshop-revealed',
  /** The workshop's end time passed: the copy is locked, though nothing is revealed yet. */
  workshopEnded: 'workshop-ended',
  /** Storage cannot write (disk full): nothing is applied until space returns (then `canWrite: true`). */
  storageFull: 'storage-full',
} as const

/** What a socket may do now, as its client is told when it changes. */
export interface SocketAccessState {
  canWrite: boolean
  /** The member's workspace role, for the client to show; absent when the change did not say. */
  role?: string
  /** Why, when it is not a role change (ACCESS_REASONS). */
  reason?: string
}

/** `[2][1][JSON]`: the socket's access changed while it was open. JSON so fields can be added. */
export function encodeAccessMessage(state: SocketAccessState): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, AUTH_ACCESS)
  const body: SocketAccessState = { canWrite: state.canWrite }
  if (state.role !== undefined) body.role = state.role
  if (state.reason !== undefined) body.reason = state.reason
  encoding.writeVarString(encoder, JSON.stringify(body))
  return encoding.toUint8Array(encoder)
}

/**
 * `[2][0][reason]`: y-protocols' own permission-denied. The stock WebsocketProvider logs it
 * ("Permission denied to access …"), so even a bot that knows nothing of AUTH_ACCESS
 * leaves a trace that its updates are being dropped.
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}

export type AuthMessage =
  | { kind: 'access'; access: SocketAccessState }
  | { kind: 'permission-denied'; reason: string }
  | { kind: 'unknown' }

/**
 * Reads an auth message from what follows its message type (as a WebsocketProvider's
 * message handler is given it); anything malformed or unknown is `unknown`, never a throw.
 */
export function readAuthMessage(decoder: decoding.Decoder): AuthMessage {
  try {
    const sub = decoding.readVarUint(decoder)
    if (sub === AUTH_PERMISSION_DENIED) return { kind: 'permission-denied', reason: decoding.readVarString(decoder) }
    if (sub !== AUTH_ACCESS) return { kind: 'unknown' }
    const body: unknown = JSON.parse(decoding.readVarString(decoder))
    if (typeof body !== 'object' || body === null) return { kind: 'unknown' }
    const { canWrite, role, reason } = body as Record<string, unknown>
    if (typeof canWrite !== 'boolean') return { kind: 'unknown' }
    const access: SocketAccessState = { canWrite }
    if (typeof role === 'string') access.role = role
    if (typeof reason === 'string') access.reason = reason
    return { kind: 'access', access }
  } catch {
    return { kind: 'unknown' }
  }
}
