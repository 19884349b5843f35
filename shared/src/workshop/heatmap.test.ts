import { describe, expect, it } from 'vitest'
import { heatRuns, locateClaim } from './heatmap.js'

describe('heatRuns', () => {
  it('counts participants per run, once each however many of their claims overlap', () => {
    const runs = heatRuns([
      [
        { start: 0, end: 10 },
        { start: 5, end: 12 },
      ],
      [{ start: 8, end: 20 }],
      [],
    ])
    expect(runs).toEqual([
      { start: 0, end: 8, n: 1 },
      { start: 8, end: 12, n: 2 },
      { start: 12, end: 20, n: 1 },
    ])
  })

  it('joins neighbouring runs of the same count and leaves gaps out', () => {
    expect(
      heatRuns([
        [
          { start: 0, end: 4 },
          { start: 4, end: 6 },
        ],
        [{ start: 10, end: 12 }],
      ]),
    ).toEqual([
      { start: 0, end: 6, n: 1 },
      { start: 10, end: 12, n: 1 },
    ])
    expect(heatRuns([])).toEqual([])
  })
})

describe('locateClaim', () => {
  it('picks the occurrence whose context matches', () => {
    const text = 'the cat sat. the cat ran.'
    expect(locateClaim(text, { quote: 'the cat', prefix: 'sat. ', suffix: ' ran' })).toEqual({ start: 13, end: 20 })
    expect(locateClaim(text, { quote: 'a dog' })).toBeNull()
  })
})
