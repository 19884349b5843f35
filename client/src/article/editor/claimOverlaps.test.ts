import { describe, expect, it } from 'vitest'
import { overlapsOf } from './claimOverlaps'

describe('overlapsOf', () => {
  it('finds nothing in separate or merely touching claims', () => {
    expect(overlapsOf([])).toEqual([])
    expect(overlapsOf([{ from: 0, to: 5 }])).toEqual([])
    expect(
      overlapsOf([
        { from: 0, to: 5 },
        { from: 5, to: 9 },
        { from: 12, to: 20 },
      ]),
    ).toEqual([])
  })

  it('gives the shared stretch of two crossing claims, and a nested one whole', () => {
    expect(
      overlapsOf([
        { from: 0, to: 10 },
        { from: 6, to: 15 },
      ]),
    ).toEqual([{ from: 6, to: 10 }])
    expect(
      overlapsOf([
        { from: 3, to: 7 },
        { from: 0, to: 20 },
      ]),
    ).toEqual([{ from: 3, to: 7 }])
  })

  it('counts three deep once, and joins stretches that touch', () => {
    expect(
      overlapsOf([
        { from: 0, to: 20 },
        { from: 2, to: 8 },
        { from: 4, to: 6 },
        { from: 8, to: 12 },
      ]),
    ).toEqual([{ from: 2, to: 12 }])
  })

  it('keeps apart stretches with a gap between them, in text order whatever the input order', () => {
    expect(
      overlapsOf([
        { from: 30, to: 40 },
        { from: 0, to: 10 },
        { from: 35, to: 50 },
        { from: 5, to: 12 },
      ]),
    ).toEqual([
      { from: 5, to: 10 },
      { from: 35, to: 40 },
    ])
  })

  it('ignores empty extents', () => {
    expect(
      overlapsOf([
        { from: 4, to: 4 },
        { from: 0, to: 9 },
      ]),
    ).toEqual([])
  })
})
