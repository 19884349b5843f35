import { type NotificationItem, readClaim } from '@fc/shared'
import type * as Y from 'yjs'
import type { ClaimChangeEvent } from '../../collab/attribution/attribution.js'
import { log } from '../../log.js'
import type { Queryable } from '../../storage/db.js'
import { getArticle } from '../articles.js'
import { listMembers } from '../workspaces.js'
import { type NewActivity, recordActivity } from './activity.js'
import { type NewNotification, notify } from './notifications.js'

export interface ActivityDeps {
  db: Queryable
  /** Reads the document as it is now (the open room, else storage): quotes and comments for the feed. */
  readDoc<T>(docId: string, read: (doc: Y.Doc) => T): Promise<T>
  /** A new notification, pushed live to its recipient. */
  pushed(userId: string, item: NotificationItem): void
}

/**
 * Turns attributed claim changes (collab/attribution) into activity and notifications. The actor
 * is always the user attribution names; a change nobody is bound to is recorded as nobody's and
 * so not at all. What the change was about (a quote, a comment's text and mentions) is read from
 * the document.
 */
export async function recordClaimChanges(deps: ActivityDeps, event: ClaimChangeEvent): Promise<void> {
  const { articleId, userId: actorId } = event
  if (!articleId || !actorId || actorId.startsWith('@')) return
  const article = await getArticle(deps.db, articleId)
  if (!article) return
  const planned = await deps.readDoc(event.docId, (doc) => plan(doc, event, article.workspaceId, articleId, actorId))
  await recordActivity(deps.db, planned.activity)
  if (planned.notifications.length === 0) return
  // Only members are told: a mention or an assignee id is whatever the client wrote.
  const members = new Set((await listMembers(deps.db, article.workspaceId)).map((m) => m.userId))
  const made = await notify(
    deps.db,
    planned.notifications.filter((n) => members.has(n.userId)),
  )
  for (const { userId, item } of made) deps.pushed(userId, item)
}

function plan(doc: Y.Doc, event: ClaimChangeEvent, workspaceId: string, articleId: string, actorId: string) {
  const activity: NewActivity[] = []
  const notifications: NewNotification[] = []
  const add = (kind: NewActivity['kind'], claimId: string, summary: string) =>
    activity.push({ workspaceId, articleId, claimId, actorId, kind, summary })
  for (const change of event.changes) {
    const claim = readClaim(doc, change.claimId)
    const quote = claim?.quote ? `“${claim.quote}”` : 'a claim'
    switch (change.kind) {
      case 'added':
        add('claim-added', change.claimId, `marked ${quote}`)
        break
      case 'removed':
        add('claim-removed', change.claimId, 'removed a claim')
        break
      case 'field':
        if (change.field === 'verdict' && change.after)
          add('verdict-set', change.claimId, `rated ${quote} ${change.after}`)
        else if (change.field === 'status' && change.after)
          add('status-changed', change.claimId, `set ${quote} to ${change.after}`)
        else if (change.field === 'assignee' && change.after) {
          add('assigned', change.claimId, `assigned ${quote}`)
          notifications.push({ userId: change.after, kind: 'assigned', actorId, articleId, claimId: change.claimId })
        }
        break
      case 'evidence-added':
      case 'evidence-removed': {
        const evidence = claim?.evidence.find((e) => e.id === change.evidenceId)
        const what = evidence ? `“${evidence.title || evidence.url}”` : 'evidence'
        add(
          change.kind,
          change.claimId,
          change.kind === 'evidence-added' ? `added ${what} to ${quote}` : `removed evidence from ${quote}`,
        )
        break
      }
      case 'comment-added': {
        const comment = claim?.comments.find((c) => c.id === change.commentId)
        add('comment', change.claimId, comment ? `on ${quote}: ${comment.text}` : `commented on ${quote}`)
        for (const userId of comment?.mentions ?? [])
          notifications.push({ userId, kind: 'mention', actorId, articleId, claimId: change.claimId })
        break
      }
      default:
        break
    }
  }
  return { activity, notifications }
}

/** Records in the order changes happened: one article's events are written one after another. */
export function activityListener(deps: ActivityDeps): (event: ClaimChangeEvent) => Promise<void> {
  let chain = Promise.resolve()
  return (event) => {
    chain = chain
      .then(() => recordClaimChanges(deps, event))
      .catch((err: unknown) => log('activity not recorded', { docId: event.docId, error: String(err) }))
    return chain
  }
}
