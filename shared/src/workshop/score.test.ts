import { describe, expect, it } from 'vitest'
import { matchClaims, spanOverlap, type KeyClaim, type ParticipantClaim } from './match.js'
import { scoreParticipant, scoreWorkshop } from './score.js'

const KEY: KeyClaim[] = [
  { quote: '84 Pakistani security personnel were killed', verdict: 'false' },
  { quote: 'taken 18 personnel captive', verdict: 'unproven' },
  { quote: 'seized or destroyed more than 30 government-linked facilities', verdict: 'mostly-false' },
]

describe('spanOverlap', () => {
  it('is the Dice coefficient of character spans when both have offsets', () => {
    // [10, 20) and [15, 35): 5 shared characters, 2·5 / (10 + 20) = 1/3.
    expect(spanOverlap({ quote: '', start: 10, end: 20 }, { quote: '', start: 15, end: 35 })).toBeCloseTo(1 / 3, 10)
    expect(spanOverlap({ quote: '', start: 0, end: 5 }, { quote: '', start: 5, end: 9 })).toBe(0)
  })

  it('falls back to the words of the quotes, ignoring case, punctuation and order', () => {
    expect(spanOverlap({ quote: 'Seven fighters were killed.' }, { quote: 'seven fighters were KILLED' })).toBe(1)
    // 4 of 4 key words inside a 10-word sentence: 2·4 / (4 + 10) = 4/7.
    expect(
      spanOverlap(
        { quote: 'seven fighters were killed' },
        { quote: 'The group said seven of its fighters were killed yesterday' },
      ),
    ).toBeCloseTo(8 / 14, 10)
    expect(spanOverlap({ quote: '' }, { quote: '' })).toBe(0)
  })
})

describe('matchClaims', () => {
  it('pairs each key claim with at most one participant claim, best overlaps first', () => {
    const claims: ParticipantClaim[] = [
      { quote: '84 Pakistani security personnel were killed and dozens more wounded' }, // 6 of 6 vs 10 words: 0.75
      { quote: '84 Pakistani security personnel were killed' }, // exact: 1
      { quote: 'the weather' },
    ]
    expect(matchClaims(KEY, claims)).toEqual([{ keyIndex: 0, participantIndex: 1, overlap: 1 }])
  })
})

describe('scoreParticipant', () => {
  it('computes precision, recall, F1 and verdict accuracy by hand-checkable counts', () => {
    const claims: ParticipantClaim[] = [
      { quote: '84 Pakistani security personnel were killed', verdict: 'false' }, // match, right
      { quote: 'It also claimed to have taken 18 personnel captive', verdict: 'false' }, // match (4 of 4 vs 9 words → 8/13), wrong
      { quote: 'The announcement was made on January 31', verdict: 'true' }, // no match
    ]
    const score = scoreParticipant(KEY, claims)
    expect(score.matches.map((m) => [m.keyIndex, m.participantIndex])).toEqual([
      [0, 0],
      [1, 1],
    ])
    expect(score.precision).toBeCloseTo(2 / 3, 10)
    expect(score.recall).toBeCloseTo(2 / 3, 10)
    expect(score.f1).toBeCloseTo(2 / 3, 10)
    expect(score.verdictAccuracy).toBe(0.5)
  })

  it('scores an empty attempt as zero with no verdict accuracy', () => {
    expect(scoreParticipant(KEY, [])).toEqual({ precision: 0, recall: 0, f1: 0, verdictAccuracy: null, matches: [] })
  })

  it('uses offsets when both sides have them', () => {
    const key: KeyClaim[] = [{ quote: 'x', verdict: 'true', start: 100, end: 140 }]
    const near = scoreParticipant(key, [{ quote: 'unrelated words', verdict: 'true', start: 95, end: 140 }])
    expect(near.f1).toBe(1)
    const far = scoreParticipant(key, [{ quote: 'x', verdict: 'true', start: 0, end: 40 }])
    expect(far.f1).toBe(0)
  })
})

describe('scoreWorkshop', () => {
  it('scores each participant and their agreement on the key claims', () => {
    const results = scoreWorkshop(KEY, [
      {
        participantId: 'p1',
        name: 'Ana',
        claims: [
          { quote: '84 Pakistani security personnel were killed', verdict: 'false' },
          { quote: 'taken 18 personnel captive', verdict: 'unproven' },
        ],
      },
      {
        participantId: 'p2',
        name: 'Ben',
        claims: [
          { quote: '84 Pakistani security personnel were killed', verdict: 'false' },
          { quote: 'taken 18 personnel captive', verdict: 'false' },
          { quote: 'seized or destroyed more than 30 government-linked facilities', verdict: 'mostly-false' },
        ],
      },
      { participantId: 'p3', name: 'Cy', claims: [] },
    ])
    expect(
      results.participants.map(({ participantId, precision, recall, verdictAccuracy }) => ({
        participantId,
        precision,
        recall,
        verdictAccuracy,
      })),
    ).toEqual([
      { participantId: 'p1', precision: 1, recall: 2 / 3, verdictAccuracy: 1 },
      { participantId: 'p2', precision: 1, recall: 1, verdictAccuracy: 2 / 3 },
      { participantId: 'p3', precision: 0, recall: 0, verdictAccuracy: null },
    ])
    // Units: claim 1 (false, false), claim 2 (unproven, false), claim 3 (only p2: not pairable).
    // o_ff = 2, o_uf = o_fu = 1; n_f = 3, n_u = 1, n = 4: alpha = 1 - 3 · 2 / (16 - 9 - 1) = 0.
    expect(results.krippendorffAlpha).toBeCloseTo(0, 10)
  })
})
