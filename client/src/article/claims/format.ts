import type { ClaimStatus, EvidenceKind, Stance } from '@fc/shared/schema/index'

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  open: 'Open',
  researching: 'Researching',
  'needs-review': 'Needs review',
  done: 'Done',
}

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  link: 'Link',
  document: 'Document',
  interview: 'Interview or call',
}

export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "just now", "5 minutes ago", "yesterday"; empty for an unreadable time. */
export function relativeTime(iso: string, now: number = Date.now(), locale?: string): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return ''
  const seconds = Math.round((at - now) / 1000)
  // Clocks differ a little between browsers: a comment "from the future" was just made.
  if (Math.abs(seconds) < 45) return 'just now'
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit)
  }
  return format.format(Math.trunc(seconds / 60) || -1, 'minute')
}

/** A full date and time for tooltips next to relative times. */
export function absoluteTime(iso: string, locale?: string): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at)
}

/** `2025-02-01` or an ISO time → "1 Feb 2025"; anything else is shown as written. */
export function shortDate(value: string, locale?: string): string {
  const at = Date.parse(value)
  if (Number.isNaN(at)) return value
  // A bare date is midnight UTC: format it in UTC so it never shows as the day before.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(at)
}

/** Today as `YYYY-MM-DD` in the local calendar (what a date input holds). */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** How the platform writes the shortcut modifier: ⌘ on Apple devices, Ctrl elsewhere. */
export function modKey(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'
}

/** About three lines of the sidebar's quote face (a suggestion's preview). */
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
