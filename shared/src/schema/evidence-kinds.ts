import type { EvidenceAttachment, EvidenceKind } from './types.js'

/** The fields an evidence entry is checked on, whatever writes it (the web client, a bot, an import). */
export interface EvidenceFields {
  kind: EvidenceKind
  url: string
  title: string
  interviewee?: string
  interviewedAt?: string
  attachments?: readonly EvidenceAttachment[]
}

export type EvidenceField = 'url' | 'title' | 'interviewee' | 'interviewedAt' | 'attachments'

/** `2026-11-30` or `2026-11-30T14:05` (seconds and a zone allowed): when an interview or call took place. */
const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/

/**
 * What each kind requires, as the contract's "Evidence kinds" says: a link its URL and title,
 * a document a title and at least one file, an interview or call who and when. Returns the
 * missing or malformed fields with a message a checker can act on; empty when the entry is whole.
 */
export function evidenceProblems(fields: EvidenceFields): Partial<Record<EvidenceField, string>> {
  const problems: Partial<Record<EvidenceField, string>> = {}
  const blank = (value: string | undefined) => value === undefined || value.trim() === ''
  switch (fields.kind) {
    case 'link':
      if (blank(fields.url)) problems.url = 'Add the link to the source.'
      if (blank(fields.title)) problems.title = 'Give the source a title.'
      break
    case 'document':
      if (blank(fields.title)) problems.title = 'Give the document a title.'
      if ((fields.attachments ?? []).length === 0) problems.attachments = 'Attach the document (an image or PDF).'
      break
    case 'interview':
      if (blank(fields.interviewee)) problems.interviewee = 'Say who was interviewed or called.'
      if (blank(fields.interviewedAt)) problems.interviewedAt = 'Say when the interview or call took place.'
      else if (!ISO_DATE_OR_TIME.test(fields.interviewedAt!.trim()))
        problems.interviewedAt = 'Give the date as YYYY-MM-DD, with a time if you like.'
      break
  }
  return problems
}
