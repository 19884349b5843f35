import { describe, expect, it } from 'vitest'
import { exceedsDepth } from './json-depth.js'

describe('exceedsDepth', () => {
  it('counts nested objects and arrays', () => {
    expect(exceedsDepth('{"a":[{"b":1}]}', 3)).toBe(false)
    expect(exceedsDepth('{"a":[{"b":[1]}]}', 3)).toBe(true)
    expect(exceedsDepth('['.repeat(20_000) + ']'.repeat(20_000), 32)).toBe(true)
  })

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsDepth(JSON.stringify({ name: '[[[[{{{{' }), 1)).toBe(false)
    expect(exceedsDepth(JSON.stringify({ name: 'say \\"[[[[\\" and "{{{{"' }), 1)).toBe(false)
  })

  it('siblings do not add up', () => {
    expect(exceedsDepth(JSON.stringify([[1], [2], [3], { a: [4] }]), 3)).toBe(false)
  })
})
