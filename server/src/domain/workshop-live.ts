import { readClaims } from '@fc/shared'
import type * as Y from 'yjs'
import type { EventBus } from '../events/event-bus.js'
import { log } from '../log.js'
import type { Queryable } from '../storage/db.js'
import { workshopTrainerIds } from './workshop-audience.js'
import { participantByDocId } from './workshop-participants.js'
import { progressOf } from './workshop-results.js'
import { getWorkshop } from './workshops.js'

/**
 * At most one `workshop` event per participant per this interval: a participant dragging a
 * selection or typing a rationale would otherwise send one per keystroke to every trainer.
 */
export const PROGRESS_EVENT_MS = 200
/** A burst of updates in one moment (a claim and its verdict) becomes one event. */
const COALESCE_MS = 15
/** Documents remembered as "not a workshop copy" (articles); beyond this the memory starts over. */
const MAX_REMEMBERED = 10_000

interface CopyState {
  workshopId: string
  participantId: string
  lastSent: number
  timer?: NodeJS.Timeout
  /** What the last event was about, so an edit that did not touch the claims sends nothing. */
  sent?: string
}

/**
 * The trainer's live dashboard: when a participant's copy changes on this instance (updates
 * its sockets sent here; other instances report their own), its trainers get a `workshop`
 * event with the copy's counts, within PROGRESS_EVENT_MS + a few ms, through the event bus on
 * every instance. Only changes to the claims (marked, moved, given a verdict) count: the
 * dashboard and the heat map show nothing else.
 */
export class WorkshopProgressFeed {
  private readonly copies = new Map<string, Promise<CopyState | null>>()

  constructor(
    private readonly db: Queryable,
    private readonly events: EventBus,
    private readonly openDoc: (docId: string) => Y.Doc | undefined,
  ) {}

  changed(docId: string): void {
    void this.copyOf(docId).then((copy) => {
      if (!copy || copy.timer) return
      const wait = Math.max(COALESCE_MS, copy.lastSent + PROGRESS_EVENT_MS - Date.now())
      copy.timer = setTimeout(() => {
        copy.timer = undefined
        copy.lastSent = Date.now()
        void this.send(docId, copy)
      }, wait)
    })
  }

  stop(): void {
    for (const pending of this.copies.values()) void pending.then((copy) => copy?.timer && clearTimeout(copy.timer))
    this.copies.clear()
  }

  private copyOf(docId: string): Promise<CopyState | null> {
    let known = this.copies.get(docId)
    if (!known) {
      if (this.copies.size >= MAX_REMEMBERED) this.copies.clear()
      known = participantByDocId(this.db, docId).then(
        (p) => (p ? { workshopId: p.workshopId, participantId: p.id, lastSent: 0 } : null),
        (err: unknown) => {
          this.copies.delete(docId)
          log('workshop progress: lookup failed', { docId, error: String(err) })
          return null
        },
      )
      this.copies.set(docId, known)
    }
    return known
  }

  private async send(docId: string, copy: CopyState): Promise<void> {
    const doc = this.openDoc(docId)
    if (!doc) return
    const claims = readClaims(doc)
    const fingerprint = JSON.stringify(claims.map((c) => [c.id, c.quote, c.prefix, c.suffix, c.verdict ?? null]))
    if (fingerprint === copy.sent) return
    copy.sent = fingerprint
    try {
      const workshop = await getWorkshop(this.db, copy.workshopId)
      if (!workshop) return
      const users = await workshopTrainerIds(this.db, workshop)
      this.events.publish(
        {
          type: 'workshop',
          data: { workshopId: copy.workshopId, participantId: copy.participantId, ...progressOf(doc) },
        },
        { users },
      )
    } catch (err) {
      log('workshop progress: event not sent', { docId, error: String(err) })
    }
  }
}
