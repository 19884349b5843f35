import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/api'
import { useLiveEventsReconnected } from '../live/liveEvents'

const RETRY_MS = 3000

export interface LiveResource<T> {
  /** The latest answer; kept through a failed reload so the screen does not blank out. */
  data: T | null
  /** The last load's failure, until one succeeds again. */
  error: unknown
  /** When `data` was last fetched. */
  updatedAt: number | null
  /** Load again (a live event said it changed, an action, a "Try again" button). */
  refresh: () => void
}

/** Answers that loading again will not change: unknown, forbidden, signed out. */
export function isFinalError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)
}

/**
 * Loads now and again whenever `refresh` is called: the screens call it from live events
 * (`useLiveEvent`), nothing polls. Refreshes asked for in quick succession (a room of thirty
 * marking at once) make at most one load per `minGapMs`, and the last ask is always honoured.
 * After the events stream reconnects (events may have been missed) it loads again.
 */
export function useLiveResource<T>(load: () => Promise<T>, key: string, minGapMs = 250): LiveResource<T> {
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown; updatedAt: number | null }>({
    key,
    data: null,
    error: null,
    updatedAt: null,
  })
  const loadRef = useRef(load)
  loadRef.current = load
  const control = useRef({ inFlight: false, again: false, last: 0, timer: undefined as number | undefined, key })

  if (state.key !== key) setState({ key, data: null, error: null, updatedAt: null })

  // biome-ignore lint/correctness/useExhaustiveDependencies: schedule is read through the control ref at call time; the callback stays stable
  const run = useCallback(async () => {
    const c = control.current
    if (c.inFlight) {
      c.again = true
      return
    }
    c.inFlight = true
    c.last = Date.now()
    const forKey = c.key
    try {
      const data = await loadRef.current()
      if (control.current.key === forKey) setState({ key: forKey, data, error: null, updatedAt: Date.now() })
    } catch (error) {
      if (control.current.key === forKey) setState((was) => ({ ...was, key: forKey, error }))
      // The server unreachable or briefly failing: try again on our own; a final answer stays.
      if (!isFinalError(error)) window.setTimeout(() => control.current.key === forKey && schedule(), RETRY_MS)
    } finally {
      c.inFlight = false
      if (c.again) {
        c.again = false
        schedule()
      }
    }
  }, [])

  const schedule = useCallback(() => {
    const c = control.current
    if (c.timer !== undefined) return
    const wait = Math.max(0, c.last + minGapMs - Date.now())
    c.timer = window.setTimeout(() => {
      c.timer = undefined
      void run()
    }, wait)
  }, [run, minGapMs])

  useEffect(() => {
    const c = control.current
    c.key = key
    c.last = 0
    void run()
    return () => {
      window.clearTimeout(c.timer)
      c.timer = undefined
    }
  }, [key, run])

  useLiveEventsReconnected(schedule)

  const current = state.key === key ? state : { data: null, error: null, updatedAt: null }
  return { data: current.data, error: current.error, updatedAt: current.updatedAt, refresh: schedule }
}
