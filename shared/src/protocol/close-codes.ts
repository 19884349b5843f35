/**
 * Close codes of the collaboration socket (docs/api.md, "Collaboration socket" and "Limits
 * and failures"). 44xx are ours and final: reconnecting cannot help. The others are
 * RFC 6455 §7.4.1 codes; after them a client reconnects.
 */
export const CLOSE_GOING_AWAY = 1001
export const CLOSE_UNDECODABLE = 1007
/** A per-socket bound was broken (the reason names it). */
export const CLOSE_POLICY = 1008
/** A frame larger than MAX_MESSAGE_BYTES (ws closes the socket itself). */
export const CLOSE_TOO_LARGE = 1009
export const CLOSE_LOAD_FAILED = 1011
export const CLOSE_TRY_AGAIN = 1013
export const CLOSE_UNAUTHENTICATED = 4401
export const CLOSE_FORBIDDEN = 4403
export const CLOSE_UNKNOWN_DOC = 4404

/** The access codes: not signed in, no access (or just removed), unknown document. */
export const ACCESS_CLOSE_CODES: ReadonlySet<number> = new Set([
  CLOSE_UNAUTHENTICATED,
  CLOSE_FORBIDDEN,
  CLOSE_UNKNOWN_DOC,
])

/**
 * The reason strings the server closes sockets with, by code. Clients show most of them
 * only as they are; `workshopDeleted` is read (a participant's client words it).
 */
export const CLOSE_REASONS = {
  // 1001
  shuttingDown: 'server shutting down',
  // 1007
  binaryFramesOnly: 'binary y-websocket frames only',
  undecodable: 'undecodable message',
  // 1008: the bound that was broken
  pendingStructsLimit: 'pending structs limit',
  presenceSizeLimit: 'presence size limit',
  presenceDepthLimit: 'presence depth limit',
  presenceRateLimit: 'presence rate limit',
  presenceIdsLimit: 'presence ids limit',
  stateVectorLimit: 'state vector limit',
  messageRateLimit: 'message rate limit',
  outgoingBufferLimit: 'outgoing buffer limit',
  // 1011
  loadFailed: 'could not load document',
  accessCheckFailed: 'could not check access',
  // 1013
  tooManySockets: 'too many sockets',
  accessKeptChanging: 'access kept changing; reconnect',
  // 4401
  invalidCredential: 'invalid session or token',
  invalidGuestSession: 'invalid guest session',
  notSignedIn: 'not signed in',
  signedOut: 'signed out',
  // 4403
  crossOrigin: 'cross-origin socket refused',
  noAccess: 'no access to this document',
  guestOwnCopyOnly: 'a workshop guest opens only their own copy',
  removedFromWorkspace: 'removed from workspace',
  noLongerTrainer: 'no longer a trainer of this workshop',
  // 4404
  unknownDocument: 'unknown document',
  workshopDeleted: 'workshop deleted',
} as const

export type CloseReason = (typeof CLOSE_REASONS)[keyof typeof CLOSE_REASONS]
