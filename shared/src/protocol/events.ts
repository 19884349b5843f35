/**
 * The live events stream (`GET /api/events`, server-sent events): what the server pushes to
 * a signed-in user or a workshop guest while the app is open. One source for the server's
 * publishers and the web client's listeners (docs/api.md, "Live events").
 */

/** A claim's review state: the server's, kept outside any document a client can write. */
export const REVIEW_STATES = ['unreviewed', 'in-review', 'changes-requested', 'approved'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const NOTIFICATION_KINDS = ['mention', 'assigned', 'review-requested', 'decision'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** Why a claim is in review: someone asked, or it changed after it was approved. */
export const REVIEW_REASONS = ['requested', 'changed-after-approval'] as const
export type ReviewReason = (typeof REVIEW_REASONS)[number]

export interface PersonRef {
  id: string
  name: string
}

/** One notification of the caller's, as `GET /api/me/notifications` lists it. */
export interface NotificationItem {
  id: string
  at: string
  kind: NotificationKind
  actor: PersonRef
  articleId: string
  claimId: string
  read: boolean
  /** Why, on `review-requested` only (an addition to the contract); absent on those made before it existed. */
  reason?: ReviewReason
}

/** A claim's review state changed (for members of the article's workspace). */
export interface ReviewEventData {
  articleId: string
  claimId: string
  state: ReviewState
}

/** A participant's progress in a workshop (for its trainers). */
export interface WorkshopEventData {
  workshopId: string
  participantId: string
  claims: number
  verdicts: number
}

/** A workshop reached its end time (for its participants and trainers). */
export interface WorkshopEndedEventData {
  workshopId: string
}

/**
 * A trainer changed the workshop (its title or its end time): screens read it again. Beyond the
 * contract's list: without it a countdown started mid-session would reach nobody already in the room.
 */
export interface WorkshopUpdatedEventData {
  workshopId: string
}

/** Event name (the SSE `event:` field) → its `data` (JSON). */
export interface LiveEventMap {
  notification: NotificationItem
  review: ReviewEventData
  workshop: WorkshopEventData
  'workshop-ended': WorkshopEndedEventData
  'workshop-updated': WorkshopUpdatedEventData
}

export type LiveEventType = keyof LiveEventMap
export const LIVE_EVENT_TYPES: readonly LiveEventType[] = [
  'notification',
  'review',
  'workshop',
  'workshop-ended',
  'workshop-updated',
]

export type LiveEvent = { [K in LiveEventType]: { type: K; data: LiveEventMap[K] } }[LiveEventType]

/** How often the stream sends a comment line, so proxies and the browser keep it open. */
export const LIVE_EVENTS_KEEPALIVE_MS = 25_000
