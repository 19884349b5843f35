import { describe, expect, it } from 'vitest'
import { heatStep, marksOver, piecesOf } from './heatRuns'

describe('heat map pieces', () => {
  it('cover the whole text, cold where nobody marked', () => {
    expect(
      piecesOf({
        text: 'abcdefghij',
        counts: [
          { start: 2, end: 4, n: 1 },
          { start: 4, end: 6, n: 3 },
        ],
      }),
    ).toEqual([
      { start: 0, end: 2, n: 0 },
      { start: 2, end: 4, n: 1 },
      { start: 4, end: 6, n: 3 },
      { start: 6, end: 10, n: 0 },
    ])
  })

  it('scale heat by the share of the room and find who covers a piece', () => {
    expect(heatStep(0, 10)).toBe(0)
    expect(heatStep(1, 10)).toBe(1)
    expect(heatStep(10, 10)).toBe(5)
    expect(heatStep(3, 3)).toBe(5)
    const marks = [
      { participantId: 'a', start: 0, end: 5, verdict: null },
      { participantId: 'b', start: 5, end: 9, verdict: 'true' as const },
    ]
    expect(marksOver({ marks }, { start: 4, end: 6 }).map((m) => m.participantId)).toEqual(['a', 'b'])
    expect(marksOver({ marks }, { start: 5, end: 6 }).map((m) => m.participantId)).toEqual(['b'])
  })
})
