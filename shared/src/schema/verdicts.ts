/**
 * Verdicts. The ids are part of the public document schema and never change; a workspace
 * may relabel them, so everything user-facing goes through a `VerdictScale`.
 */

export const VERDICT_IDS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', 'unproven'] as const

export type VerdictId = (typeof VERDICT_IDS)[number]

export interface VerdictDefinition {
  readonly id: VerdictId
  readonly label: string
  /**
   * Where the verdict sits on the true→false scale (BEST_RATING..WORST_RATING), or null when
   * it is not a point on that scale: "misleading" can be literally true, "unproven" is no
   * judgement of truth at all. ClaimReview exports emit numbers only for scale verdicts.
   */
  readonly ratingValue: number | null
}

export type VerdictScale = readonly VerdictDefinition[]

export const BEST_RATING = 5
export const WORST_RATING = 1

export const DEFAULT_VERDICT_SCALE: VerdictScale = Object.freeze([
  { id: 'true', label: 'True', ratingValue: 5 },
  { id: 'mostly-true', label: 'Mostly true', ratingValue: 4 },
  { id: 'mixed', label: 'Mixed', ratingValue: 3 },
  { id: 'mostly-false', label: 'Mostly false', ratingValue: 2 },
  { id: 'false', label: 'False', ratingValue: 1 },
  { id: 'misleading', label: 'Misleading', ratingValue: null },
  { id: 'unproven', label: 'Unproven', ratingValue: null },
] as const satisfies VerdictScale)

const VERDICT_ID_SET: ReadonlySet<string> = new Set(VERDICT_IDS)

export function isVerdictId(value: unknown): value is VerdictId {
  return typeof value === 'string' && VERDICT_ID_SET.has(value)
}

/** A workspace's scale: default positions, custom labels (blank labels fall back). */
export function relabelVerdicts(
  labels: Partial<Record<VerdictId, string>>,
  base: VerdictScale = DEFAULT_VERDICT_SCALE,
): VerdictScale {
  return base.map((v) => {
    const custom = labels[v.id]?.trim()
    return custom ? { ...v, label: custom } : v
  })
}

export function findVerdict(scale: VerdictScale, id: VerdictId): VerdictDefinition {
  // A partial custom scale must not make a stored verdict unreadable.
  return (
    scale.find((v) => v.id === id) ??
    DEFAULT_VERDICT_SCALE.find((v) => v.id === id) ?? { id, label: id, ratingValue: null }
  )
}

export function verdictLabel(scale: VerdictScale, id: VerdictId): string {
  return findVerdict(scale, id).label
}
