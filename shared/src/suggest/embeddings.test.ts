import { describe, expect, it } from 'vitest'
import { appendPooled, decodeTable, pooledDims, type Pooling } from './embeddings.js'
import { MODEL } from './model-weights.js'

const ALL: Pooling = { mean: true, max: true, rankWeighted: true, scale: 1 }

// A three-word, two-dimension table written for this test.
const table = decodeTable('tax jobs war', 2, [2, 1], new Int8Array([127, 0, -127, 127, 0, -64]))

function pooled(toks: string[], pooling: Pooling = ALL) {
  const index: number[] = []
  const value: number[] = []
  appendPooled(toks, table, pooling, 10, index, value)
  return { index, value }
}

describe('pooled word vectors', () => {
  it('decodes int8 rows with a scale per dimension', () => {
    expect(table.rows.get('jobs')).toBe(1)
    expect([...table.vectors]).toEqual([2, 0, -2, 1, 0, expect.closeTo(-64 / 127, 6)])
  })

  it('appends mean, max and rank-weighted mean after the offset, each of unit length', () => {
    const { index, value } = pooled(['tax', 'jobs'])
    expect(index).toEqual([10, 11, 12, 13, 14, 15])
    expect(pooledDims(ALL, 2)).toBe(6)
    for (let g = 0; g < 3; g++) expect(Math.hypot(value[2 * g]!, value[2 * g + 1]!)).toBeCloseTo(1, 6)
    // mean of (2, 0) and (-2, 1) points along +y; max is (2, 1).
    expect(value.slice(0, 2)).toEqual([0, 1])
    expect(value[2]! / value[3]!).toBeCloseTo(2, 6)
  })

  it('adds nothing for a sentence without a known word, so the n-grams alone decide', () => {
    expect(pooled(['<num>', 'zzxq'])).toEqual({ index: [], value: [] })
    expect(pooled([])).toEqual({ index: [], value: [] })
  })

  it('ships common English words, lower case, each once', () => {
    const words = MODEL.embedding.words.split(' ')
    expect(new Set(words).size).toBe(words.length)
    for (const w of ['unemployment', 'taxes', 'percent', 'million', 'killed']) expect(words, w).toContain(w)
    expect(words.every((w) => /^[a-z]+$/.test(w))).toBe(true)
  })
})
