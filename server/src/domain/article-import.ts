import { marked } from 'marked'
import sanitizeHtml from 'sanitize-html'
import { BlockTreeBuilder, type ContainerType, MAX_CONTAINER_DEPTH } from '../articles/block-tree.js'
import {
  type Block,
  blocksFromText,
  type HeadingLevel,
  type OrderedListAttrs,
  type OrderedListNumbering,
} from '../articles/body.js'
import { CodeText } from '../articles/code-text.js'
import { OpenMarks } from '../articles/open-marks.js'
import { hasMarks, plainText, TextRunBuilder } from '../articles/text-runs.js'

/**
 * Article bodies arrive as plain text, Markdown or HTML and become the blocks of
 * the document's `body` (articles/body.ts). HTML is untrusted: it is sanitized
 * first, and only then read for structure. Markdown is rendered to HTML and read the
 * same way; plain text is paragraphs and crossheads (blocksFromText).
 *
 * What is kept, as the editor's nodes (Tiptap StarterKit):
 * - h1-h6 as headings of that level;
 * - ul and ol as bullet and ordered lists of list items, nested lists included, with an
 *   ol's numeric `start` and its numbering `type` (1, a, A, i, I); blockquote as a quote
 *   holding its blocks (articles/block-tree.ts keeps the tree valid for the editor
 *   whatever the HTML's nesting);
 * - pre (with or without code inside) as a code block of its text verbatim, newlines
 *   kept, no marks, and the language of a `<pre><code class="language-js">` (Markdown's
 *   fenced code), read as the editor reads it;
 * - hr as a horizontal rule, in a list item or quote too (the editor takes a rule
 *   wherever it takes a block); inside a paragraph it splits it in two around the rule,
 *   as a browser does, and inside a code block it adds nothing;
 * - every other block (p, div, table cells, figcaption, dt/dd ...) as a paragraph of its
 *   text, and <br> as a paragraph break (a line break in a code block);
 * - the inline marks the editor has: bold (strong, b), italic (em, i), strike (s, del,
 *   strike), underline (u), code, and links whose href is http, https or mailto; other
 *   inline elements (and a link with any other href) become plain text. Images, media
 *   and forms are dropped.
 * What never survives, even in the sanitized HTML: script, style, iframe, object,
 * embed, svg, math, template and their contents, every attribute except `href` on
 * links, a whole-number `start` and a numbering `type` on ol and one `language-` class
 * of letters, digits and `+#._-` on code, and any href whose scheme is not http, https
 * or mailto.
 */
export interface ArticleBody {
  text?: string | null | undefined
  markdown?: string | null | undefined
  html?: string | null | undefined
}

export type BodyFormat = 'text' | 'markdown' | 'html' | 'empty'

/** At most one format is given (validated at the edge); none makes an empty article. */
export function blocksFromBody(body: ArticleBody): { blocks: Block[]; format: BodyFormat } {
  if (typeof body.text === 'string') return { blocks: blocksFromText(body.text), format: 'text' }
  if (typeof body.markdown === 'string') return { blocks: blocksFromMarkdown(body.markdown), format: 'markdown' }
  if (typeof body.html === 'string') return { blocks: blocksFromHtml(body.html), format: 'html' }
  return { blocks: [], format: 'empty' }
}

export function blocksFromMarkdown(markdown: string): Block[] {
  // Raw HTML inside Markdown passes through marked untouched, so the HTML path sanitizes it.
  return blocksFromHtml(marked.parse(flattenDeepMarkers(markdown), { async: false, gfm: true }))
}

/** One quote or list marker opening a line (`>`, `-`, `*`, `+`, `1.`, `1)`), with the blanks before it. */
const MARKER = String.raw`[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))`
/** Twice the reader's depth: whatever marked makes of the markers kept, the reader still flattens it the same. */
const MAX_MARKERS = 2 * MAX_CONTAINER_DEPTH
const DEEP_MARKERS = new RegExp(`^((?:${MARKER}){${MAX_MARKERS}})(?:${MARKER})+`, 'gm')

/**
 * Drops the quote and list markers past MAX_MARKERS at the start of each line. marked recurses
 * once per level (5,000 `>` or 2,000 `- ` in a row overflow its stack), and the reader flattens
 * containers deeper than MAX_CONTAINER_DEPTH into the deepest one kept anyway, text included.
 */
function flattenDeepMarkers(markdown: string): string {
  return markdown.replace(DEEP_MARKERS, '$1')
}

const BLOCK_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'li',
  'blockquote',
  'pre',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'figure',
  'figcaption',
  'td',
  'th',
  'tr',
  'table',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'hr',
]
const INLINE_TAGS = [
  'a',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'strike',
  'ins',
  'mark',
  'sub',
  'sup',
  'small',
  'span',
  'code',
  'q',
  'cite',
  'abbr',
  'time',
]

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCK_TAGS, ...INLINE_TAGS, 'br'],
  // An ordered list's first number and numbering style, a code block's language: the
  // transforms leave them only in forms the editor takes, and nothing else on those tags.
  allowedAttributes: { a: ['href'], ol: ['start', 'type'], code: ['class'] },
  transformTags: { ol: listAttributes, code: codeLanguage },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Their text is code or markup, never article prose: dropped with the tag.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'template',
    'svg',
    'math',
    'title',
    'head',
    'select',
    'canvas',
    'video',
    'audio',
    'noembed',
    'noframes',
    'xmp',
    'plaintext',
  ],
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
}

const NUMBERINGS: readonly string[] = ['1', 'a', 'A', 'i', 'I'] satisfies OrderedListNumbering[]

/** An `<ol>` keeps `start` only when it is a whole number (written canonically), `type` only as HTML's numbering styles. */
function listAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const start = /^\s*(\d{1,9})\s*$/.exec(attribs.start ?? '')?.[1]
  const kept: sanitizeHtml.Attributes = {}
  if (start !== undefined) kept.start = String(Number(start))
  // Case matters (`a` and `A` differ) and the editor keeps the value as written.
  if (NUMBERINGS.includes(attribs.type ?? '')) kept.type = attribs.type!
  return { tagName, attribs: kept }
}

const LANGUAGE_PREFIX = 'language-'

/**
 * A `<code>` keeps only the class the editor reads its language from (the first one starting
 * `language-`, as Tiptap's CodeBlock does), and only when that language is a short token:
 * the editor writes it back into a class when it renders or copies the block, and a
 * highlighter may look it up, so no quotes, markup, spaces or long strings.
 */
function codeLanguage(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const classes = (attribs.class ?? '').split(/[\t\n\f\r ]+/)
  const language = classes.find((name) => name.startsWith(LANGUAGE_PREFIX))?.slice(LANGUAGE_PREFIX.length)
  const safe = language !== undefined && /^[\w+#.-]{1,32}$/.test(language)
  return { tagName, attribs: safe ? { class: LANGUAGE_PREFIX + language } : {} }
}

/** The HTML we keep: the allowlist above, nothing executable. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS)
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => safeCodePoint(parseInt(dec, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
}

function safeCodePoint(cp: number): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd'
}

const CONTAINER_TAGS: ReadonlyMap<string, ContainerType> = new Map([
  ['ul', 'bulletList'],
  ['ol', 'orderedList'],
  ['li', 'listItem'],
  ['blockquote', 'blockquote'],
])

/**
 * Reads the sanitizer's own output, which is canonical (every `<` in text and every
 * `"` in an attribute is escaped, only allowlisted tags and attributes remain), so a
 * tag/text tokenizer is exact here. The tree's shape is BlockTreeBuilder's job; this
 * reader says where blocks and containers begin and end.
 */
export function blocksFromHtml(html: string): Block[] {
  const clean = sanitizeArticleHtml(html)
  const tree = new BlockTreeBuilder()
  const headings: HeadingLevel[] = [] // levels of the open heading tags
  const marks = new OpenMarks()
  let runs = new TextRunBuilder()
  let code: CodeText | undefined // inside a <pre>

  const flush = (): void => {
    const built = runs.finish()
    runs = new TextRunBuilder()
    if (built.length === 0) return
    const text = plainText(built)
    const content = hasMarks(built) ? { text, runs: built } : { text }
    const level = headings[headings.length - 1]
    tree.add(level === undefined ? { type: 'paragraph', ...content } : { type: 'heading', level, ...content })
  }

  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g
  for (let m = token.exec(clean); m !== null; m = token.exec(clean)) {
    const [, closing, rawTag, attributes, chunk] = m
    const tag = rawTag?.toLowerCase()
    if (code !== undefined) {
      // A code block is its text, line breaks and language; tags inside it (b, p ...) add nothing.
      if (chunk !== undefined) code.append(decodeEntities(chunk))
      else if (!closing) code.open(tag!, attributes ?? '')
      else if (tag === 'pre' && code.closePre()) {
        const block = code.finish()
        if (block !== undefined) tree.add(block)
        code = undefined
      }
      continue
    }
    if (chunk !== undefined) {
      runs.append(decodeEntities(chunk), marks.current())
      continue
    }
    if (tag === 'br') {
      flush()
      continue
    }
    if (!BLOCK_TAGS.includes(tag!)) {
      // Inline: its text flows into the current block, with its mark if it has one.
      if (closing) marks.pop(tag!)
      else marks.push(tag!, hrefOf(attributes ?? ''))
      continue
    }
    flush()
    const heading = /^h([1-6])$/.exec(tag!)
    const container = CONTAINER_TAGS.get(tag!)
    if (heading) {
      if (closing) headings.pop()
      else headings.push(Number(heading[1]) as HeadingLevel)
    } else if (container !== undefined) {
      if (closing) tree.close(container)
      else tree.open(container, orderedListOf(attributes ?? ''))
    } else if (tag === 'pre' && !closing) {
      code = new CodeText()
    } else if (tag === 'hr' && !closing) {
      tree.add({ type: 'horizontalRule' })
    }
  }
  flush()
  return tree.finish()
}

/**
 * The sanitizer has left `start` only as a canonical decimal number and `type` only as a
 * numbering style (listAttributes above).
 */
function orderedListOf(attributes: string): OrderedListAttrs {
  const start = /\sstart="(\d+)"/.exec(attributes)?.[1]
  const numbering = /\stype="([1aAiI])"/.exec(attributes)?.[1] as OrderedListNumbering | undefined
  const attrs: OrderedListAttrs = { start: start === undefined ? 1 : Number(start) }
  if (numbering !== undefined) attrs.numbering = numbering
  return attrs
}

function hrefOf(attributes: string): string | undefined {
  const href = /\shref="([^"]*)"/.exec(attributes)?.[1]
  return href === undefined ? undefined : decodeEntities(href)
}
