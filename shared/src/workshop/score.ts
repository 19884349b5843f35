import { krippendorffAlphaNominal, type Rating } from './alpha.js'
import { DEFAULT_MATCH_THRESHOLD, matchClaims, type ClaimMatch, type KeyClaim, type ParticipantClaim } from './match.js'

export interface ParticipantScore {
  /** Matched claims / claims the participant marked; 0 when they marked none. */
  precision: number
  /** Matched claims / key claims; 0 when the key is empty. */
  recall: number
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number
  /** Share of matched claims given the key's verdict (no verdict counts as wrong); null with no matches. */
  verdictAccuracy: number | null
  matches: ClaimMatch[]
}

export interface WorkshopParticipant {
  participantId: string
  name: string
  claims: readonly ParticipantClaim[]
}

export interface WorkshopResults {
  participants: Array<{ participantId: string; name: string } & ParticipantScore>
  /** Agreement among participants on the key claims' verdicts; null when undefined. */
  krippendorffAlpha: number | null
}

export interface ScoreOptions {
  matchThreshold?: number
}

export function scoreParticipant(
  key: readonly KeyClaim[],
  claims: readonly ParticipantClaim[],
  opts: ScoreOptions = {},
): ParticipantScore {
  const matches = matchClaims(key, claims, opts.matchThreshold ?? DEFAULT_MATCH_THRESHOLD)
  const precision = claims.length === 0 ? 0 : matches.length / claims.length
  const recall = key.length === 0 ? 0 : matches.length / key.length
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  const correct = matches.filter((m) => claims[m.participantIndex]?.verdict === key[m.keyIndex]?.verdict).length
  return { precision, recall, f1, verdictAccuracy: matches.length === 0 ? null : correct / matches.length, matches }
}

/**
 * Scores every participant against the key, and measures how far participants agree with
 * each other: each key claim is a unit, each participant a coder whose value is the verdict
 * on the claim matched to it (missing when they did not find the claim or gave no verdict).
 */
export function scoreWorkshop(
  key: readonly KeyClaim[],
  participants: readonly WorkshopParticipant[],
  opts: ScoreOptions = {},
): WorkshopResults {
  const scored = participants.map((p) => ({
    participantId: p.participantId,
    name: p.name,
    ...scoreParticipant(key, p.claims, opts),
  }))
  const units: Rating[][] = key.map((_, keyIndex) =>
    participants.map((p, i) => {
      const match = scored[i]?.matches.find((m) => m.keyIndex === keyIndex)
      return match === undefined ? null : p.claims[match.participantIndex]?.verdict
    }),
  )
  return { participants: scored, krippendorffAlpha: krippendorffAlphaNominal(units) }
}
