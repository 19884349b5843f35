import type { SuggestionReason } from '@fc/shared/suggest/index'

/** What each signal is called on its chip, and what it means (the chip's tooltip). */
export const REASONS: Readonly<Record<SuggestionReason, { label: string; hint: string }>> = {
  percentage: { label: 'percentage', hint: 'States a percentage' },
  number: { label: 'number', hint: 'Contains a figure' },
  quantity: { label: 'quantity', hint: 'Counts or measures something: people, money, distance, time' },
  attribution: { label: 'attribution', hint: 'Reports what someone said, claimed or confirmed' },
  superlative: { label: 'superlative', hint: 'Says something is the most, largest, first or a record' },
  date: { label: 'date', hint: 'Names a date or a day' },
  comparison: { label: 'comparison', hint: 'Compares or approximates a figure: more than, nearly, doubled' },
}

/** About three lines of the sidebar's quote face. */
const QUOTE_PREVIEW_CHARS = 150

/**
 * A long quote cut at a word boundary near `max` characters, with an ellipsis; short ones
 * unchanged. The cut never leaves a dangling comma or an opening quote mark behind.
 */
export function shortQuote(quote: string, max = QUOTE_PREVIEW_CHARS): string {
  if (quote.length <= max) return quote
  const head = quote.slice(0, max)
  const lastSpace = head.search(/\s\S*$/)
  // One enormous "word" (a URL): cut it where it is.
  const cut = lastSpace > max * 0.6 ? head.slice(0, lastSpace) : head
  return `${cut.replace(/[\s,;:“"‘'(—–-]+$/u, '')}…`
}

/**
 * The model's reasons in words as one line ("contains a figure; says what caused what"),
 * or '' when it gave none. Each explanation may hold commas of its own ("names people,
 * places or organisations"), so they are joined with semicolons.
 */
export function explanationLine(explanations: readonly string[] | undefined): string {
  const parts = (explanations ?? []).map((text) => text.trim()).filter((text) => text.length > 0)
  return parts.join('; ')
}
