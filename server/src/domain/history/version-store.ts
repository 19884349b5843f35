import { createHash } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { toBytes, type Queryable } from '../../storage/db.js'
import { newId } from '../ids.js'
import { pageBound } from './paging.js'

export const VERSION_KINDS = ['auto', 'named', 'decision', 'publish', 'restore'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

export interface Version {
  id: string
  at: string
  kind: VersionKind
  label?: string
  by?: { id: string; name: string }
}

export interface NewVersion {
  articleId: string
  kind: VersionKind
  /** `Y.encodeStateAsUpdate` of the document at this moment. */
  state: Uint8Array
  label?: string
  byUserId?: string
}

interface VersionRow {
  seq: number | string
  id: string
  kind: VersionKind
  label: string | null
  by_user: string | null
  by_name: string | null
  created_at: number | string
}

const SELECT = `SELECT v.seq, v.id, v.kind, v.label, v.by_user, u.name AS by_name, v.created_at
  FROM article_versions v LEFT JOIN users u ON u.id = v.by_user`

function fromRow(r: VersionRow): Version {
  const version: Version = { id: r.id, at: new Date(Number(r.created_at)).toISOString(), kind: r.kind }
  if (r.label !== null) version.label = r.label
  if (r.by_user !== null) version.by = { id: r.by_user, name: r.by_name ?? '' }
  return version
}

/**
 * Stores a version. The state goes in deflated and under its hash: a version whose document did
 * not change since the last one (a publish right after a decision) costs one row and no blob.
 */
export async function saveVersion(q: Queryable, input: NewVersion, now = Date.now()): Promise<Version> {
  const hash = createHash('sha256').update(input.state).digest('hex')
  await q.query(
    'INSERT INTO version_states (hash, data, raw_bytes) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING',
    [hash, deflateRawSync(input.state), input.state.byteLength],
  )
  const id = newId()
  await q.query(
    'INSERT INTO article_versions (id, article_id, kind, label, by_user, state_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, input.articleId, input.kind, input.label ?? null, input.byUserId ?? null, hash, now],
  )
  const rows = await q.query<VersionRow>(`${SELECT} WHERE v.id = $1`, [id])
  return fromRow(rows[0]!)
}

/** Newest first; `before` is a version id of the same article (the last one of the previous page). */
export async function listVersions(
  q: Queryable,
  articleId: string,
  page: { before?: string; limit: number },
): Promise<Version[] | null> {
  const bound = await pageBound(q, { table: 'article_versions', column: 'article_id' }, articleId, page.before)
  if (bound === null) return null
  const rows = await q.query<VersionRow>(
    `${SELECT} WHERE v.article_id = $1 AND v.seq < $2 ORDER BY v.seq DESC LIMIT $3`,
    [articleId, bound, page.limit],
  )
  return rows.map(fromRow)
}

export async function getVersion(q: Queryable, articleId: string, versionId: string): Promise<Version | null> {
  const rows = await q.query<VersionRow>(`${SELECT} WHERE v.article_id = $1 AND v.id = $2`, [articleId, versionId])
  return rows[0] ? fromRow(rows[0]) : null
}

/** The version's document state (a Yjs update), or null when the article has no such version. */
export async function versionState(q: Queryable, articleId: string, versionId: string): Promise<Uint8Array | null> {
  const rows = await q.query<{ data: unknown }>(
    `SELECT s.data FROM article_versions v JOIN version_states s ON s.hash = v.state_hash
      WHERE v.article_id = $1 AND v.id = $2`,
    [articleId, versionId],
  )
  return rows[0] ? new Uint8Array(inflateRawSync(toBytes(rows[0].data))) : null
}

/** The hash of the version's state, or null when the article has no such version. */
export async function versionStateHash(q: Queryable, articleId: string, versionId: string): Promise<string | null> {
  const rows = await q.query<{ state_hash: string }>(
    'SELECT state_hash FROM article_versions WHERE article_id = $1 AND id = $2',
    [articleId, versionId],
  )
  return rows[0]?.state_hash ?? null
}

/** A stored state by its hash (a Yjs update), or null. */
export async function stateByHash(q: Queryable, hash: string): Promise<Uint8Array | null> {
  const rows = await q.query<{ data: unknown }>('SELECT data FROM version_states WHERE hash = $1', [hash])
  return rows[0] ? new Uint8Array(inflateRawSync(toBytes(rows[0].data))) : null
}

/** The newest version made at or before `at` (ms), or null. */
export async function versionAtOrBefore(q: Queryable, articleId: string, at: number): Promise<Version | null> {
  const rows = await q.query<VersionRow>(
    `${SELECT} WHERE v.article_id = $1 AND v.created_at <= $2 ORDER BY v.seq DESC LIMIT 1`,
    [articleId, at],
  )
  return rows[0] ? fromRow(rows[0]) : null
}

/** When the newest version of the article was made (ms), or null when it has none. */
export async function latestVersionAt(q: Queryable, articleId: string): Promise<number | null> {
  const rows = await q.query<{ created_at: number | string }>(
    'SELECT created_at FROM article_versions WHERE article_id = $1 ORDER BY seq DESC LIMIT 1',
    [articleId],
  )
  return rows[0] ? Number(rows[0].created_at) : null
}
