import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { LIVE_EVENTS_KEEPALIVE_MS, type LiveEvent } from '@fc/shared'
import { DomainError } from '../domain/errors.js'
import type { EventBus } from '../events/event-bus.js'
import type { ApiDeps } from './http.js'

/**
 * `GET /api/events` (mounted there): the caller's live events as server-sent events (docs/api.md, "Live
 * events"). A signed-in user (cookie or token), a workshop guest, or both in one browser.
 */
export function eventRoutes(deps: ApiDeps & { events: EventBus }) {
  return new Hono().get('/', async (c) => {
    const caller = c.get('caller')
    const guestId = await deps.auth.guests.guestId(c.req.raw.headers)
    if (!caller && !guestId) throw new DomainError('unauthenticated', 'not signed in')
    // Proxies such as nginx buffer responses unless told not to; a buffered stream is not live.
    c.header('x-accel-buffering', 'no')
    return streamSSE(c, async (stream) => {
      const queue: LiveEvent[] = []
      let wake: (() => void) | undefined
      const unsubscribe = deps.events.subscribe({ userId: caller?.user.id, guestId: guestId ?? undefined }, (event) => {
        queue.push(event)
        wake?.()
      })
      let open = true
      stream.onAbort(() => {
        open = false
        wake?.()
      })
      try {
        // The first line tells the client the stream is live (EventSource fires `open` on headers alone).
        await stream.writeSSE({ event: 'ready', data: '{}' })
        while (open) {
          const event = queue.shift()
          if (event) {
            await stream.writeSSE({ event: event.type, data: JSON.stringify(event.data) })
            continue
          }
          const timer = await new Promise<'event' | 'idle'>((resolve) => {
            const t = setTimeout(() => resolve('idle'), LIVE_EVENTS_KEEPALIVE_MS)
            wake = () => {
              clearTimeout(t)
              resolve('event')
            }
          })
          wake = undefined
          if (timer === 'idle' && open) await stream.write(': keepalive\n\n')
        }
      } finally {
        unsubscribe()
      }
    })
  })
}
