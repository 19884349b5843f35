import type { Queryable } from '../storage/db.js'
import { ignoreStorageFull } from '../storage/storage-errors.js'
import type { AccessEvents } from './access-events.js'
import { notFound } from './errors.js'
import { hashSecret, newId, newSecret } from './ids.js'
import type { PublicUser } from './users.js'

/** Recognisable in logs and secret scanners; 256 random bits after the prefix. */
export const API_TOKEN_PREFIX = 'fct_'
/** last_used_at is refreshed at most this often, so token use is not a write per request. */
const LAST_USED_GRANULARITY_MS = 60_000

export interface ApiTokenInfo {
  id: string
  name: string
  createdAt: string
  lastUsedAt: string | null
}

/** Mints a personal API token; the plain token is returned once and only its hash is kept. */
export async function createApiToken(
  q: Queryable,
  userId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const id = newId()
  const token = newSecret(API_TOKEN_PREFIX)
  await q.query('INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
    id,
    userId,
    name,
    hashSecret(token),
    Date.now(),
  ])
  return { id, token }
}

export async function userForApiToken(
  q: Queryable,
  token: string,
): Promise<{ user: PublicUser; tokenId: string } | null> {
  const hash = apiTokenHash(token)
  const found = hash === null ? null : await apiTokenByHash(q, hash)
  if (!found) return null
  await noteApiTokenUse(q, found, Date.now())
  return { user: found.user, tokenId: found.tokenId }
}

/** What a presented token is stored under, or null for a string that cannot be one of ours. */
export function apiTokenHash(token: string): string | null {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null
  return hashSecret(token)
}

/** A token's owner and when its use was last noted; `lastUsedAt` moves with noteApiTokenUse. */
export interface FoundApiToken {
  user: PublicUser
  tokenId: string
  lastUsedAt: number | null
}

export async function apiTokenByHash(q: Queryable, hash: string): Promise<FoundApiToken | null> {
  const rows = await q.query<{
    token_id: string
    last_used_at: number | null
    id: string
    email: string
    name: string
  }>(
    `SELECT t.id AS token_id, t.last_used_at, u.id, u.email, u.name
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1`,
    [hash],
  )
  const row = rows[0]
  if (!row) return null
  return {
    user: { id: row.id, email: row.email, name: row.name },
    tokenId: row.token_id,
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
  }
}

/** Notes a use of the token, at most once per LAST_USED_GRANULARITY_MS. */
export async function noteApiTokenUse(q: Queryable, found: FoundApiToken, now: number): Promise<void> {
  if (found.lastUsedAt !== null && now - found.lastUsedAt <= LAST_USED_GRANULARITY_MS) return
  found.lastUsedAt = now
  // Bookkeeping only: with the disk full the token still works, its last use is noted later.
  await q.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [now, found.tokenId]).catch(ignoreStorageFull)
}

export async function listApiTokens(q: Queryable, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await q.query<{ id: string; name: string; created_at: number; last_used_at: number | null }>(
    'SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id',
    [userId],
  )
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    lastUsedAt: r.last_used_at === null ? null : new Date(Number(r.last_used_at)).toISOString(),
  }))
}

/** Revokes one of the user's tokens; sockets opened with it close everywhere (4401). */
export async function revokeApiToken(
  q: Queryable,
  access: AccessEvents,
  userId: string,
  tokenId: string,
): Promise<void> {
  const rows = await q.query('SELECT id FROM api_tokens WHERE id = $1 AND user_id = $2', [tokenId, userId])
  if (rows.length === 0) throw notFound('token')
  await q.query('DELETE FROM api_tokens WHERE id = $1 AND user_id = $2', [tokenId, userId])
  access.changed({ kind: 'credential', credentialId: tokenId })
}
