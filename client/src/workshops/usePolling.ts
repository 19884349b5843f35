import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/api'

export interface Polled<T> {
  /** The latest answer; kept through failed polls so the screen does not blank out. */
  data: T | null
  /** The last poll's failure, until one succeeds again. */
  error: unknown
  /** When `data` was last fetched. */
  updatedAt: number | null
  /** Ask again now (after an action, or from a "Try again" button). */
  refresh: () => void
}

/** Answers that polling again will not change: unknown, forbidden, signed out. */
export function isFinalError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)
}

/**
 * Loads now, then again `intervalMs` after each answer, while the tab is visible (a
 * hidden tab catches up the moment it is shown). Stops after a final error. `key`
 * changes start over.
 */
export function usePolling<T>(load: () => Promise<T>, key: string, intervalMs: number, enabled = true): Polled<T> {
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown; updatedAt: number | null }>({ key, data: null, error: null, updatedAt: null })
  const loadRef = useRef(load)
  loadRef.current = load
  const [kick, setKick] = useState(0)

  if (state.key !== key) setState({ key, data: null, error: null, updatedAt: null })

  useEffect(() => {
    if (!enabled) return
    let stopped = false
    let timer: number | undefined
    let inFlight = false
    let pendingWhileHidden = false

    const poll = async () => {
      if (stopped || inFlight) return
      if (document.hidden) {
        pendingWhileHidden = true
        return
      }
      inFlight = true
      try {
        const data = await loadRef.current()
        if (stopped) return
        setState({ key, data, error: null, updatedAt: Date.now() })
      } catch (error) {
        if (stopped) return
        setState((was) => ({ ...was, key, error }))
        if (isFinalError(error)) {
          stopped = true
          return
        }
      } finally {
        inFlight = false
      }
      if (!stopped) timer = window.setTimeout(() => void poll(), intervalMs)
    }
    const onVisible = () => {
      if (!document.hidden && pendingWhileHidden) {
        pendingWhileHidden = false
        void poll()
      }
    }
    document.addEventListener('visibilitychange', onVisible)
    void poll()
    return () => {
      stopped = true
      window.clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [key, intervalMs, enabled, kick])

  const refresh = useCallback(() => setKick((n) => n + 1), [])
  const current = state.key === key ? state : { data: null, error: null, updatedAt: null }
  return { data: current.data, error: current.error, updatedAt: current.updatedAt, refresh }
}
