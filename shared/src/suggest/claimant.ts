import { LIMITS } from '../validation/limits.js';

/**
 * Who a sentence attributes its claim to, when it says so in the usual reporting patterns:
 * "according to X", "X said / claimed / alleged / stated / reported", "said X". A suggestion for
 * the claim card's claimant field, never set without the checker: attribution verbs also
 * introduce people who deny or report a claim.
 */
const NAME = String.raw`(?:[A-Z][\p{L}\p{N}’'.&-]*)(?:\s+(?:of|for|the|and|de|al)?\s*[A-Z][\p{L}\p{N}’'.&-]*)*`;
const SPEAKER = String.raw`(?:(?:[Tt]he\s+)[a-z]+|(?:[Tt]he\s+)?${NAME})`;
const VERBS = String.raw`(?:said|says|claimed|claims|alleged|alleges|stated|states|reported|reports|announced|told)`;

const PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b[Aa]ccording\s+to\s+(${SPEAKER})`, 'u'),
  new RegExp(String.raw`(${SPEAKER})\s+(?:has\s+|had\s+)?${VERBS}\b`, 'u'),
  new RegExp(String.raw`\b${VERBS}\s+(${NAME})\s*[.,;]?\s*$`, 'u'),
];

/** Words that begin a sentence or an attribution without naming anyone. */
const NOT_A_SPEAKER = new Set(['It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'In', 'On', 'The', 'A', 'An']);

export function suggestClaimant(sentence: string): string | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(sentence);
    const found = match?.[1]?.trim().replace(/[.,;:]+$/, '');
    if (!found) continue;
    const speaker = found.replace(/^[Tt]he\s+(?=[A-Z])/, '').replace(/^The\s+(?=[a-z])/, 'the ');
    if (NOT_A_SPEAKER.has(speaker)) continue;
    return speaker.length <= LIMITS.claimantMax ? speaker : undefined;
  }
  return undefined;
}
