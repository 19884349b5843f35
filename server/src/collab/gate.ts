import type { SocketAccessState } from '@fc/shared'
import type { Access } from './connection.js'

/**
 * `told`: what the access message says beside `canWrite` (the member's role, or why it is
 * locked), should a socket's access have to be corrected after the gate let it in.
 */
export type GateDecision = { ok: true; access: Access; told?: AccessTold } | { ok: false; code: number; reason: string }
export type AccessTold = Omit<SocketAccessState, 'canWrite'>

/**
 * Decides, before the upgrade completes, who is on the other end and what they
 * may do with this document. The socket layer knows nothing else of accounts.
 */
export type SocketGate = (request: GateRequest, docId: string) => Promise<GateDecision>

/** What the gate may look at: the upgrade request's headers and URL (for `?token=`). */
export interface GateRequest {
  headers: HeaderReader
  url: URL
}

/** The one thing the gate asks of headers: a field by its lower-case name, null when absent (as `Headers.get`). */
export type HeaderReader = Pick<Headers, 'get'>
