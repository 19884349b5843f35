/**
 * The bounds the fuzz server runs with, small enough for each offender to cross them in
 * seconds, under the names issue 12's contract gave them.
 */
export const FUZZ_BOUNDS = {
  MAX_MESSAGE_BYTES: 256 * 1024,
  MAX_PENDING_STRUCTS: 500,
  MAX_PENDING_BYTES: 256 * 1024,
  MAX_PRESENCE_BYTES: 64 * 1024,
  MAX_PRESENCE_DEPTH: 32,
  PRESENCE_RATE_PER_SEC: 20,
  MAX_PRESENCE_IDS: 8,
  MAX_STATE_VECTOR_BYTES: 8 * 1024,
  SOCKET_MESSAGES_PER_SEC: 2000,
  MAX_OUTGOING_BYTES: 1024 * 1024,
  MAX_SOCKETS_PER_USER: 32,
} as const;

/**
 * The same bounds under the names the server reads (server/src/config.ts, docs/api.md
 * "Limits and failures"), which differ from the contract's; where the unit differs the value
 * is chosen so each offender crosses it the same way: pending updates (not structs; the
 * offender sends 50 orphan updates), state-vector entries (not bytes; it sends 20,480), and
 * token buckets whose burst the floods exceed many times.
 */
const SERVER_NAMES: Record<string, number> = {
  PENDING_UPDATES_PER_SOCKET: 20,
  PENDING_BYTES_PER_SOCKET: FUZZ_BOUNDS.MAX_PENDING_BYTES,
  PRESENCE_MAX_BYTES: FUZZ_BOUNDS.MAX_PRESENCE_BYTES,
  PRESENCE_MAX_DEPTH: FUZZ_BOUNDS.MAX_PRESENCE_DEPTH,
  PRESENCE_RATE_PER_SOCKET: FUZZ_BOUNDS.PRESENCE_RATE_PER_SEC,
  PRESENCE_BURST_PER_SOCKET: FUZZ_BOUNDS.PRESENCE_RATE_PER_SEC * 2,
  PRESENCE_IDS_PER_SOCKET: FUZZ_BOUNDS.MAX_PRESENCE_IDS,
  STATE_VECTOR_MAX_ENTRIES: 1000,
  MESSAGE_RATE_PER_SOCKET: FUZZ_BOUNDS.SOCKET_MESSAGES_PER_SEC,
  MESSAGE_BURST_PER_SOCKET: FUZZ_BOUNDS.SOCKET_MESSAGES_PER_SEC * 2,
  OUTGOING_BUFFER_MAX_BYTES: FUZZ_BOUNDS.MAX_OUTGOING_BYTES,
  SOCKETS_PER_USER: FUZZ_BOUNDS.MAX_SOCKETS_PER_USER,
};

export function boundsEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...FUZZ_BOUNDS, ...SERVER_NAMES }).map(([name, value]) => [name, String(value)]));
}
