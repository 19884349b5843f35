/**
 * The bounds the fuzz server runs with, small enough for each offender to cross them in
 * seconds. The names are the server's documented variables (issue 12); a server that does
 * not know a variable yet simply ignores it, and the offender it is meant to stop shows it.
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

export function boundsEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(FUZZ_BOUNDS).map(([name, value]) => [name, String(value)]));
}
