import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Envelope, EventRelay } from '../events/event-bus.js'
import { log } from '../log.js'

const CHANNEL = 'fc:events'

/** Live events between instances over one Redis pub/sub channel; each instance skips its own. */
export class RedisEventRelay implements EventRelay {
  private readonly from = randomBytes(8).toString('hex')
  private readonly pub: Redis
  private readonly sub: Redis
  private deliver: ((envelope: Envelope) => void) | undefined

  constructor(url: string) {
    this.pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null })
    this.sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null })
    this.sub.on('message', (_channel: string, message: string) => this.onMessage(message))
    for (const client of [this.pub, this.sub])
      client.on('error', (err) => log('redis error (events)', { error: String(err) }))
  }

  async connect(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()])
    await this.sub.subscribe(CHANNEL)
  }

  publish(envelope: Envelope): void {
    this.pub
      .publish(CHANNEL, JSON.stringify({ from: this.from, envelope }))
      .catch((err) => log('redis publish failed', { channel: CHANNEL, error: String(err) }))
  }

  onRemote(deliver: (envelope: Envelope) => void): void {
    this.deliver = deliver
  }

  async close(): Promise<void> {
    this.pub.disconnect()
    this.sub.disconnect()
  }

  private onMessage(message: string): void {
    try {
      const { from, envelope } = JSON.parse(message) as { from: string; envelope: Envelope }
      if (from !== this.from) this.deliver?.(envelope)
    } catch (err) {
      log('dropped a malformed live event from redis', { error: String(err) })
    }
  }
}
