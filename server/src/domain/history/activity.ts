import type { ActivityItem, ActivityKind } from '@fc/shared'
import type { Queryable } from '../../storage/db.js'
import { newId } from '../ids.js'
import { pageBound } from './paging.js'

export interface NewActivity {
  workspaceId: string
  articleId: string
  claimId?: string
  actorId: string
  kind: ActivityKind
  summary: string
}

interface ActivityRow {
  id: string
  created_at: number | string
  actor_id: string
  actor_name: string | null
  kind: ActivityKind
  article_id: string
  article_title: string | null
  claim_id: string | null
  summary: string
}

/** Summaries are one line for a feed: long quotes and comments are cut. */
const SUMMARY_MAX = 200

export async function recordActivity(q: Queryable, items: readonly NewActivity[], now = Date.now()): Promise<void> {
  for (const a of items) {
    const summary = a.summary.length > SUMMARY_MAX ? `${a.summary.slice(0, SUMMARY_MAX - 1)}…` : a.summary
    await q.query(
      'INSERT INTO activity (id, workspace_id, article_id, claim_id, actor_id, kind, summary, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [newId(), a.workspaceId, a.articleId, a.claimId ?? null, a.actorId, a.kind, summary, now],
    )
  }
}

/** Newest first, each with its article's title (one query for the page); `before` an activity id of the same scope (the last of the previous page); null when it is not. */
export async function listActivity(
  q: Queryable,
  scope: { articleId: string } | { workspaceId: string },
  page: { before?: string; limit: number },
): Promise<ActivityItem[] | null> {
  const [column, value] =
    'articleId' in scope ? (['article_id', scope.articleId] as const) : (['workspace_id', scope.workspaceId] as const)
  const bound = await pageBound(q, { table: 'activity', column }, value, page.before)
  if (bound === null) return null
  const rows = await q.query<ActivityRow>(
    `SELECT a.id, a.created_at, a.actor_id, u.name AS actor_name, a.kind, a.article_id, ar.title AS article_title,
            a.claim_id, a.summary
       FROM activity a LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN articles ar ON ar.id = a.article_id
      WHERE a.${column} = $1 AND a.seq < $2 ORDER BY a.seq DESC LIMIT $3`,
    [value, bound, page.limit],
  )
  return rows.map((r) => {
    const item: ActivityItem = {
      id: r.id,
      at: new Date(Number(r.created_at)).toISOString(),
      actor: { id: r.actor_id, name: r.actor_name ?? '' },
      kind: r.kind,
      articleId: r.article_id,
      articleTitle: r.article_title ?? '',
      summary: r.summary,
    }
    if (r.claim_id !== null) item.claimId = r.claim_id
    return item
  })
}

/**
 * Who made each kind of change to each claim in (fromMs, toMs], as recorded: the latest actor
 * per `claimId` and activity kind. The changes view attributes its claim lines with it.
 */
export async function actorsBetween(
  q: Queryable,
  articleId: string,
  fromMs: number,
  toMs: number,
): Promise<Map<string, { id: string; name: string }>> {
  const rows = await q.query<{ claim_id: string; kind: string; actor_id: string; actor_name: string | null }>(
    `SELECT a.claim_id, a.kind, a.actor_id, u.name AS actor_name FROM activity a LEFT JOIN users u ON u.id = a.actor_id
      WHERE a.article_id = $1 AND a.claim_id IS NOT NULL AND a.created_at > $2 AND a.created_at <= $3 ORDER BY a.seq`,
    [articleId, fromMs, toMs],
  )
  return new Map(rows.map((r) => [`${r.claim_id}\n${r.kind}`, { id: r.actor_id, name: r.actor_name ?? '' }]))
}
