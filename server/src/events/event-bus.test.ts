import { describe, expect, it } from 'vitest'
import type { LiveEvent } from '@fc/shared'
import { type Envelope, EventBus, type EventRelay } from './event-bus.js'

const review = (claimId: string): LiveEvent => ({
  type: 'review',
  data: { articleId: 'a1', claimId, state: 'in-review' },
})

/** Two buses joined as two instances would be through Redis. */
function linkedPair(): [EventBus, EventBus] {
  const deliverers: Array<(e: Envelope) => void> = []
  const relay = (self: number): EventRelay => ({
    publish: (envelope) => deliverers[1 - self]?.(structuredClone(envelope)),
    onRemote: (deliver) => void (deliverers[self] = deliver),
    close: async () => undefined,
  })
  return [new EventBus(relay(0)), new EventBus(relay(1))]
}

describe('EventBus', () => {
  it('delivers an event only to the streams of its audience', () => {
    const bus = new EventBus()
    const got: Record<string, LiveEvent[]> = { alice: [], bob: [], guest: [] }
    bus.subscribe({ userId: 'alice' }, (e) => got.alice!.push(e))
    bus.subscribe({ userId: 'bob' }, (e) => got.bob!.push(e))
    bus.subscribe({ guestId: 'g1' }, (e) => got.guest!.push(e))
    bus.publish(review('c1'), { users: ['alice'] })
    bus.publish(review('c2'), { guests: ['g1'] })
    expect(got.alice!.map((e) => e.data)).toEqual([{ articleId: 'a1', claimId: 'c1', state: 'in-review' }])
    expect(got.bob).toEqual([])
    expect(got.guest).toHaveLength(1)
  })

  it('a stream that is both a user and a guest of the audience gets the event once', () => {
    const bus = new EventBus()
    const got: LiveEvent[] = []
    bus.subscribe({ userId: 'alice', guestId: 'g1' }, (e) => got.push(e))
    bus.publish(review('c1'), { users: ['alice'], guests: ['g1'] })
    expect(got).toHaveLength(1)
  })

  it('reaches the audience on another instance, and once on its own', () => {
    const [a, b] = linkedPair()
    const onA: LiveEvent[] = []
    const onB: LiveEvent[] = []
    a.subscribe({ userId: 'alice' }, (e) => onA.push(e))
    b.subscribe({ userId: 'alice' }, (e) => onB.push(e))
    a.publish(review('c1'), { users: ['alice'] })
    expect(onA).toHaveLength(1)
    expect(onB).toHaveLength(1)
  })

  it('stops delivering after unsubscribe, and one failing stream does not stop the others', () => {
    const bus = new EventBus()
    const got: LiveEvent[] = []
    const off = bus.subscribe({ userId: 'alice' }, () => {
      throw new Error('closed')
    })
    bus.subscribe({ userId: 'alice' }, (e) => got.push(e))
    bus.publish(review('c1'), { users: ['alice'] })
    off()
    bus.publish(review('c2'), { users: ['alice'] })
    expect(got).toHaveLength(2)
    expect(bus.streams).toBe(1)
  })

  it("an observer sees every event delivered here, its own and another instance's, whatever the audience", () => {
    const [a, b] = linkedPair()
    const seen: string[] = []
    b.observe((e) => seen.push(e.type === 'review' ? e.data.claimId : e.type))
    a.publish(review('from-a'), { users: [] })
    b.publish(review('from-b'), { users: ['nobody-here'] })
    expect(seen).toEqual(['from-a', 'from-b'])
  })
})
