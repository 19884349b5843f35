import type { Claim, Decision, NotificationItem, ReviewReason } from '@fc/shared'
import * as Y from 'yjs'
import { withDocument } from '../../articles/doc-reader.js'
import type { RoomRegistry } from '../../collab/rooms.js'
import type { EventBus } from '../../events/event-bus.js'
import { log } from '../../log.js'
import type { Queryable } from '../../storage/db.js'
import type { DocStore } from '../../storage/doc-store.js'
import type { Article } from '../articles.js'
import { listMembers } from '../workspaces.js'
import { recordActivity } from './activity.js'
import { notify } from './notifications.js'
import { saveVersion } from './version-store.js'

export interface ReviewActivityDeps {
  db: Queryable
  registry: RoomRegistry
  store: DocStore
  events: EventBus
}

const quoteOf = (claim: Claim) => (claim.quote ? `“${claim.quote}”` : 'a claim')

async function pushAll(deps: ReviewActivityDeps, made: { userId: string; item: NotificationItem }[]): Promise<void> {
  for (const { userId, item } of made) deps.events.publish({ type: 'notification', data: item }, { users: [userId] })
}

/**
 * A review was requested (the claim moved to in-review by a person: asked for, or an approved
 * claim changed, `changed-after-approval`, requested by whoever changed it): an activity item,
 * and a notification to every editor and owner of the workspace (so the editor who approved a
 * reopened claim among them) but the requester. Never throws: the request itself is already
 * stored; a lost notification is logged, not the caller's error.
 */
export async function reviewRequested(
  deps: ReviewActivityDeps,
  article: Article,
  claim: Claim,
  actorId: string,
  reason: ReviewReason = 'requested',
): Promise<void> {
  try {
    await recordActivity(deps.db, [
      {
        workspaceId: article.workspaceId,
        articleId: article.id,
        claimId: claim.id,
        actorId,
        kind: 'review-requested',
        summary:
          reason === 'requested'
            ? `asked for a review of ${quoteOf(claim)}`
            : `changed ${quoteOf(claim)} after its approval: back in review`,
      },
    ])
    const editors = (await listMembers(deps.db, article.workspaceId)).filter(
      (m) => m.role === 'editor' || m.role === 'owner',
    )
    const made = await notify(
      deps.db,
      editors.map((m) => ({
        userId: m.userId,
        kind: 'review-requested' as const,
        actorId,
        articleId: article.id,
        claimId: claim.id,
        reason,
      })),
    )
    await pushAll(deps, made)
  } catch (err) {
    log('review request activity not recorded', { articleId: article.id, claimId: claim.id, error: String(err) })
  }
}

/**
 * A decision was made: an activity item, a `decision` version of the document as decided (dated
 * at the decision, so "since my last review" starts from it), and a
 * notification to whoever requested the claim's review and whoever set its verdict (still
 * members), never to the editor who decided.
 */
export async function decisionMade(
  deps: ReviewActivityDeps,
  input: {
    article: Article
    claim: Claim
    actorId: string
    decision: Decision
    at: number
    requestedBy: string | null
    verdictSetBy: string | null
  },
): Promise<void> {
  const { article, claim, actorId } = input
  try {
    const verb = input.decision === 'approve' ? 'approved' : 'asked for changes to'
    await recordActivity(deps.db, [
      {
        workspaceId: article.workspaceId,
        articleId: article.id,
        claimId: claim.id,
        actorId,
        kind: 'decision',
        summary: `${verb} ${quoteOf(claim)}`,
      },
    ])
    const state = await withDocument(deps.registry, deps.store, article.docId, (doc) => Y.encodeStateAsUpdate(doc))
    await saveVersion(
      deps.db,
      {
        articleId: article.id,
        kind: 'decision',
        byUserId: actorId,
        state,
        label: `${verb} ${quoteOf(claim)}`.slice(0, 200),
      },
      input.at,
    )
    const members = new Set((await listMembers(deps.db, article.workspaceId)).map((m) => m.userId))
    const recipients = [...new Set([input.requestedBy, input.verdictSetBy])].filter(
      (u): u is string => u !== null && members.has(u),
    )
    const made = await notify(
      deps.db,
      recipients.map((userId) => ({
        userId,
        kind: 'decision' as const,
        actorId,
        articleId: article.id,
        claimId: claim.id,
      })),
    )
    await pushAll(deps, made)
  } catch (err) {
    log('decision activity not recorded', { articleId: article.id, claimId: claim.id, error: String(err) })
  }
}

/**
 * A publish was recorded (the first, or a correction): a `publish` version of the document as
 * published, dated at the publication, and a `published` activity item. Nobody is notified: the
 * contract's notification kinds have none for publishing. Never throws, as above.
 */
export async function articlePublished(
  deps: Pick<ReviewActivityDeps, 'db'>,
  input: { article: Article; actorId: string; at: number; state: Uint8Array; correction: boolean; note?: string },
): Promise<void> {
  const { article, actorId } = input
  const summary = input.correction
    ? `published a correction${input.note ? `: ${input.note}` : ''}`
    : 'published the fact-check'
  try {
    await saveVersion(
      deps.db,
      {
        articleId: article.id,
        kind: 'publish',
        byUserId: actorId,
        state: input.state,
        // The first publish needs no label (its kind says it); a correction is named by its note.
        ...(input.correction ? { label: `correction: ${input.note ?? ''}`.slice(0, 200) } : {}),
      },
      input.at,
    )
    await recordActivity(
      deps.db,
      [{ workspaceId: article.workspaceId, articleId: article.id, actorId, kind: 'published', summary }],
      input.at,
    )
  } catch (err) {
    log('publish activity not recorded', { articleId: article.id, error: String(err) })
  }
}
