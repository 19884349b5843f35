import { LIVE_EVENT_TYPES, type LiveEventMap, type LiveEventType } from '@fc/shared'
import { useEffect, useRef } from 'react'

type Listener<K extends LiveEventType> = (data: LiveEventMap[K]) => void

/**
 * One `GET /api/events` stream for the whole page, opened when the first screen listens and
 * closed when the last one stops; EventSource reconnects by itself after a drop. Screens that
 * show server state (review, inbox, trainer's dashboard) reload it on `reconnected`, since
 * events sent while the stream was down are not replayed.
 */
class LiveEventStream {
  private source: EventSource | null = null
  private readonly listeners = new Map<LiveEventType | 'reconnected', Set<(data: never) => void>>()
  private count = 0
  private readyOnce = false

  on<K extends LiveEventType>(type: K | 'reconnected', listener: Listener<K> | (() => void)): () => void {
    let set = this.listeners.get(type)
    if (!set) this.listeners.set(type, (set = new Set()))
    set.add(listener as (data: never) => void)
    if (++this.count === 1) this.open()
    return () => {
      set.delete(listener as (data: never) => void)
      if (--this.count === 0) this.shut()
    }
  }

  private open() {
    const source = new EventSource('/api/events', { withCredentials: true })
    this.source = source
    this.readyOnce = false
    source.addEventListener('ready', () => {
      if (this.readyOnce) this.emit('reconnected', undefined as never)
      this.readyOnce = true
    })
    for (const type of LIVE_EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        try {
          this.emit(type, JSON.parse((message as MessageEvent<string>).data) as never)
        } catch {
          // A frame we cannot read is skipped; the next reload shows the truth.
        }
      })
    }
  }

  private shut() {
    this.source?.close()
    this.source = null
  }

  private emit(type: LiveEventType | 'reconnected', data: never) {
    for (const listener of this.listeners.get(type) ?? []) listener(data)
  }
}

const stream = new LiveEventStream()

/** Calls `listener` for every live event of `type` while the component is mounted. */
export function useLiveEvent<K extends LiveEventType>(type: K, listener: Listener<K>): void {
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => stream.on(type, (data: LiveEventMap[K]) => latest.current(data)), [type])
}

/** Calls `listener` when the stream comes back after a drop (events in between were missed). */
export function useLiveEventsReconnected(listener: () => void): void {
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => stream.on('reconnected', () => latest.current()), [])
}
