import type { Heatmap } from '../api/workshops'

/** A stretch of the workshop text with how many participants marked it (0: nobody). */
export interface TextPiece {
  start: number
  end: number
  n: number
}

/** The whole text cut at the heat map's run edges, so every character is in one piece. */
export function piecesOf(heatmap: Pick<Heatmap, 'text' | 'counts'>): TextPiece[] {
  const pieces: TextPiece[] = []
  let at = 0
  for (const run of heatmap.counts) {
    if (run.start > at) pieces.push({ start: at, end: run.start, n: 0 })
    pieces.push({ start: run.start, end: run.end, n: run.n })
    at = run.end
  }
  if (at < heatmap.text.length) pieces.push({ start: at, end: heatmap.text.length, n: 0 })
  return pieces
}

/** Heat steps for colour: 1 … HEAT_STEPS, by the share of the room that marked a piece. */
export const HEAT_STEPS = 5

export function heatStep(n: number, participants: number): number {
  if (n <= 0) return 0
  return Math.max(1, Math.min(HEAT_STEPS, Math.ceil((n / Math.max(1, participants)) * HEAT_STEPS)))
}

/** The claims that cover a piece of the text, for "who marked this". */
export function marksOver(heatmap: Pick<Heatmap, 'marks'>, piece: Pick<TextPiece, 'start' | 'end'>): Heatmap['marks'] {
  return heatmap.marks.filter((m) => m.start < piece.end && m.end > piece.start)
}
