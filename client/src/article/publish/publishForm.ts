import { LIMITS } from '@fc/shared/validation/limits'
import type { ArticleReview } from '../../api/review'

/** What the publish dialog asks: the public address the first time, a correction note after changes. */
export type PublishStep = { kind: 'first' } | { kind: 'again'; changed: boolean }

export function publishStep(review: ArticleReview): PublishStep {
  return review.factCheckPublishedAt === null
    ? { kind: 'first' }
    : { kind: 'again', changed: review.updatedAfterPublish }
}

/** The URL a fact-check is published at, as the server takes it: http(s), at most LIMITS.urlMax. */
export function publicUrlError(value: string): string | null {
  const url = value.trim()
  if (url === '') return 'Enter the address where the fact-check is published.'
  if (url.length > LIMITS.urlMax) return `That address is too long (at most ${LIMITS.urlMax} characters).`
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return 'The address must start with http:// or https://.'
  } catch {
    return 'That is not a web address. Copy it from the browser, e.g. https://news.example/fact-check/…'
  }
  return null
}

export function correctionNoteError(value: string, required: boolean): string | null {
  if (required && value.trim() === '') return 'Say what changed: readers see this note in the corrections log.'
  if (value.length > LIMITS.noteMax) return `The note is too long (at most ${LIMITS.noteMax} characters).`
  return null
}
