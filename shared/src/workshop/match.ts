import type { VerdictId } from '../schema/verdicts.js'

export interface KeyClaim {
  quote: string
  verdict: VerdictId
  /** Plain-text offsets in the workshop article, when known. */
  start?: number
  end?: number
}

export interface ParticipantClaim {
  quote: string
  verdict?: VerdictId
  start?: number
  end?: number
}

export interface ClaimMatch {
  keyIndex: number
  participantIndex: number
  /** 0..1, see spanOverlap. */
  overlap: number
}

/** Two spans count as the same claim from this overlap up. */
export const DEFAULT_MATCH_THRESHOLD = 0.5

type Span = Pick<KeyClaim, 'quote' | 'start' | 'end'>

/**
 * How much two marked claims are the same passage, as a Dice coefficient (2|A∩B| / (|A|+|B|),
 * i.e. the F1 of one span against the other):
 * - over character offsets when both claims have them (they must refer to the same text);
 * - otherwise over the words of the quotes (case-, punctuation- and order-insensitive
 *   multisets), since each participant marks a copy of the article and offsets may differ.
 * Dice rather than containment, so marking a whole paragraph around a short key claim
 * does not count as finding it; a trainee who marks the full sentence around a key clause
 * of half its length still scores 2·½/(1+½) ≈ 0.67.
 */
export function spanOverlap(a: Span, b: Span): number {
  if (hasOffsets(a) && hasOffsets(b)) {
    const common = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
    return (2 * common) / (a.end - a.start + (b.end - b.start))
  }
  const wordsA = words(a.quote)
  const wordsB = words(b.quote)
  if (wordsA.length + wordsB.length === 0) return 0
  const counts = new Map<string, number>()
  for (const w of wordsA) counts.set(w, (counts.get(w) ?? 0) + 1)
  let common = 0
  for (const w of wordsB) {
    const left = counts.get(w) ?? 0
    if (left > 0) {
      common++
      counts.set(w, left - 1)
    }
  }
  return (2 * common) / (wordsA.length + wordsB.length)
}

/**
 * One-to-one matching of a participant's claims to the key: every pair at or above the
 * threshold is a candidate, and the best-overlapping pairs are taken first (ties: earlier
 * key claim, then earlier participant claim). Greedy, so deterministic and explainable.
 */
export function matchClaims(
  key: readonly Span[],
  claims: readonly Span[],
  threshold = DEFAULT_MATCH_THRESHOLD,
): ClaimMatch[] {
  const candidates: ClaimMatch[] = []
  key.forEach((k, keyIndex) => {
    claims.forEach((c, participantIndex) => {
      const overlap = spanOverlap(k, c)
      if (overlap >= threshold && overlap > 0) candidates.push({ keyIndex, participantIndex, overlap })
    })
  })
  candidates.sort((x, y) => y.overlap - x.overlap || x.keyIndex - y.keyIndex || x.participantIndex - y.participantIndex)
  const usedKey = new Set<number>()
  const usedClaim = new Set<number>()
  const matches: ClaimMatch[] = []
  for (const candidate of candidates) {
    if (usedKey.has(candidate.keyIndex) || usedClaim.has(candidate.participantIndex)) continue
    usedKey.add(candidate.keyIndex)
    usedClaim.add(candidate.participantIndex)
    matches.push(candidate)
  }
  return matches.sort((x, y) => x.keyIndex - y.keyIndex)
}

function hasOffsets(span: Span): span is Span & { start: number; end: number } {
  return Number.isFinite(span.start) && Number.isFinite(span.end) && (span.end as number) > (span.start as number)
}

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}
