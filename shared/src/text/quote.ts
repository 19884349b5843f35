/**
 * Text-quote anchoring in the manner of the W3C TextQuoteSelector: a quote plus a little
 * context either side, so a passage can be found again after the text around it changed.
 */

/** Characters of context kept either side of a quote. */
export const CONTEXT_CHARS = 32

export interface TextQuote {
  exact: string
  prefix: string
  suffix: string
}

export interface TextRange {
  from: number
  to: number
}

export function quoteAt(text: string, from: number, to: number, contextChars = CONTEXT_CHARS): TextQuote {
  return {
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - contextChars), from),
    suffix: text.slice(to, to + contextChars),
  }
}

/** Cap on occurrences examined, so a one-letter quote in a huge text stays cheap. */
const MAX_OCCURRENCES = 10_000

/**
 * Finds `exact` in `text`. When it occurs several times, the occurrence whose surroundings
 * share the longest run with the stored prefix (read backwards from the quote) plus suffix
 * (read forwards) wins; ties go to the occurrence nearest `hint`, else the first.
 */
export function findQuote(text: string, quote: TextQuote, hint?: number): TextRange | null {
  const { exact, prefix, suffix } = quote
  if (exact.length === 0) return null
  let best: TextRange | null = null
  let bestScore = -1
  let bestDistance = Infinity
  let seen = 0
  for (let i = text.indexOf(exact); i !== -1 && seen < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    seen++
    const to = i + exact.length
    const score =
      commonSuffixLength(prefix, text.slice(Math.max(0, i - prefix.length), i)) +
      commonPrefixLength(suffix, text.slice(to, to + suffix.length))
    const distance = hint === undefined ? 0 : Math.abs(i - hint)
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = { from: i, to }
      bestScore = score
      bestDistance = distance
    }
  }
  return best
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  let i = 0
  while (i < n && a[i] === b[i]) i++
  return i
}

function commonSuffixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  let i = 0
  while (i < n && a[a.length - 1 - i] === b[b.length - 1 - i]) i++
  return i
}
