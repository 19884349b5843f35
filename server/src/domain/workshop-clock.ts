import type { EventBus } from '../events/event-bus.js';
import { log } from '../log.js';
import type { Db } from '../storage/db.js';
import type { AccessEvents } from './access-events.js';
import { workshopGuestIds, workshopTrainerIds } from './workshop-audience.js';
import { getWorkshop, hasEnded } from './workshops.js';

/** How often each instance looks for ends coming up (set on any instance, or before a restart). */
export const CLOCK_POLL_MS = 1000;
/** Ends this close are given a timer of their own, so the lock lands at the end, not at the next poll. */
const LOOKAHEAD_MS = 2 * CLOCK_POLL_MS;
/** Node may fire a timer a millisecond early; a few later and the end has surely passed. */
const TIMER_MARGIN_MS = 5;

export interface WorkshopClockDeps {
  db: Db;
  /** Locks the workshop's open copies on this instance only (every instance runs a clock). */
  lockHere(workshopId: string): void;
  /** The one instance that claims the end: tells every instance (access) and the room (events). */
  access: AccessEvents;
  events: EventBus;
}

/**
 * The countdown's end, on every instance. Each instance polls for ends due within the next
 * two seconds and sets a timer for each, so open copies lock at `endsAt` wherever their
 * sockets are; at the end, one instance wins the `ended_at` claim and announces it (the access
 * change reaches other instances through Redis as a backstop, `workshop-ended` goes to the
 * participants and trainers once). Sockets opened after the end are locked by the gate itself.
 */
export class WorkshopClock {
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private poller: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: WorkshopClockDeps) {}

  start(): void {
    const tick = () => {
      void this.poll().finally(() => {
        if (!this.stopped) this.poller = setTimeout(tick, CLOCK_POLL_MS);
      });
    };
    tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.poller);
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** An end set on this instance: its timer now rather than at the next poll. */
  scheduled(workshopId: string, endsAt: number | null): void {
    if (endsAt === null) return this.cancel(workshopId);
    if (endsAt - Date.now() <= LOOKAHEAD_MS) this.arm(workshopId, endsAt);
  }

  private async poll(): Promise<void> {
    try {
      const rows = await this.deps.db.query<{ id: string; ends_at: number | string }>(
        'SELECT id, ends_at FROM workshops WHERE ends_at IS NOT NULL AND ended_at IS NULL AND ends_at <= $1',
        [Date.now() + LOOKAHEAD_MS],
      );
      for (const row of rows) this.arm(row.id, Number(row.ends_at));
    } catch (err) {
      log('workshop clock: poll failed', { error: String(err) });
    }
  }

  private arm(workshopId: string, at: number): void {
    const armed = this.timers.get(workshopId);
    if (armed?.at === at) return;
    if (armed) clearTimeout(armed.timer);
    const timer = setTimeout(() => void this.reached(workshopId), Math.max(0, at - Date.now() + TIMER_MARGIN_MS));
    this.timers.set(workshopId, { at, timer });
  }

  private cancel(workshopId: string): void {
    const armed = this.timers.get(workshopId);
    if (armed) clearTimeout(armed.timer);
    this.timers.delete(workshopId);
  }

  private async reached(workshopId: string): Promise<void> {
    this.timers.delete(workshopId);
    if (this.stopped) return;
    try {
      // Read again: the end may have been moved or cleared on another instance since the poll.
      const workshop = await getWorkshop(this.deps.db, workshopId);
      if (!workshop || !hasEnded(workshop)) return;
      this.deps.lockHere(workshopId);
      const claimed = await this.deps.db.query('UPDATE workshops SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL RETURNING id', [Date.now(), workshopId]);
      if (claimed.length === 0) return;
      this.deps.access.changed({ kind: 'workshop-ended', workshopId });
      const [users, guests] = await Promise.all([workshopTrainerIds(this.deps.db, workshop), workshopGuestIds(this.deps.db, workshopId)]);
      this.deps.events.publish({ type: 'workshop-ended', data: { workshopId } }, { users, guests });
      log('workshop ended', { workshopId });
    } catch (err) {
      log('workshop clock: end not applied', { workshopId, error: String(err) });
    }
  }
}
