import { describe, expect, it } from 'vitest'
import { krippendorffAlphaNominal } from './alpha.js'

describe("Krippendorff's alpha (nominal)", () => {
  it('reproduces the textbook example with missing data: 4 coders, 12 units, alpha = 0.743', () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
    // rows are coders A-D, columns units 1-12, null where a coder gave no value.
    const _ = null
    const coders = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]
    const units = coders[0]!.map((_, u) => coders.map((row) => row[u]))
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3)
  })

  it('reproduces the textbook binary example: 2 coders, 10 units, alpha = 0.095', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    // o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6, n = 20:
    // alpha = 1 - 19 · 8 / (2 · 14 · 6) = 1 - 152/168
    expect(krippendorffAlphaNominal(a.map((v, i) => [v, b[i]]))).toBeCloseTo(1 - 152 / 168, 10)
    expect(krippendorffAlphaNominal(a.map((v, i) => [v, b[i]]))).toBeCloseTo(0.095, 3)
  })

  it('matches a small hand computation with three coders and a missing value', () => {
    // Unit 1 (a, a, b): o_aa += 2·1/2 = 1, o_ab = o_ba += 2·1/2 = 1. Unit 2 (b, b): o_bb += 2.
    // n_a = 2, n_b = 3, n = 5; Σ_{c≠k} o = 2; Σ_{c≠k} n_c n_k = 25 - 4 - 9 = 12.
    // alpha = 1 - 4 · 2 / 12 = 1/3. Unit 3 has one value and is not pairable.
    expect(
      krippendorffAlphaNominal([
        ['a', 'a', 'b'],
        ['b', 'b', null],
        [undefined, 'a', null],
      ]),
    ).toBeCloseTo(1 / 3, 10)
  })

  it('is 1 for perfect agreement and undefined without variation or pairs', () => {
    expect(
      krippendorffAlphaNominal([
        ['true', 'true'],
        ['false', 'false'],
      ]),
    ).toBe(1)
    expect(
      krippendorffAlphaNominal([
        ['true', 'true'],
        ['true', 'true'],
      ]),
    ).toBeNull()
    expect(
      krippendorffAlphaNominal([
        ['true', null],
        [null, 'false'],
      ]),
    ).toBeNull()
    expect(krippendorffAlphaNominal([])).toBeNull()
  })

  it('goes below zero for systematic disagreement', () => {
    expect(
      krippendorffAlphaNominal([
        ['a', 'b'],
        ['b', 'a'],
      ])!,
    ).toBeLessThan(0)
  })

  it('keeps 1 and "1" apart', () => {
    // Four distinct values, no agreeing pair: 1 - 3 · 4 / (16 - 4) = 0 (1 if they were equal).
    expect(
      krippendorffAlphaNominal([
        [1, '1'],
        ['2', 2],
      ]),
    ).toBe(0)
  })
})
