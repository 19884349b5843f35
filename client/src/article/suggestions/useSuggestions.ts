import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { Suggestion } from '@fc/shared/suggest/index'
import { useDismissals } from './dismissals'
import { useSuggestionsFeed } from './SuggestionsFeed'

/** A suggestion with an identity that survives edits elsewhere in the text (React key, focus). */
export interface ListedSuggestion extends Suggestion {
  key: string
}

export interface SuggestionsState {
  /** Not covered by a claim, not dismissed: what the list shows. */
  shown: readonly ListedSuggestion[]
  /** Not covered by a claim, dismissed by this person. */
  dismissed: readonly ListedSuggestion[]
  dismiss: (quote: string) => void
  restore: (quote: string) => void
}

/** The suggestions of the open document as this person sees them (their dismissals applied). */
export function useSuggestions(ydoc: Y.Doc, userId: string, articleId: string, enabled: boolean): SuggestionsState {
  const open = useSuggestionsFeed(ydoc, enabled)
  const { dismissed: dismissedQuotes, dismiss, restore } = useDismissals(userId, articleId)
  return useMemo(() => {
    const listed = withKeys(open)
    return {
      shown: listed.filter((s) => !dismissedQuotes.has(s.quote)),
      dismissed: listed.filter((s) => dismissedQuotes.has(s.quote)),
      dismiss,
      restore,
    }
  }, [open, dismissedQuotes, dismiss, restore])
}

/** Keys from the words, numbered where the same sentence occurs more than once. */
function withKeys(suggestions: readonly Suggestion[]): ListedSuggestion[] {
  const seen = new Map<string, number>()
  return suggestions.map((s) => {
    const n = seen.get(s.quote) ?? 0
    seen.set(s.quote, n + 1)
    return { ...s, key: `${n}:${s.quote}` }
  })
}
