import { findQuote } from '../text/quote.js'

/** A run of the workshop text and how many participants marked it. */
export interface HeatRun {
  start: number
  end: number
  n: number
}

/** A participant's claim as the heat map locates it: by its quote and the context either side. */
export interface LocatableClaim {
  quote: string
  prefix?: string
  suffix?: string
}

/** Where a claim's quote lies in `text`, or null when it is not there (edited away in the copy). */
export function locateClaim(text: string, claim: LocatableClaim): { start: number; end: number } | null {
  const found = findQuote(text, { exact: claim.quote, prefix: claim.prefix ?? '', suffix: claim.suffix ?? '' })
  return found ? { start: found.from, end: found.to } : null
}

/**
 * The runs of the text covered by at least one participant, in order, each with how many
 * participants cover it. A participant counts once per character however many of their claims
 * overlap there, so `n` reads "how many people marked these words". Neighbouring runs with the
 * same count are one run.
 */
export function heatRuns(spansByParticipant: ReadonlyArray<ReadonlyArray<{ start: number; end: number }>>): HeatRun[] {
  // +1 where a participant's covered stretch opens, -1 where it closes.
  const edges = new Map<number, number>()
  for (const spans of spansByParticipant) {
    for (const { start, end } of union(spans)) {
      edges.set(start, (edges.get(start) ?? 0) + 1)
      edges.set(end, (edges.get(end) ?? 0) - 1)
    }
  }
  const points = [...edges.keys()].sort((a, b) => a - b)
  const runs: HeatRun[] = []
  let n = 0
  for (let i = 0; i < points.length - 1; i++) {
    n += edges.get(points[i]!)!
    const start = points[i]!
    const end = points[i + 1]!
    if (n <= 0) continue
    const last = runs.at(-1)
    if (last && last.end === start && last.n === n) last.end = end
    else runs.push({ start, end, n })
  }
  return runs
}

/** One participant's spans merged where they overlap or touch. */
function union(spans: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start)
  const merged: Array<{ start: number; end: number }> = []
  for (const s of sorted) {
    const last = merged.at(-1)
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else merged.push({ start: s.start, end: s.end })
  }
  return merged
}
