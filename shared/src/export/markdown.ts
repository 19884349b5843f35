/*
 * Escaping for user text in generated Markdown. Claims, rationales and evidence come from
 * any checker, and reports get rendered: user text must never become a link, an image, raw
 * HTML, a heading or a list, yet should stay readable in the raw file. CommonMark lets any
 * ASCII punctuation be backslash-escaped, so only the characters that could start markup
 * are escaped.
 */

const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g
const LINE_START_MARKER = /^[#>+=-]/
// A backslash before a digit is literal, so an ordered-list marker is broken at its dot.
const ORDERED_LIST_MARKER = /^(\d+)([.)])/

/** User text on one line (newlines and runs of whitespace become one space). */
export function escapeInline(text: string): string {
  return escapeChars(text.replace(/\s+/g, ' ').trim())
}

/** User text kept line by line, each line safe to start a Markdown line. */
export function escapeLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) =>
      escapeChars(line.trim())
        .replace(LINE_START_MARKER, (marker) => `\\${marker}`)
        .replace(ORDERED_LIST_MARKER, '$1\\$2'),
    )
}

/** User text as a blockquote, indented by `indent` (for quotes inside list items). */
export function blockquote(text: string, indent = ''): string {
  return escapeLines(text)
    .map((line) => (line === '' ? `${indent}>` : `${indent}> ${line}`))
    .join('\n')
}

/** A link to an already-vetted URL; characters that would end the autolink are encoded. */
export function autolink(url: string): string {
  return `<${url.replace(/[<> ]/g, (c) => encodeURIComponent(c))}>`
}

/**
 * A link whose text is already escaped (escapeInline) to an already-vetted URL. Characters
 * that could end the destination early are percent-encoded.
 */
export function markdownLink(escapedText: string, url: string): string {
  return `[${escapedText}](${url.replace(/[<>() ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`
}

/**
 * What GFM renderers turn into links without any markup: `scheme://`, `www.` and
 * `name@host`. Escaping the character they key on (a backslash keeps it visible) leaves
 * the text as written but never a link: cmark-gfm, markdown-it and marked all match
 * these in the raw source, where the backslash breaks the pattern.
 */
const BARE_LINK_TRIGGER = /(?<=[A-Za-z]):(?=\/\/)|(?<=\bwww)\.|@/gi

function escapeChars(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(ENTITY, '\\&')
    .replace(BARE_LINK_TRIGGER, (c) => `\\${c}`)
}

/** User text shown verbatim and inert: a code span is never a link, even under GFM autolinking. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  return `${fence} ${flat} ${fence}`
}
