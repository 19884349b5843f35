import type { EditorView } from '@tiptap/pm/view'

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

interface Drawn {
  range: Range
  start: Node
  end: Node
  names: readonly string[]
}

export const OPEN_LOOK = 'claim-open'
export const POINTED_LOOK = 'claim-pointed'

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

export class ClaimPainter {
  private readonly drawn = new Map<string, Drawn>()
  private hoverId: string | null = null

  constructor(private readonly view: EditorView) {}

  /** Everything drawn again: the given claims only, the rest taken out. */
  paintAll(claims: readonly Painted[], emphasis: Emphasis): void {
    const keep = new Set(claims.map((c) => c.id))
    for (const id of [...this.drawn.keys()]) if (!keep.has(id)) this.erase(id)
    for (const claim of claims) this.paint(claim, emphasis)
  }

  /** These claims drawn again where they are now; ids without a placement are taken out. */
  repaint(ids: Iterable<string>, placed: ReadonlyMap<string, Painted>, emphasis: Emphasis): void {
    for (const id of ids) {
      const claim = placed.get(id)
      if (claim === undefined) this.erase(id)
      else this.paint(claim, emphasis)
    }
  }

  /** Claims whose range lost one of its text nodes (ProseMirror redrew them). */
  stale(): string[] {
    const ids: string[] = []
    for (const [id, d] of this.drawn)
      if (d.range.startContainer !== d.start || d.range.endContainer !== d.end || !d.start.isConnected) ids.push(id)
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
  }

  private paint(claim: Painted, emphasis: Emphasis): void {
    const range = rangeOf(this.view, claim.from, claim.to)
    const previous = this.drawn.get(claim.id)
    if (previous !== undefined) this.setNames(previous, [])
    if (range === null) {
      this.drawn.delete(claim.id)
      return
    }
    const d: Drawn = { range, start: range.startContainer, end: range.endContainer, names: [] }
    this.drawn.set(claim.id, d)
    this.setNames(d, this.namesOf(claim.id, claim.look, emphasis))
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
    for (const name of d.names) if (!names.includes(name)) highlightNamed(name).delete(d.range)
    for (const name of names) if (!d.names.includes(name)) highlightNamed(name).add(d.range)
    d.names = names
  }
}

/** Priorities: where looks overlap, the open claim is drawn over the pointed one, both over verdicts. */
const PRIORITY: Record<string, number> = { [POINTED_LOOK]: 1, [OPEN_LOOK]: 2 }

/** One Highlight per look for the whole page (several editors add their own ranges to it). */
function highlightNamed(name: string): Highlight {
  const existing = CSS.highlights.get(name)
  if (existing !== undefined) return existing
  const created = new Highlight()
  created.priority = PRIORITY[name] ?? 0
  CSS.highlights.set(name, created)
  return created
}
