/**
 * Per-client bounds on the collaboration socket (docs/api.md, "Limits and failures"). Each
 * one, when broken, closes only the offending socket, with 1008 and a reason naming the
 * bound; the stock client reconnects and syncs, so nothing honest is lost.
 */
export interface SocketLimits {
  /** Updates of one socket waiting on structs the document lacks, and their bytes. */
  pendingUpdates: number
  pendingBytes: number
  /** One presence (awareness) entry's JSON: its size and how deep it nests. */
  presenceBytes: number
  presenceDepth: number
  /** Presence messages per second per socket, with a burst allowance. */
  presenceRate: number
  presenceBurst: number
  /** Distinct presence ids one socket may introduce over its life. */
  presenceIds: number
  /** Entries a sync step 1 state vector may carry beyond the clients the document already has. */
  stateVectorEntries: number
  /** Messages per second per socket, with a burst allowance. */
  messageRate: number
  messageBurst: number
  /** Open sockets per user account and per workshop guest session; more are refused with 1013. */
  socketsPerUser: number
  socketsPerGuest: number
  /** Bytes queued for one socket past which it is dropped instead of written to. */
  outgoingBytes: number
  /** Rejected frames logged one line each per window; past that, one summary line per window. */
  rejectLogLines: number
  rejectLogWindowMs: number
}

/** The defaults of config/index.ts, for units that build a registry without a config. */
export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  pendingUpdates: 200,
  pendingBytes: 1024 * 1024,
  presenceBytes: 16 * 1024,
  presenceDepth: 32,
  presenceRate: 60,
  presenceBurst: 300,
  presenceIds: 16,
  stateVectorEntries: 10_000,
  messageRate: 300,
  messageBurst: 3000,
  socketsPerUser: 100,
  socketsPerGuest: 20,
  outgoingBytes: 8 * 1024 * 1024,
  rejectLogLines: 20,
  rejectLogWindowMs: 60_000,
}
