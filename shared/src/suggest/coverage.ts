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

/**
 * The suggestions no claim covers yet, in their order. Pass only claims that are in the text.
 * Claims sorted by start, each suggestion looks only at the claims that can reach it (start
 * before its end, and a running furthest end past its start): 2,000 claims against every
 * sentence of a long article, after each pause in typing, was too much for a pairwise check.
 */
export function uncoveredSuggestions<S extends Pick<Suggestion, 'start' | 'end'>>(
  suggestions: readonly S[],
  claims: readonly TextRange[],
): S[] {
  if (claims.length === 0) return [...suggestions]
  const sorted = [...claims].sort((a, b) => a.from - b.from)
  // furthest[i]: the furthest end among sorted[0..i].
  const furthest: number[] = []
  let reach = Number.NEGATIVE_INFINITY
  for (const claim of sorted) {
    reach = Math.max(reach, claim.to)
    furthest.push(reach)
  }
  return suggestions.filter((suggestion) => {
    // The last claim that starts before the sentence ends.
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]!.from < suggestion.end) lo = mid + 1
      else hi = mid
    }
    for (let i = lo - 1; i >= 0 && furthest[i]! > suggestion.start; i--) {
      if (covers(sorted[i]!, suggestion)) return false
    }
    return true
  })
}
