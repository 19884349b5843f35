import { type FoundApiToken, apiTokenByHash, apiTokenHash, noteApiTokenUse } from '../domain/tokens.js'
import type { Role } from '@fc/shared'
import { roleIn } from '../domain/workspaces.js'
import { log } from '../log.js'
import type { Queryable } from '../storage/db.js'
import type { TokenLookup } from './service.js'

/**
 * Whether what the gate remembered is still what storage says: a value that moves on every
 * access change applied on this instance (role change, removal, revoked token or session), or
 * `undefined` when a change can reach storage before it reaches this instance (other instances,
 * over Redis), and nothing may be remembered or used.
 */
export type AccessFreshness = () => number | undefined

/** Longest an answer is used, as a bound on any change that reaches storage without an access change. */
const MAX_AGE_MS = 30_000
/** Enough for every member and token a busy instance sees at once; beyond it the oldest entry goes. */
const DEFAULT_LIMIT = 20_000

interface Entry<V> {
  value: V
  freshness: number
  at: number
}

/**
 * The socket gate's token and membership lookups, remembered while no access change has been
 * applied since they were read. Every upgrade read both from storage (a token hash and a role,
 * two queries and their turns of the event loop, on every socket of every reconnect wave).
 * Revocation stays immediate: the domain commands that revoke a token or change a member
 * announce it (access-events.ts) once committed and before they answer, the registry applies
 * it, and that moves `freshness`, so the next upgrade reads storage again. Only positive
 * answers are kept: a member added, a token minted a moment ago, is found at once. Sessions
 * (cookies) are not remembered: lucia refreshes them as they are read. `MAX_AGE_MS` bounds what
 * a change made behind the server's back (by hand in the database) could leave standing.
 */
export class GateCache {
  private readonly tokens = new Map<string, Entry<FoundApiToken>>()
  private readonly roles = new Map<string, Entry<Role>>()

  constructor(
    private readonly q: Queryable,
    private readonly freshness: AccessFreshness,
    private readonly limit = DEFAULT_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** AuthService.resolve's token lookup; its last use is still noted (at most once a minute). */
  readonly token: TokenLookup = async (token) => {
    const hash = apiTokenHash(token)
    if (hash === null) return null
    const found = await this.remember(this.tokens, hash, () => apiTokenByHash(this.q, hash))
    if (!found) return null
    noteApiTokenUse(this.q, found, this.now()).catch((err: unknown) =>
      log('noting a token use failed', { error: String(err) }),
    )
    return { user: found.user, tokenId: found.tokenId }
  }

  role(workspaceId: string, userId: string): Promise<Role | null> {
    return this.remember(this.roles, `${workspaceId}\u0000${userId}`, () => roleIn(this.q, workspaceId, userId))
  }

  private async remember<V>(map: Map<string, Entry<V>>, key: string, read: () => Promise<V | null>): Promise<V | null> {
    const freshness = this.freshness()
    if (freshness === undefined) return read()
    const now = this.now()
    const known = map.get(key)
    if (known && known.freshness === freshness && now - known.at < MAX_AGE_MS) return known.value
    if (known) map.delete(key)
    const value = await read()
    // Kept only if no change was applied while storage was read: the answer may predate it.
    if (value !== null && this.freshness() === freshness) {
      if (map.size >= this.limit) map.delete(map.keys().next().value as string)
      map.set(key, { value, freshness, at: now })
    }
    return value
  }
}
