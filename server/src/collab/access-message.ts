import * as encoding from 'lib0/encoding';
import { MESSAGE_AUTH } from './protocol.js';

/**
 * Sub-types of the y-protocols auth message (message type 2). y-protocols defines only
 * 0, permission denied; 1 is ours. Stock clients (y-protocols `readAuthMessage`) ignore a
 * sub-type they do not know, so a stock bot is never broken by it.
 */
export const AUTH_PERMISSION_DENIED = 0;
export const AUTH_ACCESS = 1;

/** What a socket may do now, as its client is told when it changes. */
export interface SocketAccessState {
  canWrite: boolean;
  /** The member's workspace role, for the client to show; absent when the change did not say. */
  role?: string;
  /** Why, when it is not a role change: `workshop-revealed` locks a participant's copy. */
  reason?: string;
}

/** `[2][1][JSON]`: the socket's access changed while it was open. JSON so fields can be added. */
export function encodeAccessMessage(state: SocketAccessState): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, AUTH_ACCESS);
  const body: SocketAccessState = { canWrite: state.canWrite };
  if (state.role !== undefined) body.role = state.role;
  if (state.reason !== undefined) body.reason = state.reason;
  encoding.writeVarString(encoder, JSON.stringify(body));
  return encoding.toUint8Array(encoder);
}

/**
 * `[2][0][reason]`: y-protocols' own permission-denied. The stock WebsocketProvider logs it
 * ("Permission denied to access …"), so even a bot that knows nothing of AUTH_ACCESS
 * leaves a trace that its updates are being dropped.
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
