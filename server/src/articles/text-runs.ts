import { sameBodyMarks, type BodyMarks } from '@fc/shared'

/** A stretch of a block's text with one set of marks (none: plain). */
export interface TextRun {
  text: string
  marks?: BodyMarks
}

/**
 * Collects a block's text as it is read, run by run, and normalizes whitespace the way
 * the plain-text import always has: every run of whitespace is one space, none at either
 * end. Collapsing across run boundaries keeps `<b>a </b> b` to one space, so the block's
 * plain text (and every offset into it) is the same with or without the marks.
 */
export class TextRunBuilder {
  private readonly runs: TextRun[] = []

  append(text: string, marks: BodyMarks | undefined): void {
    const flat = text.replace(/\s+/g, ' ')
    if (flat !== '') this.runs.push(marks === undefined ? { text: flat } : { text: flat, marks })
  }

  /** The normalized runs, adjacent runs with equal marks merged; empty when the block has no text. */
  finish(): TextRun[] {
    const out: TextRun[] = []
    let endsWithSpace = true // at the block start, a leading space is dropped
    for (const run of this.runs) {
      const text: string = endsWithSpace && run.text.startsWith(' ') ? run.text.slice(1) : run.text
      if (text === '') continue
      push(out, { ...run, text })
      endsWithSpace = text.endsWith(' ')
    }
    // A trailing space may sit in a run of its own.
    for (let last = out.at(-1); last?.text.endsWith(' '); last = out.at(-1)) {
      last.text = last.text.slice(0, -1)
      if (last.text !== '') break
      out.pop()
    }
    return out
  }
}

function push(out: TextRun[], run: TextRun): void {
  const last = out.at(-1)
  if (last !== undefined && sameBodyMarks(last.marks, run.marks)) last.text += run.text
  else out.push(run)
}

export function plainText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join('')
}

export function hasMarks(runs: readonly TextRun[]): boolean {
  return runs.some((run) => run.marks !== undefined && Object.keys(run.marks).length > 0)
}
