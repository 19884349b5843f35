/**
 * The bounds the fuzz server runs with, small enough for each offender to cross them in
 * seconds, under the names the server reads (server/src/config/index.ts and
 * socket-limits.ts, docs/api.md "Limits and failures"). The offenders (offenders.ts) size
 * their floods from these values.
 */
export const FUZZ_BOUNDS = {
  MAX_MESSAGE_BYTES: 256 * 1024,
  /** Orphan updates held per socket: the count offender sends 50 of 200 structs each. */
  PENDING_UPDATES_PER_SOCKET: 20,
  PENDING_BYTES_PER_SOCKET: 256 * 1024,
  PRESENCE_MAX_BYTES: 64 * 1024,
  PRESENCE_MAX_DEPTH: 32,
  PRESENCE_RATE_PER_SOCKET: 20,
  PRESENCE_BURST_PER_SOCKET: 40,
  PRESENCE_IDS_PER_SOCKET: 8,
  /** Entries beyond the document's own clients: the offender sends 20,480. */
  STATE_VECTOR_MAX_ENTRIES: 1000,
  MESSAGE_RATE_PER_SOCKET: 2000,
  MESSAGE_BURST_PER_SOCKET: 4000,
  OUTGOING_BUFFER_MAX_BYTES: 1024 * 1024,
  SOCKETS_PER_USER: 32,
} as const

export function boundsEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(FUZZ_BOUNDS).map(([name, value]) => [name, String(value)]))
}
