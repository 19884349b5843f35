import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

/**
 * Suggestions a person dismissed, per article, kept in this browser (localStorage): what
 * one checker finds not worth checking is their call and nobody else's, so it never goes
 * into the shared document. A suggestion is remembered by its words, not its offsets,
 * which move whenever someone types above it; if its words change it is a new sentence
 * and is suggested again.
 */
const PREFIX = 'fc.suggestions.dismissed.v1:'
/** Sentences remembered per article; the oldest dismissals are forgotten first. */
export const MAX_DISMISSED = 500

export type DismissalStore = Pick<Storage, 'getItem' | 'setItem'>

export function dismissalKey(userId: string, articleId: string): string {
  return `${PREFIX}${userId}:${articleId}`
}

/** The dismissed quotes under `key`, oldest first; nothing when storage is unreadable. */
export function readDismissed(store: DismissalStore | null, key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(key) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((q): q is string => typeof q === 'string') : []
  } catch {
    return []
  }
}

export function writeDismissed(store: DismissalStore | null, key: string, quotes: readonly string[]): void {
  try {
    store?.setItem(key, JSON.stringify(quotes))
  } catch {
    // Full or blocked storage: the dismissals still hold until the page is left.
  }
}

/** `quotes` with `quote` added as the newest (moved there if it was already in). */
export function withDismissed(quotes: readonly string[], quote: string): string[] {
  return [...quotes.filter((q) => q !== quote), quote].slice(-MAX_DISMISSED)
}

export function withoutDismissed(quotes: readonly string[], quote: string): string[] {
  return quotes.filter((q) => q !== quote)
}

function browserStore(): DismissalStore | null {
  try {
    return window.localStorage
  } catch {
    return null // storage disabled: dismissals last for this visit
  }
}

export interface Dismissals {
  dismissed: ReadonlySet<string>
  dismiss: (quote: string) => void
  restore: (quote: string) => void
}

/** This person's dismissals on one article; follows other tabs of the same browser. */
export function useDismissals(userId: string, articleId: string): Dismissals {
  const key = dismissalKey(userId, articleId)
  const [state, setState] = useState(() => ({ key, quotes: readDismissed(browserStore(), key) }))
  // Another person or article: load theirs before showing anything.
  if (state.key !== key) setState({ key, quotes: readDismissed(browserStore(), key) })

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === key) setState({ key, quotes: readDismissed(browserStore(), key) })
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [key])

  // The list as last shown (other tabs' changes arrive through the storage event), so a
  // store that refuses writes still keeps this visit's dismissals.
  const current = useRef(state.quotes)
  current.current = state.quotes
  const update = useCallback(
    (change: (quotes: readonly string[]) => string[]) => {
      const quotes = change(current.current)
      current.current = quotes
      writeDismissed(browserStore(), key, quotes)
      setState({ key, quotes })
    },
    [key],
  )
  const dismiss = useCallback((quote: string) => update((quotes) => withDismissed(quotes, quote)), [update])
  const restore = useCallback((quote: string) => update((quotes) => withoutDismissed(quotes, quote)), [update])
  const dismissed = useMemo(() => new Set(state.quotes), [state.quotes])
  return { dismissed, dismiss, restore }
}
