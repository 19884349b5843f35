import type { SocketAccessState } from './access-message.js';
import type { Access } from './connection.js';

/** Close codes of the contract. */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_UNKNOWN_DOC = 4404;
export const CLOSE_TOO_LARGE = 1009;
export const CLOSE_UNDECODABLE = 1007;
export const CLOSE_LOAD_FAILED = 1011;
export const CLOSE_GOING_AWAY = 1001;

/**
 * `told`: what the access message says beside `canWrite` (the member's role, or why it is
 * locked), should a socket's access have to be corrected after the gate let it in.
 */
export type GateDecision = { ok: true; access: Access; told?: AccessTold } | { ok: false; code: number; reason: string };
export type AccessTold = Omit<SocketAccessState, 'canWrite'>;

/**
 * Decides, before the upgrade completes, who is on the other end and what they
 * may do with this document. The socket layer knows nothing else of accounts.
 */
export type SocketGate = (request: GateRequest, docId: string) => Promise<GateDecision>;

/** What the gate may look at: the upgrade request's headers and URL (for `?token=`). */
export interface GateRequest {
  headers: Headers;
  url: URL;
}
