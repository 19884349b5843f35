import { splitSentences } from './sentences.js'

/*
 * Who made a claim, guessed from the attribution in its sentence ("the BLA alleged that…",
 * "according to the ISPR…"), to suggest a claim's `claimant` (ClaimReview's itemReviewed.author).
 * Only a name is suggested: "the group said" or "it claimed" say nobody by name, so nothing is.
 */

/** A run of capitalised words, with the small words names carry inside ("Ministry of Defence"). */
const NAME = String.raw`\p{Lu}[\p{L}\p{N}’'.&-]*(?:\s+(?:(?:of|for|the|and|de|du|al|el|on)\s+)*\p{Lu}[\p{L}\p{N}’'.&-]*)*`
const NAME_AT_END = new RegExp(`(${NAME})\\s*$`, 'u')
const ACCORDING_TO = new RegExp(`\\b[Aa]ccording to\\s+(?:the\\s+)?(${NAME})`, 'u')
const VERB =
  /\b(?:said|says|told|claimed|claims|alleged|alleges|stated|states|asserted|asserts|announced|declared|insisted|insists|confirmed|denied|acknowledged)\b/gu
/** Between a name and its verb: "has", "also", a parenthesised short form "(BLA)". */
const BETWEEN =
  /(?:\s*\([^()]{1,40}\)|\s+(?:has|have|had|also|further|previously|again|earlier|later|then|reportedly))+\s*$/u
const NOT_NAMES: ReadonlySet<string> = new Set([
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'You',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'Officials',
  'Police',
  'Sources',
])
const LEADING_ARTICLE = /^The\s+/u

export function claimantInSentence(sentence: string): string | null {
  const according = ACCORDING_TO.exec(sentence)
  if (according?.[1] !== undefined) {
    const name = tidy(according[1])
    if (name !== null) return name
  }
  for (const verb of sentence.matchAll(VERB)) {
    const before = sentence.slice(0, verb.index).replace(BETWEEN, ' ')
    const match = NAME_AT_END.exec(before)
    if (match?.[1] === undefined) continue
    const name = tidy(match[1])
    if (name !== null) return name
  }
  return null
}

/**
 * The suggested claimant of the claim at `[from, to)` of the plain text: the attribution in
 * the sentence the claim starts in, else in the one it ends in.
 */
export function suggestClaimant(text: string, from: number, to: number): string | null {
  const sentences = splitSentences(text).filter((s) => s.to > from && s.from < Math.max(to, from + 1))
  for (const s of sentences) {
    const name = claimantInSentence(text.slice(s.from, s.to))
    if (name !== null) return name
  }
  return null
}

function tidy(raw: string): string | null {
  const name = raw
    .replace(LEADING_ARTICLE, '')
    .replace(/[’']s$/u, '')
    .trim()
  if (name === '' || NOT_NAMES.has(name) || name.length > 300) return null
  return name
}
