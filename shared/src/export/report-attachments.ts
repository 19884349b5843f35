import type { AttachmentMime, EvidenceAttachment } from '../schema/types.js'
import { codeSpan, escapeInline, markdownLink } from './markdown.js'
import { isSafeHttpUrl } from './safe-url.js'

const TYPE_LABELS: Record<AttachmentMime, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
}

// Ids the server mints (API: opaque `[A-Za-z0-9_-]`). Anything else came from a hand-edited
// document and must not be spliced into a URL path (`..`, `?`, `#`).
const ATTACHMENT_ID = /^[A-Za-z0-9_-]{1,128}$/

/** Sizes as the web client shows them (B, KB, MB). */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * The download URL of an attachment under `baseUrl` (`<origin>/api/attachments`), built from
 * its id and never from the stored `url`, which any writer of the document can set.
 */
export function attachmentDownloadUrl(baseUrl: string | undefined, attachment: EvidenceAttachment): string | undefined {
  if (baseUrl === undefined || !ATTACHMENT_ID.test(attachment.id)) return undefined
  const url = `${baseUrl.replace(/\/+$/, '')}/${attachment.id}`
  return isSafeHttpUrl(url) ? url : undefined
}

/**
 * An evidence item's files as a Markdown list, each line starting with `indent`. The name is
 * the text of the download link: inside a link, nothing in it (a URL, `](…)`) can become a
 * link of its own. A file that cannot be linked shows its name in a code span, inert.
 */
export function attachmentLines(
  attachments: readonly EvidenceAttachment[],
  indent: string,
  baseUrl: string | undefined,
): string[] {
  if (attachments.length === 0) return []
  const lines = ['', `${indent}Attachments (${attachments.length}):`, '']
  for (const attachment of attachments) {
    const details = `${TYPE_LABELS[attachment.mime]}, ${fileSizeLabel(attachment.size)}`
    const url = attachmentDownloadUrl(baseUrl, attachment)
    const line =
      url !== undefined
        ? `${markdownLink(escapeInline(attachment.name) || 'Attachment', url)} (${details})`
        : `${codeSpan(attachment.name || 'Attachment')} (${details}; no download link)`
    lines.push(`${indent}- ${line}`)
  }
  return lines
}
