/**
 * The activity feeds (`GET /api/articles/:id/activity`, `GET /api/workspaces/:id/activity`): one
 * source for the server that writes them and the web client that shows them (docs/api.md,
 * "Activity and notifications").
 */
import type { PersonRef } from './events.js'

export const ACTIVITY_KINDS = [
  'claim-added',
  'claim-removed',
  'verdict-set',
  'status-changed',
  'assigned',
  'evidence-added',
  'evidence-removed',
  'comment',
  'review-requested',
  'decision',
  'published',
  'restored',
] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** One line of a feed. `articleTitle` is the article's title now, so a workspace feed names each article without a fetch per line. */
export interface ActivityItem {
  id: string
  at: string
  actor: PersonRef
  kind: ActivityKind
  articleId: string
  articleTitle: string
  claimId?: string
  summary: string
}
