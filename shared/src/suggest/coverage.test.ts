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
