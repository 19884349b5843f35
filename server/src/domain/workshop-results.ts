import { readClaims, scoreWorkshop, type ParticipantClaim } from '@fc/shared';
import type * as Y from 'yjs';
import type { Participant } from './workshop-participants.js';
import type { AnswerKeyClaim } from './workshops.js';

/** How far a participant is, for the trainer's live view. */
export interface Progress {
  claims: number;
  verdicts: number;
}

export function progressOf(doc: Y.Doc): Progress {
  const claims = readClaims(doc);
  return { claims: claims.length, verdicts: claims.filter((c) => c.verdict !== undefined).length };
}

/**
 * A participant's claims as scoring sees them: quote and verdict. Offsets are left
 * out on purpose: each participant edits their own copy, so positions in one copy
 * say nothing about another, and the key has none; quotes are matched by words.
 */
export function claimsForScoring(doc: Y.Doc): ParticipantClaim[] {
  return readClaims(doc).map((c) => (c.verdict === undefined ? { quote: c.quote } : { quote: c.quote, verdict: c.verdict }));
}

export interface ParticipantResult {
  participantId: string;
  name: string;
  precision: number;
  recall: number;
  f1: number;
  verdictAccuracy: number | null;
  claims: number;
}

export interface WorkshopResultsBody {
  keyClaims: number;
  participants: ParticipantResult[];
  krippendorffAlpha: number | null;
}

export function workshopResults(
  key: readonly AnswerKeyClaim[],
  attempts: ReadonlyArray<{ participant: Participant; claims: ParticipantClaim[] }>,
): WorkshopResultsBody {
  const scored = scoreWorkshop(
    key.map(({ quote, verdict }) => ({ quote, verdict })),
    attempts.map(({ participant, claims }) => ({ participantId: participant.id, name: participant.name, claims })),
  );
  return {
    keyClaims: key.length,
    participants: scored.participants.map((p, i) => ({
      participantId: p.participantId,
      name: p.name,
      precision: p.precision,
      recall: p.recall,
      f1: p.f1,
      verdictAccuracy: p.verdictAccuracy,
      claims: attempts[i]!.claims.length,
    })),
    krippendorffAlpha: scored.krippendorffAlpha,
  };
}
