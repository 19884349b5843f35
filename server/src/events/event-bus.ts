import type { LiveEvent } from '@fc/shared'
import { log } from '../log.js'

/**
 * Who may receive an event, decided by the publisher when it happens (the members of a
 * workspace, the trainers of a workshop, one user): a member removed a moment ago is simply
 * not in the next event's audience, so nothing about revocation has to be cached here.
 */
export interface Audience {
  users?: readonly string[]
  /** Workshop guests (participants without an account), by guest session id. */
  guests?: readonly string[]
}

/** One open stream: a signed-in user or a workshop guest. */
export interface Subscriber {
  userId?: string
  guestId?: string
}

export interface Envelope {
  event: LiveEvent
  audience: Audience
}

/** Carries envelopes to the other instances (Redis when scaled out) and brings theirs in. */
export interface EventRelay {
  publish(envelope: Envelope): void
  onRemote(deliver: (envelope: Envelope) => void): void
  close(): Promise<void>
}

type Send = (event: LiveEvent) => void

/**
 * The live events of `GET /api/events`: publishers say what happened and to whom; every
 * instance delivers it to the matching streams it holds.
 */
export class EventBus {
  private readonly byUser = new Map<string, Set<Send>>()
  private readonly byGuest = new Map<string, Set<Send>>()
  private readonly observers = new Set<Send>()

  constructor(private readonly relay?: EventRelay) {
    relay?.onRemote((envelope) => this.deliver(envelope))
  }

  publish<E extends LiveEvent>(event: E, audience: Audience): void {
    const envelope = { event, audience }
    this.deliver(envelope)
    this.relay?.publish(envelope)
  }

  /**
   * Sees every event this instance delivers, its own and other instances' (through the relay),
   * whatever its audience: for the server's own followers (the workshop clock re-arms on
   * `workshop-updated`). The returned function removes it.
   */
  observe(observer: Send): () => void {
    this.observers.add(observer)
    return () => this.observers.delete(observer)
  }

  /** Registers a stream; the returned function removes it. */
  subscribe(subscriber: Subscriber, send: Send): () => void {
    const entries: Array<[Map<string, Set<Send>>, string]> = []
    if (subscriber.userId) entries.push([this.byUser, subscriber.userId])
    if (subscriber.guestId) entries.push([this.byGuest, subscriber.guestId])
    for (const [map, key] of entries) {
      let set = map.get(key)
      if (!set) map.set(key, (set = new Set()))
      set.add(send)
    }
    return () => {
      for (const [map, key] of entries) {
        const set = map.get(key)
        set?.delete(send)
        if (set?.size === 0) map.delete(key)
      }
    }
  }

  /** Open streams on this instance (for tests and the health of a long-running server). */
  get streams(): number {
    let n = 0
    for (const set of this.byUser.values()) n += set.size
    for (const set of this.byGuest.values()) n += set.size
    return n
  }

  async close(): Promise<void> {
    await this.relay?.close()
  }

  private deliver({ event, audience }: Envelope): void {
    for (const observe of this.observers) {
      try {
        observe(event)
      } catch (err) {
        log('live event observer failed', { type: event.type, error: String(err) })
      }
    }
    // A stream that is both a user and a guest (one browser, two cookies) gets an event once.
    const targets = new Set<Send>()
    for (const id of audience.users ?? []) for (const send of this.byUser.get(id) ?? []) targets.add(send)
    for (const id of audience.guests ?? []) for (const send of this.byGuest.get(id) ?? []) targets.add(send)
    for (const send of targets) {
      try {
        send(event)
      } catch (err) {
        log('live event not delivered to one stream', { type: event.type, error: String(err) })
      }
    }
  }
}
