import type { SocketLimits } from './limits.js'

/**
 * Two token buckets of one socket, refilled together: every message takes a token, a presence
 * message (or a query of everyone's) one more of its own. Fields, not objects: memory per
 * connection is a benchmark target.
 */
export interface SocketRates {
  messageTokens: number
  presenceTokens: number
  refilledAt: number
}

function refill(rates: SocketRates, limits: SocketLimits, now: number): void {
  const seconds = (now - rates.refilledAt) / 1000
  if (seconds <= 0) return
  rates.messageTokens = Math.min(limits.messageBurst, rates.messageTokens + seconds * limits.messageRate)
  rates.presenceTokens = Math.min(limits.presenceBurst, rates.presenceTokens + seconds * limits.presenceRate)
  rates.refilledAt = now
}

/** Takes a message token; false when the socket sends faster than its rate and burst allow. */
export function takeMessage(rates: SocketRates, limits: SocketLimits, now: number): boolean {
  refill(rates, limits, now)
  if (rates.messageTokens < 1) return false
  rates.messageTokens--
  return true
}

export function takePresence(rates: SocketRates): boolean {
  if (rates.presenceTokens < 1) return false
  rates.presenceTokens--
  return true
}
