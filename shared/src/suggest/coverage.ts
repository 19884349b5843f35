import type { TextRange } from '../text/quote.js'
import type { Suggestion } from './suggest.js'

/**
 * Whether a claim's range already deals with a suggested sentence. It does when the two
 * share at least half of the shorter one: a claim on a phrase inside the sentence, on the
 * whole sentence or on a passage around it all count; a claim that merely strays over the
 * sentence's first or last word (a sloppy drag from the sentence next door) does not.
 *
 * The one rule for the web client's sidebar and GET /api/articles/:id/suggestions.
 */
export function covers(claim: TextRange, suggestion: Pick<Suggestion, 'start' | 'end'>): boolean {
  const overlap = Math.min(claim.to, suggestion.end) - Math.max(claim.from, suggestion.start)
  if (overlap <= 0) return false
  const shorter = Math.min(claim.to - claim.from, suggestion.end - suggestion.start)
  return overlap * 2 >= shorter
}

/** The suggestions no claim covers yet, in their order. Pass only claims that are in the text. */
export function uncoveredSuggestions<S extends Pick<Suggestion, 'start' | 'end'>>(
  suggestions: readonly S[],
  claims: readonly TextRange[],
): S[] {
  if (claims.length === 0) return [...suggestions]
  return suggestions.filter((suggestion) => !claims.some((claim) => covers(claim, suggestion)))
}
