import * as Y from 'yjs'
import { BODY_KEY, bodyFragment } from './doc-keys.js'
import type { TextRange } from '../text/quote.js'

/**
 * The article's plain text, and the mapping between plain-text offsets and Yjs positions.
 *
 * Plain-text convention (public: suggestion offsets, Web Annotation selectors and bot
 * offsets all use it):
 * - Every textblock (paragraph, heading, code block, or any element that directly holds text
 *   or is empty) is one block. Containers (lists, list items, blockquotes, tables) add
 *   nothing of their own; only the textblocks inside them count.
 * - Blocks are joined by "\n\n": no separator before the first or after the last block, and
 *   an empty paragraph is an empty block (so it still adds a separator).
 * - A hard break is "\n". An embed inside a text node is U+FFFC (it occupies one Yjs index).
 *   Other inline atoms (mentions, inline images) contribute nothing. Marks are ignored.
 * - Offsets are UTF-16 code units (JavaScript string indices); ranges are half-open [from, to).
 *
 * A BodyText is a snapshot: build a new one after the document changes.
 */
export const BLOCK_SEPARATOR = '\n\n'
export const HARD_BREAK_TEXT = '\n'
export const EMBED_TEXT = '\uFFFC'

const TEXTBLOCK_NAMES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'codeBlock', 'code_block'])
const HARD_BREAK_NAMES: ReadonlySet<string> = new Set(['hardBreak', 'hard_break'])

/** A stretch of plain text backed by one addressable Yjs location. */
type Leaf =
  | { kind: 'text'; node: Y.XmlText; start: number; end: number }
  | { kind: 'break'; parent: Y.XmlFragment; index: number; start: number; end: number }

interface Span {
  start: number
  end: number
}

type XmlChild = Y.XmlElement | Y.XmlText | Y.XmlHook

export type RangeSide = 'start' | 'end'

export class BodyText {
  private constructor(
    private readonly doc: Y.Doc,
    readonly text: string,
    private readonly leaves: readonly Leaf[],
    // Every live text, element and the body itself, with the plain-text range it covers.
    private readonly spans: ReadonlyMap<Y.AbstractType<unknown>, Span>,
  ) {}

  static of(doc: Y.Doc): BodyText {
    const walk = new BodyWalk()
    walk.blockContainer(bodyFragment(doc))
    return new BodyText(doc, walk.text, walk.leaves, walk.spans)
  }

  /** Plain-text offset of a relative position, or null if it no longer points into the body. */
  offsetOf(pos: Y.RelativePosition): number | null {
    // A foreign root name would make Yjs create that root as a side effect; refuse it.
    if (pos.tname !== null && pos.tname !== BODY_KEY) return null
    let abs: Y.AbsolutePosition | null
    try {
      abs = Y.createAbsolutePositionFromRelativePosition(pos, this.doc)
    } catch {
      return null
    }
    return abs === null ? null : this.offsetOfAbsolute(abs)
  }

  /**
   * Accepts both shapes of position: an index into a Y.XmlText (ours, and y-prosemirror's
   * usual case) and a child index into an element or the fragment (y-prosemirror's
   * positions at block boundaries and at the very start of the document).
   */
  offsetOfAbsolute(abs: Y.AbsolutePosition): number | null {
    const span = this.spans.get(abs.type)
    if (span === undefined) return null // deleted, or not part of the body
    if (abs.type instanceof Y.XmlText) {
      return Math.min(span.start + Math.max(0, abs.index), span.end)
    }
    if (abs.type instanceof Y.XmlFragment) {
      const children = abs.type.toArray()
      for (let i = Math.max(0, abs.index); i < children.length; i++) {
        const childSpan = this.spans.get(children[i] as Y.AbstractType<unknown>)
        if (childSpan !== undefined) return childSpan.start
      }
      return span.end
    }
    return null
  }

  /** The range between two positions, or null when either is gone or the range is empty. */
  resolveRange(start: Y.RelativePosition | null, end: Y.RelativePosition | null): TextRange | null {
    if (start === null || end === null) return null
    const from = this.offsetOf(start)
    const to = this.offsetOf(end)
    if (from === null || to === null || from >= to) return null
    return { from, to }
  }

  /**
   * A relative position for a plain-text offset. A range start binds to the character after
   * it and a range end to the character before it, so text typed right outside a claim does
   * not join the claim, while text typed inside does. An offset inside a block separator
   * snaps to the nearest text: forwards for a start, backwards for an end.
   */
  relativePositionAt(offset: number, side: RangeSide): Y.RelativePosition {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) {
      throw new RangeError(`offset ${offset} is outside the body text (0..${this.text.length})`)
    }
    const filled = this.leaves.filter((leaf) => leaf.end > leaf.start)
    if (side === 'start') {
      const leaf = filled.find((l) => l.end > offset)
      if (leaf !== undefined) return positionInLeaf(leaf, Math.max(offset, leaf.start), 0)
      const last = filled[filled.length - 1]
      return last !== undefined ? positionInLeaf(last, last.end, 0) : this.bodyEdge(0)
    }
    const leaf = findLast(filled, (l) => l.start < offset)
    if (leaf !== undefined) return positionInLeaf(leaf, Math.min(offset, leaf.end), -1)
    const first = filled[0]
    return first !== undefined ? positionInLeaf(first, first.start, -1) : this.bodyEdge(-1)
  }

  private bodyEdge(assoc: number): Y.RelativePosition {
    return Y.createRelativePositionFromTypeIndex(bodyFragment(this.doc), 0, assoc)
  }
}

function positionInLeaf(leaf: Leaf, offset: number, assoc: number): Y.RelativePosition {
  if (leaf.kind === 'text') {
    return Y.createRelativePositionFromTypeIndex(leaf.node, offset - leaf.start, assoc)
  }
  const index = offset > leaf.start ? leaf.index + 1 : leaf.index
  return Y.createRelativePositionFromTypeIndex(leaf.parent, index, assoc)
}

function findLast<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as T
    if (predicate(item)) return item
  }
  return undefined
}

/** One depth-first pass over the body that builds the text, leaves and spans together. */
class BodyWalk {
  text = ''
  readonly leaves: Leaf[] = []
  readonly spans = new Map<Y.AbstractType<unknown>, Span>()
  private blocks = 0

  blockContainer(container: Y.XmlFragment): void {
    const entry = this.text.length
    let start: number | undefined
    for (const child of container.toArray() as XmlChild[]) {
      this.block(child)
      start ??= this.spans.get(child as Y.AbstractType<unknown>)?.start
    }
    this.spans.set(container as Y.AbstractType<unknown>, { start: start ?? entry, end: this.text.length })
  }

  private block(node: XmlChild): void {
    if (node instanceof Y.XmlText) {
      this.beginBlock()
      this.inlineText(node)
    } else if (node instanceof Y.XmlElement) {
      if (isTextblock(node)) {
        this.beginBlock()
        this.inlineChildren(node)
      } else {
        this.blockContainer(node)
      }
    }
    // Y.XmlHook carries no text.
  }

  private beginBlock(): void {
    if (this.blocks++ > 0) this.text += BLOCK_SEPARATOR
  }

  private inlineChildren(element: Y.XmlElement): void {
    const start = this.text.length
    ;(element.toArray() as XmlChild[]).forEach((child, index) => {
      if (child instanceof Y.XmlText) {
        this.inlineText(child)
      } else if (child instanceof Y.XmlElement && HARD_BREAK_NAMES.has(child.nodeName)) {
        const at = this.text.length
        this.text += HARD_BREAK_TEXT
        this.leaves.push({ kind: 'break', parent: element, index, start: at, end: this.text.length })
        this.spans.set(child as Y.AbstractType<unknown>, { start: at, end: this.text.length })
      } else if (child instanceof Y.XmlElement) {
        this.inlineChildren(child)
      }
    })
    this.spans.set(element as Y.AbstractType<unknown>, { start, end: this.text.length })
  }

  private inlineText(node: Y.XmlText): void {
    const start = this.text.length
    for (const op of node.toDelta() as Array<{ insert: unknown }>) {
      this.text += typeof op.insert === 'string' ? op.insert : EMBED_TEXT
    }
    this.leaves.push({ kind: 'text', node, start, end: this.text.length })
    this.spans.set(node as Y.AbstractType<unknown>, { start, end: this.text.length })
  }
}

function isTextblock(element: Y.XmlElement): boolean {
  if (TEXTBLOCK_NAMES.has(element.nodeName) || element.length === 0) return true
  return element
    .toArray()
    .some((c) => c instanceof Y.XmlText || (c instanceof Y.XmlElement && HARD_BREAK_NAMES.has(c.nodeName)))
}

/** The article's plain text under the convention above. */
export function getBodyText(doc: Y.Doc): string {
  return BodyText.of(doc).text
}

/** Relative positions for a plain-text range, as a bot would store them on a claim. */
export function plainTextRangeToRelative(
  doc: Y.Doc,
  from: number,
  to: number,
): { start: Y.RelativePosition; end: Y.RelativePosition } {
  const body = BodyText.of(doc)
  return { start: body.relativePositionAt(from, 'start'), end: body.relativePositionAt(to, 'end') }
}
