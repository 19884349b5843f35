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

// Quotes are cut the way claims' are (claims/format), so long ones read the same everywhere.
export { shortQuote } from '../claims/format'

/**
 * The model's reasons in words as one line ("contains a figure; says what caused what"),
 * or '' when it gave none. Each explanation may hold commas of its own ("names people,
 * places or organisations"), so they are joined with semicolons.
 */
export function explanationLine(explanations: readonly string[] | undefined): string {
  const parts = (explanations ?? []).map((text) => text.trim()).filter((text) => text.length > 0)
  return parts.join('; ')
}
