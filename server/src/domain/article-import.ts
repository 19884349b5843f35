import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { type Block, blocksFromText } from '../articles/body.js';
import { OpenMarks } from '../articles/open-marks.js';
import { hasMarks, plainText, TextRunBuilder } from '../articles/text-runs.js';

/**
 * Article bodies arrive as plain text, Markdown or HTML and become the blocks of
 * the document's `body` (articles/body.ts). HTML is untrusted: it is sanitized
 * first, and only then read for structure.
 *
 * What is kept:
 * - h1, h2, h3 as headings of that level; h4-h6 as level-3 headings;
 * - every other block (p, li, blockquote, pre, div, table cells, figcaption, dt/dd ...)
 *   as a paragraph of its text, and <br> as a paragraph break;
 * - the inline marks the editor has (Tiptap StarterKit): bold (strong, b), italic
 *   (em, i), strike (s, del, strike), underline (u), code, and links whose href is
 *   http, https or mailto; other inline elements (and a link with any other href)
 *   become plain text. Images, media and forms are dropped.
 * What never survives, even in the sanitized HTML: script, style, iframe, object,
 * embed, svg, math, template and their contents, every attribute except `href`
 * on links, and any href whose scheme is not http, https or mailto.
 */
export interface ArticleBody {
  text?: string | null | undefined;
  markdown?: string | null | undefined;
  html?: string | null | undefined;
}

/** At most one format is given (validated at the edge); none makes an empty article. */
export function blocksFromBody(body: ArticleBody): { blocks: Block[]; format: 'text' | 'markdown' | 'html' | 'empty' } {
  if (typeof body.text === 'string') return { blocks: blocksFromText(body.text), format: 'text' };
  if (typeof body.markdown === 'string') return { blocks: blocksFromMarkdown(body.markdown), format: 'markdown' };
  if (typeof body.html === 'string') return { blocks: blocksFromHtml(body.html), format: 'html' };
  return { blocks: [], format: 'empty' };
}

export function blocksFromMarkdown(markdown: string): Block[] {
  // Raw HTML inside Markdown passes through marked untouched, so the HTML path sanitizes it.
  return blocksFromHtml(marked.parse(markdown, { async: false, gfm: true }));
}

const BLOCK_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote', 'pre', 'div', 'section', 'article', 'header',
  'footer', 'main', 'aside', 'figure', 'figcaption', 'td', 'th', 'tr', 'table', 'ul', 'ol', 'dl', 'dt', 'dd', 'hr',
];
const INLINE_TAGS = ['a', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'strike', 'ins', 'mark', 'sub', 'sup', 'small', 'span', 'code', 'q', 'cite', 'abbr', 'time'];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCK_TAGS, ...INLINE_TAGS, 'br'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Their text is code or markup, never article prose: dropped with the tag.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'title', 'head', 'select', 'canvas', 'video', 'audio', 'noembed', 'noframes', 'xmp', 'plaintext'],
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
};

/** The HTML we keep: the allowlist above, nothing executable. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
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
    .replace(/&amp;/g, '&');
}

function safeCodePoint(cp: number): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
}

/**
 * Reads the sanitizer's own output, which is canonical (every `<` in text and every
 * `"` in an attribute is escaped, only allowlisted tags and `href` remain), so a
 * tag/text tokenizer is exact here.
 */
export function blocksFromHtml(html: string): Block[] {
  const clean = sanitizeArticleHtml(html);
  const blocks: Block[] = [];
  const headings: number[] = []; // levels of the open heading tags
  const marks = new OpenMarks();
  let runs = new TextRunBuilder();

  const flush = (): void => {
    const built = runs.finish();
    runs = new TextRunBuilder();
    if (built.length === 0) return;
    const text = plainText(built);
    const content = hasMarks(built) ? { text, runs: built } : { text };
    const level = headings[headings.length - 1];
    blocks.push(level === undefined ? { type: 'paragraph', ...content } : { type: 'heading', level: Math.min(level, 3) as 1 | 2 | 3, ...content });
  };

  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  for (let m = token.exec(clean); m !== null; m = token.exec(clean)) {
    const [, closing, rawTag, attributes, chunk] = m;
    if (chunk !== undefined) {
      runs.append(decodeEntities(chunk), marks.current());
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'br') {
      flush();
      continue;
    }
    if (!BLOCK_TAGS.includes(tag)) {
      // Inline: its text flows into the current block, with its mark if it has one.
      if (closing) marks.pop(tag);
      else marks.push(tag, hrefOf(attributes ?? ''));
      continue;
    }
    flush();
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      if (closing) headings.pop();
      else headings.push(Number(heading[1]));
    }
  }
  flush();
  return blocks;
}

function hrefOf(attributes: string): string | undefined {
  const href = /\shref="([^"]*)"/.exec(attributes)?.[1];
  return href === undefined ? undefined : decodeEntities(href);
}
