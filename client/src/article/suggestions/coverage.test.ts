import { describe, expect, it } from 'vitest'
import { covers, uncoveredSuggestions } from './coverage'

// "The group said 84 soldiers were killed." at 100..139
const sentence = { start: 100, end: 139 }

describe('covers', () => {
  it('counts a claim on a phrase inside the sentence, the whole sentence or a passage around it', () => {
    expect(covers({ from: 115, to: 126 }, sentence)).toBe(true) // "84 soldiers"
    expect(covers({ from: 100, to: 139 }, sentence)).toBe(true)
    expect(covers({ from: 40, to: 200 }, sentence)).toBe(true)
  })

  it('counts a claim over most of the sentence that starts in the one before', () => {
    expect(covers({ from: 95, to: 130 }, sentence)).toBe(true)
  })

  it('does not count a claim that only strays over an edge of the sentence', () => {
    expect(covers({ from: 60, to: 104 }, sentence)).toBe(false) // the sentence before and "The "
    expect(covers({ from: 137, to: 180 }, sentence)).toBe(false)
  })

  it('does not count claims that merely touch or lie elsewhere', () => {
    expect(covers({ from: 60, to: 100 }, sentence)).toBe(false)
    expect(covers({ from: 139, to: 150 }, sentence)).toBe(false)
    expect(covers({ from: 0, to: 10 }, sentence)).toBe(false)
  })
})

describe('uncoveredSuggestions', () => {
  const suggestions = [
    { start: 0, end: 40, quote: 'a' },
    { start: 42, end: 90, quote: 'b' },
    { start: 100, end: 139, quote: 'c' },
  ]

  it('keeps every suggestion, in order, when nothing is marked', () => {
    expect(uncoveredSuggestions(suggestions, [])).toEqual(suggestions)
  })

  it('drops the ones a claim covers and keeps the rest in order', () => {
    expect(uncoveredSuggestions(suggestions, [{ from: 50, to: 60 }]).map((s) => s.quote)).toEqual(['a', 'c'])
    expect(uncoveredSuggestions(suggestions, [{ from: 0, to: 139 }])).toEqual([])
  })
})
