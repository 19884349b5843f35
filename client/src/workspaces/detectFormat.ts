/**
 * What a pasted text most likely is, so the import dialog can offer to read it as such:
 * HTML or Markdown pasted with the default "Plain text" format would otherwise arrive as
 * literal tags and asterisks. Only clear cases count: prose that mentions one `<tag>` or
 * starts a line with "- " stays plain text.
 */
export type DetectedFormat = 'text' | 'markdown' | 'html'

const HTML_DOCUMENT = /^\s*(?:<!doctype html|<html[\s>]|<body[\s>])/i
const HTML_BLOCK_TAG =
  /<(?:p|div|h[1-6]|ul|ol|li|blockquote|article|section|table|tr|td|figure|header|footer|main|span|a|strong|em|b|i|br|img)(?:\s[^<>]*)?\/?>/gi
const HTML_CLOSING_TAG =
  /<\/(?:p|div|h[1-6]|ul|ol|li|blockquote|article|section|table|tr|td|figure|header|footer|main|span|a|strong|em|b|i)>/gi

const MD_HEADING = /^#{1,6}\s+\S/gm
const MD_LIST = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S/gm
const MD_QUOTE = /^>\s?\S/gm
const MD_EMPHASIS = /(\*\*|__)(?=\S)[^*_\n]+?\S\1/g
const MD_LINK = /\[[^\]\n]+\]\((?:https?:\/\/|\/|#)[^)\s]*\)/g
const MD_FENCE = /^```/gm

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0

export function detectFormat(text: string): DetectedFormat {
  const sample = text.slice(0, 20_000)
  if (HTML_DOCUMENT.test(sample)) return 'html'
  const opening = count(sample, HTML_BLOCK_TAG)
  const closing = count(sample, HTML_CLOSING_TAG)
  if (opening >= 2 && closing >= 1) return 'html'
  // A heading, a link or emphasis is distinctive alone; list and quote markers only together.
  const strong =
    count(sample, MD_HEADING) + count(sample, MD_LINK) + count(sample, MD_EMPHASIS) + count(sample, MD_FENCE)
  const weak = count(sample, MD_LIST) + count(sample, MD_QUOTE)
  if (strong >= 2 || (strong >= 1 && weak >= 1) || weak >= 4) return 'markdown'
  return 'text'
}
