import { detectReasons, type SuggestionReason } from './features.js'
import { modelScore } from './model.js'
import { splitSentences, wordCount } from './sentences.js'

export interface Suggestion {
  /** Offsets into the plain text (UTF-16 code units), [start, end). */
  start: number
  end: number
  quote: string
  /** 0..1, two decimals; DEFAULT_MIN_SCORE (0.5) is the model's decision threshold. */
  score: number
  /** The checkable details found (the sidebar's chips), in a fixed order; may be empty. */
  reasons: SuggestionReason[]
  /**
   * Why the model suggests it, in words, strongest first: the signals that pushed it up
   * ("names people, places or organisations", "says what caused what"…) and, when the
   * learned n-grams lean that way, "wording often seen in check-worthy statements".
   */
  explanations: string[]
}

export type SentenceScore = ReturnType<typeof scoreSentence>

export interface SuggestOptions {
  /** Spans scoring below this are left out. */
  minScore?: number
  /**
   * Scores kept from an earlier call, by sentence: read, and filled with every sentence
   * scored now. A live editor re-runs this after each pause in typing, where all sentences
   * but the edited one are unchanged (the result is the same with or without it).
   */
  cache?: Pick<Map<string, SentenceScore>, 'get' | 'set'>
}

/** The score at the model's decision threshold (chosen on validation data when trained). */
export const DEFAULT_MIN_SCORE = 0.5

/** Shorter spans are headings or fragments more often than statements. */
const MIN_STATEMENT_WORDS = 5

/**
 * Check-worthy sentence and clause spans of an article's plain text, in document order.
 * Deterministic: the same text always yields the same suggestions.
 */
export function suggestCheckworthy(plainText: string, opts: SuggestOptions = {}): Suggestion[] {
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE
  const suggestions: Suggestion[] = []
  for (const { from, to } of splitSentences(plainText)) {
    const quote = plainText.slice(from, to)
    let scored = opts.cache?.get(quote)
    if (scored === undefined) {
      scored = scoreSentence(quote)
      opts.cache?.set(quote, scored)
    }
    if (scored.score >= minScore) suggestions.push({ start: from, end: to, quote, ...scored })
  }
  return suggestions
}

/**
 * The model's probability, rescaled so that its decision threshold reads 0.5 (monotone,
 * piecewise linear); halved for headings and fragments, which debates (the training data)
 * do not have.
 */
export function scoreSentence(sentence: string): {
  score: number
  reasons: SuggestionReason[]
  explanations: string[]
} {
  const reasons = detectReasons(sentence)
  const { probability: p, threshold: t, explanations } = modelScore(sentence, reasons)
  let score = p < t ? (0.5 * p) / t : 0.5 + (0.5 * (p - t)) / (1 - t)
  const trimmed = sentence.trim()
  if (wordCount(trimmed) < MIN_STATEMENT_WORDS || looksLikeHeading(trimmed)) score *= 0.5
  return { score: Math.round(score * 100) / 100, reasons, explanations }
}

/** Headings carry no terminal punctuation and are short. */
function looksLikeHeading(text: string): boolean {
  return !/[.!?…]["'”’)\]]*$/.test(text) && wordCount(text) <= HEADING_MAX_WORDS
}

const HEADING_MAX_WORDS = 12
