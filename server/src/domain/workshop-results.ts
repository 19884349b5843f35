import { readClaims, scoreWorkshop, type ParticipantClaim, type VerdictId } from '@fc/shared'
import type * as Y from 'yjs'
import type { Participant } from './workshop-participants.js'
import type { AnswerKeyClaim } from './workshops.js'

/** How far a participant is, for the trainer's live view. */
export interface Progress {
  claims: number
  verdicts: number
}

export function progressOf(doc: Y.Doc): Progress {
  const claims = readClaims(doc)
  return { claims: claims.length, verdicts: claims.filter((c) => c.verdict !== undefined).length }
}

/**
 * A participant's claims as scoring sees them: quote and verdict. Offsets are left
 * out on purpose: each participant edits their own copy, so positions in one copy
 * say nothing about another, and the key has none; quotes are matched by words.
 */
export function claimsForScoring(doc: Y.Doc): ParticipantClaim[] {
  return readClaims(doc).map((c) =>
    c.verdict === undefined ? { quote: c.quote } : { quote: c.quote, verdict: c.verdict },
  )
}

/** One of a participant's claims that matched a key claim, for the debrief beside the key. */
export interface ResultMatch {
  keyIndex: number
  claimQuote: string
  verdictCorrect: boolean
}

export interface ParticipantResult {
  participantId: string
  name: string
  precision: number
  recall: number
  f1: number
  verdictAccuracy: number | null
  claims: number
  matches: ResultMatch[]
  /** Key claims they did not find. */
  missed: number[]
  /** Quotes of their claims that match no key claim. */
  extra: string[]
}

/** How the room did on one key claim (trainers only): who found it, and the verdicts they gave it. */
export interface KeyClaimFigures {
  keyIndex: number
  quote: string
  /** Participant ids, in join order. */
  foundBy: string[]
  /** Verdict id → how many of those who found it gave it; finders who gave none are not counted. */
  verdicts: Partial<Record<VerdictId, number>>
}

export interface WorkshopResultsBody {
  keyClaims: number
  participants: ParticipantResult[]
  krippendorffAlpha: number | null
  /** Key claims that at least two participants gave a verdict: the units alpha rests on. */
  alphaUnits: number
  perKeyClaim: KeyClaimFigures[]
}

export function workshopResults(
  key: readonly AnswerKeyClaim[],
  attempts: ReadonlyArray<{ participant: Participant; claims: ParticipantClaim[] }>,
): WorkshopResultsBody {
  const scored = scoreWorkshop(
    key.map(({ quote, verdict }) => ({ quote, verdict })),
    attempts.map(({ participant, claims }) => ({ participantId: participant.id, name: participant.name, claims })),
  )
  const participants = scored.participants.map((p, i): ParticipantResult => {
    const claims = attempts[i]!.claims
    const matchedClaims = new Set(p.matches.map((m) => m.participantIndex))
    const found = new Set(p.matches.map((m) => m.keyIndex))
    return {
      participantId: p.participantId,
      name: p.name,
      precision: p.precision,
      recall: p.recall,
      f1: p.f1,
      verdictAccuracy: p.verdictAccuracy,
      claims: claims.length,
      matches: p.matches.map((m) => ({
        keyIndex: m.keyIndex,
        claimQuote: claims[m.participantIndex]!.quote,
        verdictCorrect: claims[m.participantIndex]!.verdict === key[m.keyIndex]!.verdict,
      })),
      missed: key.map((_, k) => k).filter((k) => !found.has(k)),
      extra: claims.filter((_, c) => !matchedClaims.has(c)).map((c) => c.quote),
    }
  })
  // The verdict each participant gave each key claim (undefined: not found, or no verdict).
  const given = key.map((_, k) =>
    scored.participants.map((p, i) => {
      const match = p.matches.find((m) => m.keyIndex === k)
      return match ? attempts[i]!.claims[match.participantIndex]!.verdict : undefined
    }),
  )
  const perKeyClaim = key.map((claim, k): KeyClaimFigures => {
    const verdicts: Partial<Record<VerdictId, number>> = {}
    for (const v of given[k]!) if (v !== undefined) verdicts[v] = (verdicts[v] ?? 0) + 1
    return {
      keyIndex: k,
      quote: claim.quote,
      foundBy: scored.participants.filter((p) => p.matches.some((m) => m.keyIndex === k)).map((p) => p.participantId),
      verdicts,
    }
  })
  return {
    keyClaims: key.length,
    participants,
    krippendorffAlpha: scored.krippendorffAlpha,
    alphaUnits: given.filter((unit) => unit.filter((v) => v !== undefined).length >= 2).length,
    perKeyClaim,
  }
}
