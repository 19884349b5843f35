import type { Access } from './connection.js'
import type { SocketLimits } from './limits.js'

/**
 * Open sockets per user account and per workshop guest session: one token must not hold
 * thousands of sockets (each costs memory and a share of every broadcast). Counted from the
 * gate's decision until the socket closes.
 */
export class SocketQuota {
  private readonly open = new Map<string, number>()

  constructor(private readonly limits: Pick<SocketLimits, 'socketsPerUser' | 'socketsPerGuest'>) {}

  /** Counts the socket in, or returns false when its owner already has as many as allowed. */
  take(access: Access): boolean {
    const key = keyOf(access)
    if (key === undefined) return true
    const count = this.open.get(key) ?? 0
    if (count >= (access.userId !== undefined ? this.limits.socketsPerUser : this.limits.socketsPerGuest)) return false
    this.open.set(key, count + 1)
    return true
  }

  release(access: Access): void {
    const key = keyOf(access)
    if (key === undefined) return
    const count = (this.open.get(key) ?? 1) - 1
    if (count > 0) this.open.set(key, count)
    else this.open.delete(key)
  }
}

/** A member by account (all their tokens and sessions together), a guest by guest session. */
function keyOf(access: Access): string | undefined {
  if (access.userId !== undefined) return `u\u0000${access.userId}`
  if (access.credentialId !== undefined) return `g\u0000${access.credentialId}`
  return undefined
}
