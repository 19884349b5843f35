/** Close codes for a socket that broke a per-client bound (RFC 6455 §7.4.1). */
export const CLOSE_POLICY = 1008;
export const CLOSE_TRY_AGAIN = 1013;

export { DEFAULT_SOCKET_LIMITS, type SocketLimits } from '../config/index.js';

/** Thrown where a frame breaks a bound; the socket route closes the socket with 1008 and `reason`. */
export class LimitExceeded extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
