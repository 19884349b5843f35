/** One participant's row of the results as the CSV carries it. */
export interface CsvResultRow {
  name: string
  precision: number | null
  recall: number | null
  f1: number | null
  verdictAccuracy: number | null
  claims: number
}

export const RESULTS_CSV_HEADER = ['name', 'precision', 'recall', 'f1', 'verdictAccuracy', 'claims'] as const

/**
 * The results as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, quotes doubled). Guest names are typed by anyone with the join code, so a cell a
 * spreadsheet would read as a formula (starting with = + - @) gets a leading apostrophe.
 */
export function resultsCsv(rows: readonly CsvResultRow[]): string {
  const lines = [
    RESULTS_CSV_HEADER.map(csvCell),
    ...rows.map((r) =>
      [r.name, num(r.precision), num(r.recall), num(r.f1), num(r.verdictAccuracy), String(r.claims)].map(csvCell),
    ),
  ]
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`
}

/** A number with a dot and at most 3 decimals (0.6667 → "0.667", 1 → "1"); null is an empty cell. */
function num(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return ''
  return String(Math.round(value * 1000) / 1000)
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
