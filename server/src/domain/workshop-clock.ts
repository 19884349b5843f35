import type { EventBus } from '../events/event-bus.js'
import { log } from '../log.js'
import type { Db } from '../storage/db.js'
import type { AccessEvents } from './access-events.js'
import { workshopGuestIds, workshopTrainerIds } from './workshop-audience.js'
import { getWorkshop, hasEnded } from './workshops.js'

/**
 * The safety net only: ends are armed when they are set (here or, through the event relay, on
 * another instance) and at start. The poll catches an end whose relay message was lost.
 */
export const CLOCK_SAFETY_POLL_MS = 30_000
/** Node may fire a timer a millisecond early; a few later and the end has surely passed. */
const TIMER_MARGIN_MS = 5
/** setTimeout's ceiling (~24.8 days): a later end is re-armed when this timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1

export interface WorkshopClockDeps {
  db: Db
  /** Locks the workshop's open copies on this instance only (every instance runs a clock). */
  lockHere(workshopId: string): void
  /** The one instance that claims the end: tells every instance (access) and the room (events). */
  access: AccessEvents
  /** Its `workshop-updated` events (from any instance) re-arm the timer; `workshop-ended` goes out on it. */
  events: EventBus
}

/**
 * The countdown's end, on every instance. Each instance keeps one timer per workshop with an
 * end to come: armed at start from storage, re-armed when a trainer sets, moves or clears the
 * end (on this instance directly, on the others by the `workshop-updated` event the change
 * publishes, which crosses instances through the event relay), and checked by a slow safety
 * poll. So open copies lock at `endsAt` wherever their sockets are, and an idle instance asks
 * storage nothing between polls. At the end one instance wins the `ended_at` claim and
 * announces it (the access change reaches other instances through Redis as a backstop,
 * `workshop-ended` goes to the participants and trainers once). Sockets opened after the end
 * are locked by the gate itself.
 */
export class WorkshopClock {
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>()
  private poller: NodeJS.Timeout | undefined
  private unobserve: (() => void) | undefined
  private stopped = false

  constructor(private readonly deps: WorkshopClockDeps) {}

  start(): void {
    this.unobserve = this.deps.events.observe((event) => {
      if (event.type === 'workshop-updated') void this.refresh(event.data.workshopId)
    })
    const tick = () => {
      void this.poll().finally(() => {
        if (!this.stopped) this.poller = setTimeout(tick, CLOCK_SAFETY_POLL_MS)
      })
    }
    tick()
  }

  stop(): void {
    this.stopped = true
    this.unobserve?.()
    clearTimeout(this.poller)
    for (const { timer } of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  /** An end set on this instance: armed at once (its `workshop-updated` event then finds it armed). */
  scheduled(workshopId: string, endsAt: number | null): void {
    if (endsAt === null) this.cancel(workshopId)
    else this.arm(workshopId, endsAt)
  }

  /** A workshop changed somewhere: its end as storage has it now. */
  private async refresh(workshopId: string): Promise<void> {
    try {
      const workshop = await getWorkshop(this.deps.db, workshopId)
      if (this.stopped) return
      if (!workshop?.endsAt) return this.cancel(workshopId)
      this.arm(workshopId, Date.parse(workshop.endsAt))
    } catch (err) {
      log('workshop clock: end not re-read', { workshopId, error: String(err) })
    }
  }

  private async poll(): Promise<void> {
    try {
      const rows = await this.deps.db.query<{ id: string; ends_at: number | string }>(
        'SELECT id, ends_at FROM workshops WHERE ends_at IS NOT NULL AND ended_at IS NULL',
        [],
      )
      if (this.stopped) return
      for (const row of rows) this.arm(row.id, Number(row.ends_at))
    } catch (err) {
      log('workshop clock: poll failed', { error: String(err) })
    }
  }

  private arm(workshopId: string, at: number): void {
    if (this.stopped) return
    const armed = this.timers.get(workshopId)
    if (armed?.at === at) return
    if (armed) clearTimeout(armed.timer)
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now() + TIMER_MARGIN_MS))
    const timer = setTimeout(() => void this.reached(workshopId), delay)
    this.timers.set(workshopId, { at, timer })
  }

  private cancel(workshopId: string): void {
    const armed = this.timers.get(workshopId)
    if (armed) clearTimeout(armed.timer)
    this.timers.delete(workshopId)
  }

  private async reached(workshopId: string): Promise<void> {
    this.timers.delete(workshopId)
    if (this.stopped) return
    try {
      // Read again: the end may have been moved or cleared on another instance since it was armed.
      const workshop = await getWorkshop(this.deps.db, workshopId)
      if (!workshop?.endsAt) return
      if (!hasEnded(workshop)) return this.arm(workshopId, Date.parse(workshop.endsAt))
      this.deps.lockHere(workshopId)
      const claimed = await this.deps.db.query(
        'UPDATE workshops SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL RETURNING id',
        [Date.now(), workshopId],
      )
      if (claimed.length === 0) return
      this.deps.access.changed({ kind: 'workshop-ended', workshopId })
      const [users, guests] = await Promise.all([
        workshopTrainerIds(this.deps.db, workshop),
        workshopGuestIds(this.deps.db, workshopId),
      ])
      this.deps.events.publish({ type: 'workshop-ended', data: { workshopId } }, { users, guests })
      log('workshop ended', { workshopId })
    } catch (err) {
      log('workshop clock: end not applied', { workshopId, error: String(err) })
    }
  }
}
