import type { LiveEvent, LiveEventType } from '@fc/shared'
import type { TestServer } from './server.js'

/** An open `GET /api/events` stream that records what it receives. */
export interface LiveEventsClient {
  status: number
  /** Events in arrival order (the stream's own `ready` line is not among them). */
  events: LiveEvent[]
  /** Resolves with the first recorded event of `type` matching `match` (already received or still to come). */
  next<K extends LiveEventType>(
    type: K,
    match?: (data: Extract<LiveEvent, { type: K }>['data']) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<LiveEvent, { type: K }>['data']>
  close(): void
}

/**
 * Opens the stream as the web client does (cookie, or a token, or a guest cookie) and waits
 * for its `ready` line; a refused stream resolves with its status and no events.
 */
export async function openLiveEvents(
  server: Pick<TestServer, 'httpUrl'>,
  auth: { cookie?: string; token?: string },
): Promise<LiveEventsClient> {
  const controller = new AbortController()
  const headers: Record<string, string> = { accept: 'text/event-stream' }
  if (auth.cookie) headers.cookie = auth.cookie
  if (auth.token) headers.authorization = `Bearer ${auth.token}`
  const res = await fetch(`${server.httpUrl}/api/events`, { headers, signal: controller.signal })
  const events: LiveEvent[] = []
  const waiters = new Set<() => void>()
  const client: LiveEventsClient = {
    status: res.status,
    events,
    next(type, match = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((e) => e.type === type && match(e.data as never))
          if (!found) return false
          waiters.delete(check as () => void)
          clearTimeout(timer)
          resolve(found.data as never)
          return true
        }
        const timer = setTimeout(() => {
          waiters.delete(check as () => void)
          reject(
            new Error(
              `no live "${type}" event within ${timeoutMs} ms (received: ${events.map((e) => e.type).join(', ') || 'none'})`,
            ),
          )
        }, timeoutMs)
        if (!check()) waiters.add(check as () => void)
      })
    },
    close: () => controller.abort(),
  }
  if (res.status !== 200 || !res.body) {
    await res.body?.cancel()
    return client
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  let ready: () => void = () => undefined
  const readyLine = new Promise<void>((resolve) => (ready = resolve))
  void (async () => {
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += chunk.value
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const type = /^event: ?(.*)$/m.exec(block)?.[1]
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.replace(/^data: ?/, ''))
            .join('\n')
          if (type === 'ready') ready()
          else if (type) {
            events.push({ type, data: JSON.parse(data) } as LiveEvent)
            for (const waiter of [...waiters]) waiter()
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })()
  await readyLine
  return client
}
