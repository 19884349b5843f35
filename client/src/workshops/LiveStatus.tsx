import { useEffect, useState } from 'react'
import { ApiError, describeError } from '../api/api'

export interface LiveState {
  updatedAt: number | null
  error: unknown
  refresh: () => void
}

/** Says whether the numbers beside it are live, and what to do when they are not. */
export function LiveStatus({ live }: { live: LiveState }) {
  const now = useNow(1000)
  if (live.error) {
    const unreachable = live.error instanceof ApiError && live.error.unreachable
    return (
      <p className="live-status live-status--paused" role="status" data-testid="live-status" data-state="paused">
        <span className="live-status__dot" aria-hidden="true" />
        {unreachable
          ? 'Updates paused: the server cannot be reached. Retrying…'
          : `Updates paused: ${describeError(live.error)}`}{' '}
        <button type="button" className="link-button" onClick={live.refresh}>
          Try now
        </button>
      </p>
    )
  }
  const seconds = live.updatedAt === null ? null : Math.max(0, Math.round((now - live.updatedAt) / 1000))
  return (
    <p className="live-status" role="status" aria-live="off" data-testid="live-status" data-state="live">
      <span className="live-status__dot" aria-hidden="true" />
      Live
      {seconds !== null && (
        <span className="live-status__age"> · updated {seconds < 2 ? 'just now' : `${seconds} s ago`}</span>
      )}
    </p>
  )
}

export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs)
    return () => window.clearInterval(timer)
  }, [everyMs])
  return now
}
