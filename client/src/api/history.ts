// Typed calls for versions, the changes view, restore and the activity feeds (docs/api.md,
// "History: versions and changes" and "Activity and notifications"), through api.ts's one `request`.

import type { ActivityItem } from '@fc/shared'
import { request } from './api'

export type { ActivityItem }

export type VersionKind = 'auto' | 'named' | 'decision' | 'publish' | 'restore'

export interface Person {
  id: string
  name: string
}

export interface VersionItem {
  id: string
  at: string
  kind: VersionKind
  label?: string
  by?: Person
}

export interface TextOp {
  op: 'keep' | 'insert' | 'delete'
  text: string
}

export interface ClaimChange {
  claimId: string
  quote: string
  change: 'added' | 'removed' | 'verdict' | 'rationale' | 'evidence' | 'status' | 'comment'
  before?: string
  after?: string
  by?: Person
}

export interface Changes {
  from: string
  to: string
  text: TextOp[]
  claims: ClaimChange[]
}

/** One page of a feed: newest first, `before` the last id already shown. */
function page(path: string, before: string | undefined, limit: number): string {
  const query = new URLSearchParams({ limit: String(limit) })
  if (before !== undefined) query.set('before', before)
  return `${path}?${query.toString()}`
}

const article = (id: string) => `/api/articles/${encodeURIComponent(id)}`

export const historyApi = {
  versions: (articleId: string, before?: string, limit = 50) =>
    request<VersionItem[]>(page(`${article(articleId)}/versions`, before, limit)),
  nameVersion: (articleId: string, label: string) =>
    request<VersionItem>(`${article(articleId)}/versions`, { method: 'POST', body: { label } }),
  /** `from`: a version id or `my-last-review`; `to`: a version id or `current`. */
  changes: (articleId: string, from: string, to: string) =>
    request<Changes>(`${article(articleId)}/changes?${new URLSearchParams({ from, to }).toString()}`),
  restore: (articleId: string, versionId: string, claimId?: string) =>
    request<{ versionId: string }>(`${article(articleId)}/versions/${encodeURIComponent(versionId)}/restore`, {
      method: 'POST',
      body: claimId === undefined ? {} : { claimId },
    }),
  articleActivity: (articleId: string, before?: string, limit = 30) =>
    request<ActivityItem[]>(page(`${article(articleId)}/activity`, before, limit)),
  workspaceActivity: (workspaceId: string, before?: string, limit = 30) =>
    request<ActivityItem[]>(page(`/api/workspaces/${encodeURIComponent(workspaceId)}/activity`, before, limit)),
}
