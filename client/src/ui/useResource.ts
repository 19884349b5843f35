import { useCallback, useEffect, useMemo, useState } from 'react'

export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: unknown }

/**
 * Loads something for a screen and says which of loading / ready / failed it is, so the
 * screen can always show one of them. `key` changes start over; `reload` tries again
 * (keeping what is shown while it refreshes, so lists do not flicker after an edit).
 */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> & { reload: () => void } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [loadedKey, setLoadedKey] = useState(key)

  // A new key is a different thing: do not show the old one while it loads.
  if (loadedKey !== key) {
    setLoadedKey(key)
    setState({ status: 'loading' })
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a fresh closure every render; `key` says when it means something else and `attempt` is a retry
  useEffect(() => {
    let cancelled = false
    load().then(
      (data) => !cancelled && setState({ status: 'ready', data }),
      (error: unknown) => !cancelled && setState({ status: 'failed', error }),
    )
    return () => {
      cancelled = true
    }
    // `load` is a fresh closure every render; `key` says when it means something else.
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  // One object per state, not per render: screens key effects on the resource (focus after a
  // reload, say), and a fresh object each render ran them on every render.
  return useMemo(() => ({ ...state, reload }), [state, reload])
}
