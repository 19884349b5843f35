import { describe, expect, it } from 'vitest'
import { findQuote, quoteAt } from './quote.js'

describe('quoteAt', () => {
  it('takes up to 32 characters of context either side', () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`
    expect(quoteAt(text, 40, 45)).toEqual({ exact: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) })
    expect(quoteAt('xQy', 1, 2)).toEqual({ exact: 'Q', prefix: 'x', suffix: 'y' })
  })
})

describe('findQuote', () => {
  const text = 'one said 84 died. two said 84 died. three said 84 died.'

  it('picks the occurrence whose prefix and suffix match best', () => {
    expect(findQuote(text, { exact: '84 died', prefix: 'two said ', suffix: '. three' })).toEqual({ from: 27, to: 34 })
    // Only the suffix distinguishes the last one.
    expect(findQuote(text, { exact: '84 died', prefix: '', suffix: '.' })).toEqual({ from: 9, to: 16 })
    expect(findQuote(text, { exact: '84 died', prefix: 'XX', suffix: '' }, 40)).toEqual({ from: 47, to: 54 })
  })

  it('returns null for empty or absent quotes', () => {
    expect(findQuote(text, { exact: '', prefix: '', suffix: '' })).toBeNull()
    expect(findQuote(text, { exact: '85 died', prefix: '', suffix: '' })).toBeNull()
  })
})
