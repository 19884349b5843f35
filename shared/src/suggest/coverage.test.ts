import { describe, expect, it } from 'vitest'
import { covers, uncoveredSuggestions } from './coverage.js'

// "The group said 84 soldiers were killed." at 100..139
const sentence = { start: 100, end: 139 }

describe('covers', () => {
  it('counts a claim on a phrase inside the sentence, the whole sentence or a passage around it', () => {
    expect(covers({ from: 115, to: 126 }, sentence)).toBe(true)
    expect(covers({ from: 100, to: 139 }, sentence)).toBe(true)
    expect(covers({ from: 40, to: 200 }, sentence)).toBe(true)
    expect(covers({ from: 95, to: 130 }, sentence)).toBe(true)
  })

  it('does not count a claim that only strays over an edge, touches or lies elsewhere', () => {
    expect(covers({ from: 60, to: 104 }, sentence)).toBe(false)
    expect(covers({ from: 137, to: 180 }, sentence)).toBe(false)
    expect(covers({ from: 60, to: 100 }, sentence)).toBe(false)
    expect(covers({ from: 139, to: 150 }, sentence)).toBe(false)
  })
})

describe('uncoveredSuggestions', () => {
  const suggestions = [
    { start: 0, end: 40 },
    { start: 42, end: 90 },
    { start: 100, end: 139 },
  ]
  it('keeps the order and leaves out what a claim covers', () => {
    expect(uncoveredSuggestions(suggestions, [])).toEqual(suggestions)
    expect(uncoveredSuggestions(suggestions, [{ from: 50, to: 60 }])).toEqual([suggestions[0], suggestions[2]])
  })
})

describe('uncoveredSuggestions with many claims', () => {
  it('gives what the pairwise rule gives, claims in any order, long claims reaching over short ones', () => {
    // A fixed pseudo-random layout: sentences of 30–90 characters, claims of 5–300.
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const suggestions: Array<{ start: number; end: number }> = []
    for (let at = 0; at < 20_000; ) {
      const length = 30 + next(60)
      suggestions.push({ start: at, end: at + length })
      at += length + 2
    }
    const claims = Array.from({ length: 400 }, () => {
      const from = next(20_000)
      return { from, to: from + 5 + next(295) }
    })
    const pairwise = suggestions.filter((s) => !claims.some((c) => covers(c, s)))
    expect(uncoveredSuggestions(suggestions, claims)).toEqual(pairwise)
    expect(pairwise.length).toBeGreaterThan(0)
    expect(pairwise.length).toBeLessThan(suggestions.length)
  })
})
