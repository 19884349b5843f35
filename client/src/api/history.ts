// Typed calls for versions, the changes view, restore and the activity feeds (docs/api.md,
// "History: versions and changes" and "Activity and notifications"), through api.ts's typed `client`.

import type { ActivityItem } from '@fc/shared'
import { call, client } from './api'

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
const page = (before: string | undefined, limit: number) =>
  before === undefined ? { limit: String(limit) } : { limit: String(limit), before }

const id = encodeURIComponent

export const historyApi = {
  versions: (articleId: string, before?: string, limit = 50): Promise<VersionItem[]> =>
    call(client.api.articles[':id'].versions.$get({ param: { id: id(articleId) }, query: page(before, limit) })),
  nameVersion: (articleId: string, label: string): Promise<VersionItem> =>
    call(client.api.articles[':id'].versions.$post({ param: { id: id(articleId) }, json: { label } })),
  /** `from`: a version id or `my-last-review`; `to`: a version id or `current`. */
  changes: (articleId: string, from: string, to: string): Promise<Changes> =>
    call(client.api.articles[':id'].changes.$get({ param: { id: id(articleId) }, query: { from, to } })),
  restore: (articleId: string, versionId: string, claimId?: string): Promise<{ versionId: string }> =>
    call(
      client.api.articles[':id'].versions[':versionId'].restore.$post({
        param: { id: id(articleId), versionId: id(versionId) },
        json: claimId === undefined ? {} : { claimId },
      }),
    ),
  articleActivity: (articleId: string, before?: string, limit = 30): Promise<ActivityItem[]> =>
    call(client.api.articles[':id'].activity.$get({ param: { id: id(articleId) }, query: page(before, limit) })),
  workspaceActivity: (workspaceId: string, before?: string, limit = 30): Promise<ActivityItem[]> =>
    call(client.api.workspaces[':id'].activity.$get({ param: { id: id(workspaceId) }, query: page(before, limit) })),
}
