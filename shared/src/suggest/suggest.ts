import { REASON_WEIGHTS, detectReasons, type SuggestionReason } from './features.js';
import { splitSentences, wordCount } from './sentences.js';

export interface Suggestion {
  /** Offsets into the plain text (UTF-16 code units), [start, end). */
  start: number;
  end: number;
  quote: string;
  /** 0..1, two decimals. */
  score: number;
  reasons: SuggestionReason[];
}

export interface SuggestOptions {
  /** Spans scoring below this are left out. */
  minScore?: number;
}

export const DEFAULT_MIN_SCORE = 0.3;

/** Shorter spans are headings or fragments more often than statements. */
const MIN_STATEMENT_WORDS = 5;

/**
 * Check-worthy sentence and clause spans of an article's plain text, in document order.
 * Deterministic: the same text always yields the same suggestions.
 */
export function suggestCheckworthy(plainText: string, opts: SuggestOptions = {}): Suggestion[] {
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const suggestions: Suggestion[] = [];
  for (const { from, to } of splitSentences(plainText)) {
    const quote = plainText.slice(from, to);
    const { score, reasons } = scoreSentence(quote);
    if (reasons.length > 0 && score >= minScore) suggestions.push({ start: from, end: to, quote, score, reasons });
  }
  return suggestions;
}

export function scoreSentence(sentence: string): { score: number; reasons: SuggestionReason[] } {
  const reasons = detectReasons(sentence);
  let score = Math.min(1, reasons.reduce((sum, reason) => sum + REASON_WEIGHTS[reason], 0));
  // Questions ask rather than assert; short or unpunctuated lines are mostly headings.
  const trimmed = sentence.trim();
  if (/\?["'”’)\]]*$/.test(trimmed)) score *= 0.5;
  if (wordCount(trimmed) < MIN_STATEMENT_WORDS || looksLikeHeading(trimmed)) score *= 0.5;
  return { score: Math.round(score * 100) / 100, reasons };
}

/** Headings carry no terminal punctuation and are short. */
function looksLikeHeading(text: string): boolean {
  return !/[.!?…]["'”’)\]]*$/.test(text) && wordCount(text) <= HEADING_MAX_WORDS;
}

const HEADING_MAX_WORDS = 12;
