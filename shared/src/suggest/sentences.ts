import type { TextRange } from '../text/quote.js'

/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'maj',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'no',
  'nos',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'approx',
  'est',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'a.m',
  'p.m',
])

const TERMINATOR = /[.!?]+["'”’)\]]*(?=\s|$)/g

/**
 * Sentence spans of `text`, trimmed, never crossing a line break (blocks of the plain text
 * are separate). Long sentences are further cut at semicolons, which join independent
 * clauses that each may hold their own claim.
 */
export function splitSentences(text: string): TextRange[] {
  const spans: TextRange[] = []
  for (const line of lines(text)) {
    let start = line.from
    const segment = text.slice(line.from, line.to)
    for (const match of segment.matchAll(TERMINATOR)) {
      const end = line.from + match.index + match[0].length
      if (!isSentenceEnd(text, line.from + match.index, end, line.to)) continue
      pushClauses(text, start, end, spans)
      start = end
    }
    pushClauses(text, start, line.to, spans)
  }
  return spans
}

function isSentenceEnd(text: string, punctuationAt: number, end: number, lineEnd: number): boolean {
  if (text[punctuationAt] !== '.') return true
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, punctuationAt - 12), punctuationAt))?.[1] ?? ''
  if (ABBREVIATIONS.has(word.toLowerCase())) return false
  if (/^\p{Lu}$/u.test(word)) return false // an initial, as in "J. Smith"
  // The next non-space character of the line (no slice to the line's end: lines can be long).
  let at = end
  while (at < lineEnd && /\s/u.test(text[at]!)) at++
  return at >= lineEnd || !/\p{Ll}/u.test(String.fromCodePoint(text.codePointAt(at)!))
}

const MIN_WORDS_TO_CUT = 25

function pushClauses(text: string, from: number, to: number, spans: TextRange[]): void {
  const pieces: TextRange[] = []
  const sentence = text.slice(from, to)
  if (wordCount(sentence) >= MIN_WORDS_TO_CUT) {
    let start = from
    for (const match of sentence.matchAll(/;\s/g)) {
      pieces.push({ from: start, to: from + match.index + 1 })
      start = from + match.index + 1
    }
    pieces.push({ from: start, to })
  } else {
    pieces.push({ from, to })
  }
  for (const piece of pieces) {
    const trimmed = trim(text, piece)
    if (trimmed.to > trimmed.from) spans.push(trimmed)
  }
}

function lines(text: string): TextRange[] {
  const result: TextRange[] = []
  let from = 0
  for (const match of text.matchAll(/\r?\n/g)) {
    result.push({ from, to: match.index })
    from = match.index + match[0].length
  }
  result.push({ from, to: text.length })
  return result
}

function trim(text: string, range: TextRange): TextRange {
  let { from, to } = range
  while (from < to && /\s/u.test(text[from]!)) from++
  while (to > from && /\s/u.test(text[to - 1]!)) to--
  return { from, to }
}

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}
