import type { EditorView } from '@tiptap/pm/view'
import { overlapsOf, type Extent } from './claimOverlaps'

/*
 * Claims drawn with the CSS Custom Highlight API: one `Highlight` per look (a verdict's
 * colour, the open claim, the pointed one), holding a DOM Range per claim, styled by
 * `::highlight(name)` in editor.css. The article's DOM is the same with 0 or 2,000 claims:
 * ProseMirror never wraps a claim's words in an element, so typing inside a claim replaces
 * no element, and style/layout/paint do not grow with the number of claims.
 *
 * A live Range follows text typed into its own text node, but not a text node ProseMirror
 * replaced (its boundary falls back to the parent). So the caller repaints the claims of
 * every block an edit touched, and `sweep` repaints any claim whose boundary nodes changed
 * under it (another plugin's decorations can split text nodes anywhere).
 *
 * Only claims near the window are in the highlights (`span`: the blocks from a screen above
 * to a screen below it, measured again on scroll). Chromium rebuilds its highlight markers
 * from every range of every highlight after any change to the DOM, so with all 2,000 claims
 * registered each keystroke spent ~30 ms in PrePaint; with the claims near the window, it
 * costs what a few dozen ranges cost.
 *
 * Where claims drawn overlap, one more highlight (`claim-overlap`) covers the stretches two
 * claims or more share: a verdict's tint is drawn once however many of its claims cover a
 * word. It is worked out from the claims drawn (a screen's worth) when they change; a
 * keystroke that moves no overlap's edges relative to its text leaves that highlight alone.
 */

export interface Painted {
  id: string
  from: number
  to: number
  /** The verdict's look, e.g. `claim-mixed`. */
  look: string
}

export interface Emphasis {
  selectedId: string | null
  pointedId: string | null
}

/** Where a range starts and ends, as given: a live range that moved off them is looked at again. */
interface Bounds {
  start: Node
  startOffset: number
  end: Node
  endOffset: number
}

interface Drawn extends Extent {
  range: Range
  bounds: Bounds
  names: readonly string[]
}

export const OPEN_LOOK = 'claim-open'
export const POINTED_LOOK = 'claim-pointed'
export const OVERLAP_LOOK = 'claim-overlap'

/** Whether this browser draws custom highlights (Chromium 105+, Safari 17.2+, Firefox 140+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}

/** A DOM range over editor positions [from, to), or null when the view cannot map them. */
export function rangeOf(view: EditorView, from: number, to: number): Range | null {
  try {
    const start = view.domAtPos(from, 1)
    const end = view.domAtPos(to, -1)
    const range = document.createRange()
    range.setStart(start.node, start.offset)
    range.setEnd(end.node, end.offset)
    return range
  } catch {
    return null
  }
}

export interface Span {
  from: number
  to: number
}

/** How far beyond the window claims are drawn, in window heights: a fast scroll finds them there. */
const MARGIN_SCREENS = 0.5

export class ClaimPainter {
  private readonly drawn = new Map<string, Drawn>()
  /** The stretches where drawn claims overlap, in text order, each in the overlap highlight. */
  private overlaps: Drawn[] = []
  private hoverId: string | null = null
  /** The editor positions whose claims are drawn; null until measured (then nothing is drawn). */
  span: Span | null = null

  constructor(private readonly view: EditorView) {}

  /**
   * The claims (of those given) within the span drawn, every other one taken out; with
   * `again` false a claim already drawn keeps its range (a scroll moved the span, not the text).
   */
  paintAll(claims: readonly Painted[], emphasis: Emphasis, again = true): void {
    const keep = claims.filter((c) => this.within(c))
    const ids = new Set(keep.map((c) => c.id))
    for (const id of [...this.drawn.keys()]) if (!ids.has(id)) this.erase(id)
    for (const claim of keep) if (again || !this.drawn.has(claim.id)) this.paint(claim, emphasis)
    this.paintOverlaps()
  }

  /** These claims drawn again where they are now; ids without a placement (or outside the span) are taken out. */
  repaint(ids: Iterable<string>, placed: ReadonlyMap<string, Painted>, emphasis: Emphasis): void {
    for (const id of ids) {
      const claim = placed.get(id)
      if (claim === undefined || !this.within(claim)) this.erase(id)
      else this.paint(claim, emphasis)
    }
    this.paintOverlaps()
  }

  /** An edit at `at` changed the document's size by `delta`: the span keeps covering the same blocks. */
  shift(at: number, delta: number): void {
    if (this.span === null || delta === 0) return
    const { from, to } = this.span
    this.span = { from: at < from ? Math.max(0, from + delta) : from, to: at <= to ? Math.max(0, to + delta) : to }
    // Claims and overlaps after the edit move with it (the ones it touched are placed again).
    for (const d of [...this.drawn.values(), ...this.overlaps]) {
      if (d.from >= at) d.from += delta
      if (d.to >= at) d.to += delta
    }
  }

  /**
   * Measures which top-level blocks are within MARGIN_SCREENS of the window (a binary search
   * over their rectangles: call it when layout is clean, after a scroll) and returns whether
   * the span changed.
   */
  measure(): boolean {
    const next = visibleSpan(this.view)
    if (next === null) return false
    if (this.span !== null && this.span.from === next.from && this.span.to === next.to) return false
    this.span = next
    return true
  }

  private within(claim: Painted): boolean {
    return this.span !== null && claim.to >= this.span.from && claim.from <= this.span.to
  }

  /**
   * Claims whose range moved off the bounds it was given: a text node of theirs replaced, or
   * rewritten whole (ProseMirror splitting a text node around someone's caret sets the text
   * of the first part, which collapses every live range in it), or letters typed before them
   * in their text node. Each is placed again; one still right keeps its range (see paint).
   */
  stale(): string[] {
    const ids: string[] = []
    for (const [id, d] of this.drawn) if (!sameBounds(d.range, d.bounds) || !d.bounds.start.isConnected) ids.push(id)
    return ids
  }

  /** Claims whose look depends on the emphasis: the ones whose emphasis changed get it. */
  restyle(ids: Iterable<string>, emphasis: Emphasis): void {
    for (const id of ids) {
      const d = this.drawn.get(id)
      if (d === undefined) continue
      const look = d.names[0]
      if (look === undefined) continue
      this.setNames(d, this.namesOf(id, look, emphasis))
    }
  }

  /** The claim under the pointer gets the pointed look, as a card hovered in the sidebar does. */
  hover(id: string | null, emphasis: Emphasis): void {
    if (id === this.hoverId) return
    const previous = this.hoverId
    this.hoverId = id
    this.restyle(
      [previous, id].filter((x): x is string => x !== null),
      emphasis,
    )
  }

  destroy(): void {
    for (const id of [...this.drawn.keys()]) this.erase(id)
    this.paintOverlaps()
  }

  /**
   * The overlap highlight brought up to date with the claims drawn: a stretch already drawn
   * at the same positions, its range still on the words it was given, is kept as it is; one
   * whose positions moved keeps its range if that range still covers the new positions.
   */
  private paintOverlaps(): void {
    const wanted = overlapsOf(this.drawn.values())
    const previous = this.overlaps
    if (wanted.length === 0 && previous.length === 0) return
    const intact = (d: Drawn) => d.bounds.start.isConnected && sameBounds(d.range, d.bounds)
    const byPlace = new Map(previous.map((d) => [`${d.from}:${d.to}`, d]))
    const unused = new Set(previous)
    const next: Drawn[] = []
    const moved: Extent[] = []
    for (const extent of wanted) {
      const same = byPlace.get(`${extent.from}:${extent.to}`)
      if (same !== undefined && unused.has(same) && intact(same)) {
        unused.delete(same)
        next.push(same)
      } else moved.push(extent)
    }
    for (const extent of moved) {
      const range = rangeOf(this.view, extent.from, extent.to)
      if (range === null) continue
      const bounds = boundsOf(range)
      // Typing inside an overlap: its live range has followed the letters already.
      const kept = [...unused].find((d) => intact(d) && sameBounds(d.range, bounds))
      if (kept !== undefined) {
        unused.delete(kept)
        kept.bounds = bounds
        kept.from = extent.from
        kept.to = extent.to
        next.push(kept)
        continue
      }
      const d: Drawn = { ...extent, range, bounds, names: [] }
      this.setNames(d, [OVERLAP_LOOK])
      next.push(d)
    }
    for (const d of unused) this.setNames(d, [])
    this.overlaps = next.sort((a, b) => a.from - b.from)
  }

  private paint(claim: Painted, emphasis: Emphasis): void {
    const range = rangeOf(this.view, claim.from, claim.to)
    const bounds = range === null ? null : boundsOf(range)
    const previous = this.drawn.get(claim.id)
    const names = this.namesOf(claim.id, claim.look, emphasis)
    // Typing inside a claim: its live range has followed the letters already. Changing a
    // highlight makes Chromium repaint the whole page, so an unchanged one is left alone.
    if (
      previous !== undefined &&
      bounds !== null &&
      sameBounds(previous.range, bounds) &&
      previous.bounds.start.isConnected
    ) {
      previous.bounds = bounds
      previous.from = claim.from
      previous.to = claim.to
      this.setNames(previous, names)
      return
    }
    if (previous !== undefined) this.setNames(previous, [])
    if (range === null || bounds === null) {
      this.drawn.delete(claim.id)
      return
    }
    const d: Drawn = { from: claim.from, to: claim.to, range, bounds, names: [] }
    this.drawn.set(claim.id, d)
    this.setNames(d, names)
  }

  private erase(id: string): void {
    const d = this.drawn.get(id)
    if (d === undefined) return
    this.setNames(d, [])
    this.drawn.delete(id)
  }

  private namesOf(id: string, look: string, { selectedId, pointedId }: Emphasis): string[] {
    const names = [look]
    if (id === selectedId) names.push(OPEN_LOOK)
    if (id === pointedId || id === this.hoverId) names.push(POINTED_LOOK)
    return names
  }

  private setNames(d: Drawn, names: readonly string[]): void {
    if (names.length === d.names.length && names.every((n, i) => n === d.names[i])) return
    for (const name of d.names) if (!names.includes(name)) highlightNamed(name).delete(d.range)
    for (const name of names) if (!d.names.includes(name)) highlightNamed(name).add(d.range)
    d.names = names
  }
}

/**
 * Priorities: where looks overlap, the open claim is drawn over the pointed one, both over
 * the overlaps' wash, and that over verdicts.
 */
const PRIORITY: Record<string, number> = { [OVERLAP_LOOK]: 1, [POINTED_LOOK]: 2, [OPEN_LOOK]: 3 }

/** One Highlight per look for the whole page (several editors add their own ranges to it). */
function highlightNamed(name: string): Highlight {
  const existing = CSS.highlights.get(name)
  if (existing !== undefined) return existing
  const created = new Highlight()
  created.priority = PRIORITY[name] ?? 0
  CSS.highlights.set(name, created)
  return created
}

function visibleSpan(view: EditorView): Span | null {
  const blocks = view.dom.children
  const count = blocks.length
  if (count === 0 || view.isDestroyed) return null
  const margin = window.innerHeight * MARGIN_SCREENS
  const top = -margin
  const bottom = window.innerHeight + margin
  const rect = (i: number) => (blocks[i] as Element).getBoundingClientRect()
  // The first block ending below `top`, and the last starting above `bottom`.
  let lo = 0
  let hi = count - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (rect(mid).bottom >= top) hi = mid
    else lo = mid + 1
  }
  const first = lo
  lo = first
  hi = count - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (rect(mid).top <= bottom) lo = mid
    else hi = mid - 1
  }
  const last = blocks[lo] as Element
  try {
    const from = view.posAtDOM(blocks[first] as Element, 0)
    const to = view.posAtDOM(last, last.childNodes.length)
    return { from: Math.max(0, from - 1), to: Math.min(view.state.doc.content.size, to + 1) }
  } catch {
    return { from: 0, to: view.state.doc.content.size }
  }
}

function boundsOf(range: Range): Bounds {
  return {
    start: range.startContainer,
    startOffset: range.startOffset,
    end: range.endContainer,
    endOffset: range.endOffset,
  }
}

function sameBounds(range: Range, b: Bounds): boolean {
  return (
    range.startContainer === b.start &&
    range.startOffset === b.startOffset &&
    range.endContainer === b.end &&
    range.endOffset === b.endOffset
  )
}
