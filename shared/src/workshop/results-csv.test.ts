import { describe, expect, it } from 'vitest'
import { resultsCsv } from './results-csv.js'

describe('resultsCsv', () => {
  it('quotes per RFC 4180, rounds to 3 decimals, leaves null empty and defuses formulas', () => {
    const csv = resultsCsv([
      { name: 'Ana, "A."', precision: 2 / 3, recall: 0.5, f1: 4 / 7, verdictAccuracy: null, claims: 3 },
      { name: '=HYPERLINK("x")', precision: 1, recall: 0, f1: 0, verdictAccuracy: 1, claims: 1 },
      { name: '@me', precision: 0, recall: 0, f1: 0, verdictAccuracy: null, claims: 0 },
    ])
    expect(csv).toBe(
      'name,precision,recall,f1,verdictAccuracy,claims\r\n' +
        '"Ana, ""A.""",0.667,0.5,0.571,,3\r\n' +
        `"'=HYPERLINK(""x"")",1,0,0,1,1\r\n` +
        "'@me,0,0,0,,0\r\n",
    )
  })
})
