import { isSafeHttpUrl } from '../export/safe-url.js'

/*
 * Inline formatting in the body, in the layout y-prosemirror (Tiptap's y-tiptap) gives
 * marks: formatting attributes on a Y.XmlText, keyed by the mark's name, each valued with
 * the mark's full attrs. Only marks of the web editor's schema (Tiptap StarterKit) may be
 * written: y-prosemirror deletes a whole text node whose formatting names a mark its
 * schema lacks. Writing the attrs exactly as the editor would (defaults included) keeps
 * the editor from rewriting imported text the first time someone edits near it.
 */

/** The marks imported text may carry; absent means not applied. */
export interface BodyMarks {
  bold?: true
  italic?: true
  strike?: true
  underline?: true
  code?: true
  link?: { href: string }
}

export const FLAG_MARKS = ['bold', 'italic', 'strike', 'underline', 'code'] as const
export type FlagMark = (typeof FLAG_MARKS)[number]

/** Tiptap's Link defaults (StarterKit 3, `HTMLAttributes`): what the editor stores with every link. */
export const LINK_MARK_DEFAULTS = {
  target: '_blank',
  rel: 'noopener noreferrer nofollow',
  class: null,
  title: null,
} as const

/** Link targets a body may carry: absolute http(s) without credentials, or mailto. */
export function isSafeLinkHref(href: unknown): href is string {
  if (isSafeHttpUrl(href)) return true
  return typeof href === 'string' && href.length <= 2048 && /^mailto:[^\s\u0000-\u001f\u007f]+$/i.test(href)
}

/** The Y.XmlText formatting attributes for a run with these marks (`{}` for plain text). */
export function bodyMarkAttributes(marks: BodyMarks | undefined): Record<string, Record<string, string | null>> {
  const attributes: Record<string, Record<string, string | null>> = {}
  if (marks === undefined) return attributes
  // Tiptap's code mark excludes every other mark; the editor would drop them anyway.
  if (marks.code) return { code: {} }
  for (const name of FLAG_MARKS) if (marks[name]) attributes[name] = {}
  if (marks.link !== undefined && isSafeLinkHref(marks.link.href)) {
    attributes.link = { href: marks.link.href, ...LINK_MARK_DEFAULTS }
  }
  return attributes
}

/** Whether two runs carry the same marks, so they can be one run. */
export function sameBodyMarks(a: BodyMarks | undefined, b: BodyMarks | undefined): boolean {
  if (FLAG_MARKS.some((name) => Boolean(a?.[name]) !== Boolean(b?.[name]))) return false
  return a?.link?.href === b?.link?.href
}
