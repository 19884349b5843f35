import { isSafeLinkHref, type BodyMarks, type FlagMark } from '@fc/shared';

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
};

interface OpenElement {
  tag: string;
  marks: BodyMarks;
}

/**
 * The inline elements open at the reader's position, and the marks they add up to. Fed
 * the sanitizer's output, whose tags are balanced; a stray close tag is ignored.
 */
export class OpenMarks {
  private readonly open: OpenElement[] = [];

  /** `href` is the decoded attribute of an `<a>`; a link only when its scheme is safe. */
  push(tag: string, href?: string): void {
    const flag = FLAG_TAGS[tag];
    const marks: BodyMarks = flag !== undefined ? { [flag]: true } : tag === 'a' && isSafeLinkHref(href) ? { link: { href } } : {};
    this.open.push({ tag, marks });
  }

  pop(tag: string): void {
    const index = this.open.map((element) => element.tag).lastIndexOf(tag);
    if (index !== -1) this.open.splice(index, 1);
  }

  /** What the text read now carries; the innermost link wins, as in a browser. */
  current(): BodyMarks | undefined {
    const marks: BodyMarks = {};
    for (const element of this.open) Object.assign(marks, element.marks);
    // Tiptap's code mark excludes every other mark.
    if (marks.code) return { code: true };
    return Object.keys(marks).length === 0 ? undefined : marks;
  }
}
