export { DEFAULT_SOCKET_LIMITS, type SocketLimits } from '../config/index.js'

/**
 * Thrown where a frame breaks a bound; the socket route closes the socket with 1008
 * (CLOSE_POLICY) and `reason`, one of the `…Limit` CLOSE_REASONS of @fc/shared.
 */
export class LimitExceeded extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}
