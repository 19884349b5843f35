import { useState } from 'react'
import { describeError } from '../api/api'
import { workshopsApi } from '../api/workshops'
import { useNow } from './LiveStatus'

/** 754 000 ms → "12:34"; an hour or more → "1:02:03". */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`
}

/** Time left until `endsAt`, ticking each second; null without an end. */
export function useTimeLeft(endsAt: string | null): number | null {
  const now = useNow(1000)
  // The ticking `now` can be up to a second old when the end has just been set or moved: a fresh
  // 5-minute countdown would read 5:01 until the next tick.
  return endsAt === null ? null : Date.parse(endsAt) - Math.max(now, Date.now())
}

/** The clock both sides see: time left while it runs, "Time is up" after. */
export function TimeLeft({ endsAt, testId = 'time-left' }: { endsAt: string | null; testId?: string }) {
  const left = useTimeLeft(endsAt)
  if (left === null) return null
  const ended = left <= 0
  return (
    <span
      className={`time-left${ended ? ' time-left--ended' : left < 60_000 ? ' time-left--soon' : ''}`}
      data-testid={testId}
      data-ended={ended}
    >
      <span className="time-left__label">{ended ? 'Time is up' : 'Time left'}</span>
      {!ended && (
        <span className="time-left__value" role="timer" aria-live="off">
          {formatTimeLeft(left)}
        </span>
      )}
    </span>
  )
}

const PRESETS = [5, 10, 15, 30]

/** The trainer sets, extends or clears the end; once it has passed it stands. */
export function CountdownControl({
  workshopId,
  endsAt,
  onChanged,
}: {
  workshopId: string
  endsAt: string | null
  onChanged: () => void
}) {
  const left = useTimeLeft(endsAt)
  const [minutes, setMinutes] = useState('20')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ended = left !== null && left <= 0

  const setEnd = async (at: number | null) => {
    setBusy(true)
    setError(null)
    try {
      await workshopsApi.setEnd(workshopId, at === null ? null : new Date(at).toISOString())
      onChanged()
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }
  const custom = Number(minutes)
  const customValid = Number.isFinite(custom) && custom >= 1 && custom <= 600

  return (
    <section className="countdown" aria-labelledby="countdown-heading" data-testid="countdown">
      <h2 id="countdown-heading" className="panel-heading">
        Countdown
      </h2>
      {endsAt === null ? (
        <>
          <p className="countdown__lede">
            Give the room a time limit: every participant sees the time left, and at the end their copies lock (results
            stay hidden until you reveal).
          </p>
          <div className="countdown__presets" role="group" aria-label="Start a countdown">
            {PRESETS.map((m) => (
              <button
                key={m}
                type="button"
                className="button button--quiet button--small"
                disabled={busy}
                onClick={() => void setEnd(Date.now() + m * 60_000)}
              >
                {m} min
              </button>
            ))}
          </div>
          <form
            className="countdown__custom"
            onSubmit={(e) => {
              e.preventDefault()
              if (customValid) void setEnd(Date.now() + custom * 60_000)
            }}
          >
            <label htmlFor="countdown-minutes">Minutes</label>
            <input
              id="countdown-minutes"
              type="number"
              min={1}
              max={600}
              inputMode="numeric"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              data-testid="countdown-minutes"
            />
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={busy || !customValid}
              data-testid="countdown-start"
            >
              Start
            </button>
          </form>
        </>
      ) : ended ? (
        <p className="countdown__state" data-testid="countdown-ended">
          Time is up: the copies locked at{' '}
          {new Date(endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}. Reveal the results when you
          are ready to debrief.
        </p>
      ) : (
        <>
          <p className="countdown__big" data-testid="countdown-left">
            {formatTimeLeft(left ?? 0)}
          </p>
          <p className="countdown__lede">
            Copies lock at {new Date(endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.
          </p>
          <div className="countdown__presets">
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={busy}
              onClick={() => void setEnd(Date.parse(endsAt) + 5 * 60_000)}
            >
              +5 min
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={busy}
              onClick={() => void setEnd(null)}
              data-testid="countdown-clear"
            >
              Stop the countdown
            </button>
          </div>
        </>
      )}
      {error !== null && (
        <p className="countdown__error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
