import { isSafeLinkHref, type BodyMarks, type FlagMark } from '@fc/shared'

/** Inline HTML elements that mean a mark of the editor (as Tiptap's own parse rules read them). */
const FLAG_TAGS: Readonly<Record<string, FlagMark>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  s: 'strike',
  del: 'strike',
  strike: 'strike',
  u: 'underline',
  code: 'code',
}

interface OpenElement {
  tag: string
  /** The marks this element adds itself. */
  own: BodyMarks
  /** What text inside it carries, the elements around it included (see current()). */
  inside: BodyMarks | undefined
}

/**
 * The inline elements open at the reader's position, and the marks they add up to. Fed
 * the sanitizer's output, whose tags are balanced; a stray close tag is ignored.
 * Each element keeps the marks in effect inside it, so a push, the matching pop and a
 * read cost the same at any depth: 80,000 nested `<b>` used to take a minute.
 */
export class OpenMarks {
  private readonly open: OpenElement[] = []
  /** Open elements per tag: a close tag nothing matches is ignored without a search. */
  private readonly counts = new Map<string, number>()

  /** `href` is the decoded attribute of an `<a>`; a link only when its scheme is safe. */
  push(tag: string, href?: string): void {
    const flag = FLAG_TAGS[tag]
    const own: BodyMarks =
      flag !== undefined ? { [flag]: true } : tag === 'a' && isSafeLinkHref(href) ? { link: { href } } : {}
    this.open.push({ tag, own, inside: inside(this.open.at(-1), own) })
    this.counts.set(tag, (this.counts.get(tag) ?? 0) + 1)
  }

  pop(tag: string): void {
    const count = this.counts.get(tag) ?? 0
    if (count === 0) return
    this.counts.set(tag, count - 1)
    let index = this.open.length - 1
    while (this.open[index]!.tag !== tag) index--
    this.open.splice(index, 1)
    // Misnested inline tags only: the elements that were inside it lose its marks.
    for (let at = index; at < this.open.length; at++)
      this.open[at]!.inside = inside(this.open[at - 1], this.open[at]!.own)
  }

  /** What the text read now carries; the innermost link wins, as in a browser. */
  current(): BodyMarks | undefined {
    return this.open.at(-1)?.inside
  }
}

/** The marks inside an element: the enclosing element's with its own over them; undefined when none. */
function inside(outer: OpenElement | undefined, own: BodyMarks): BodyMarks | undefined {
  const marks: BodyMarks = { ...outer?.inside, ...own }
  // Tiptap's code mark excludes every other mark.
  if (marks.code) return { code: true }
  return Object.keys(marks).length === 0 ? undefined : marks
}
