/*
 * Where claims overlap in the text. With custom highlights a verdict's tint is drawn once
 * however many of its claims cover a word (one Highlight per look), so two overlapping
 * claims of one verdict would read as one claim; the stretches covered by two claims or
 * more get a look of their own (claimPainter.ts), as nested spans' tints add up elsewhere.
 */

export interface Extent {
  from: number
  to: number
}

/**
 * The stretches covered by at least two of the extents, in order, merged where they touch.
 * Extents that only touch (one ends where the next starts) do not overlap. O(n log n).
 */
export function overlapsOf(extents: Iterable<Extent>): Extent[] {
  const edges: Array<[at: number, step: 1 | -1]> = []
  for (const { from, to } of extents) {
    if (to <= from) continue
    edges.push([from, 1], [to, -1])
  }
  // At one position, ends before starts: touching claims are not overlapping ones.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: Extent[] = []
  let depth = 0
  let start = 0
  for (const [at, step] of edges) {
    const before = depth
    depth += step
    if (before < 2 && depth >= 2) {
      const last = out[out.length - 1]
      // Picking up where the previous stretch ended: one stretch.
      if (last !== undefined && last.to === at) {
        out.pop()
        start = last.from
      } else start = at
    } else if (before >= 2 && depth < 2 && at > start) out.push({ from: start, to: at })
  }
  return out
}
