import { describe, expect, it } from 'vitest'
import { pooledDims } from './embeddings.js'
import { featurize, fnv1a, tokens } from './hashing.js'
import { LEARNED_EXPLANATION, MODEL_SIZE_BYTES, modelScore } from './model.js'
import { MODEL } from './model-weights.js'
import { dequantise, quantise } from './quantise.js'
import { DEFAULT_MIN_SCORE, scoreSentence, suggestCheckworthy } from './suggest.js'

// Sentences written for this test (not from ClaimBuster).
const CHECKWORTHY = [
  'Unemployment fell to 3.8 percent last year, the lowest rate in two decades.',
  'The ministry said 27 civilians were killed in the shelling on Tuesday.',
  'We cut taxes for 4 million families and created 112,000 jobs.',
]
const NOT_CHECKWORTHY = [
  'Thank you all for being here tonight.',
  'I think we can do better together.',
  'What do you want to do about it?',
]

describe('the check-worthiness model', () => {
  it('ships under 2 MB of weights, words and vectors: one weight per hashed bucket and pooled dimension', () => {
    expect(MODEL_SIZE_BYTES).toBeLessThan(2 * 1024 * 1024)
    expect(atob(MODEL.weights).length).toBe(
      2 ** MODEL.features.bits + pooledDims(MODEL.embedding.pooling, MODEL.embedding.dims),
    )
    const words = MODEL.embedding.words.split(' ')
    expect(atob(MODEL.embedding.vectors).length).toBe(words.length * MODEL.embedding.dims)
    expect(atob(MODEL.mlp.w1).length).toBe((MODEL.mlp.inputs + 1) * MODEL.mlp.hidden)
    expect(atob(MODEL.mlp.w2).length).toBe(MODEL.mlp.hidden)
  })

  it('suggests sentences stating figures and leaves out thanks, opinions and questions', () => {
    for (const s of CHECKWORTHY) expect(scoreSentence(s).score, s).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE)
    for (const s of NOT_CHECKWORTHY) expect(scoreSentence(s).score, s).toBeLessThan(DEFAULT_MIN_SCORE)
  })

  it('is deterministic: the same sentence, the same probability and reasons', () => {
    for (const s of [...CHECKWORTHY, ...NOT_CHECKWORTHY]) expect(modelScore(s)).toEqual(modelScore(s))
    const first = CHECKWORTHY.map((s) => scoreSentence(s))
    expect(CHECKWORTHY.map((s) => scoreSentence(s))).toEqual(first)
  })

  it('says why, in words a checker understands', () => {
    const { explanations } = modelScore(CHECKWORTHY[1]!)
    expect(explanations.length).toBeGreaterThan(0)
    expect(explanations.length).toBeLessThanOrEqual(4)
    expect(explanations).toContain('counts or measures something')
    expect(modelScore(CHECKWORTHY[0]!).explanations).toContain(LEARNED_EXPLANATION)
    for (const s of suggestCheckworthy(CHECKWORTHY.join(' '))) expect(s.explanations.length).toBeGreaterThan(0)
  })

  it('keeps scores within 0..1 with two decimals', () => {
    for (const s of [...CHECKWORTHY, ...NOT_CHECKWORTHY, '', '!!!']) {
      const { score } = scoreSentence(s)
      expect(score).toBeGreaterThanOrEqual(0)
      expect(score).toBeLessThanOrEqual(1)
      expect(Math.round(score * 100) / 100).toBe(score)
    }
  })
})

describe('feature hashing', () => {
  it('hashes with FNV-1a (known values)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5)
    expect(fnv1a('a')).toBe(0xe40c292c)
    expect(fnv1a('foobar')).toBe(0xbf9cf968)
  })

  it('hashes character n-grams in place exactly as the strings would hash', () => {
    const opts = { bits: 18, words: false, charNgrams: [3], signals: false }
    const x = featurize('Tax', opts)
    const mask = 2 ** 18 - 1
    expect(x.index.slice(1)).toEqual([' ta', 'tax', 'ax '].map((g) => fnv1a(`c3:${g}`) & mask))
  })

  it('turns numerals into shapes', () => {
    expect(tokens('In 2019, 84 people — 3.5% — said so.')).toEqual([
      'in',
      '<year>',
      '<num>',
      'people',
      '<num>',
      '%',
      'said',
      'so',
    ])
  })

  it('quantises to int8 and back within the companding error', () => {
    const weights = [0, 0.001, -0.02, 0.5, -1.5, 3]
    const { bytes, scale } = quantise(weights)
    const back = dequantise(bytes, scale)
    weights.forEach((w, i) => {
      expect(Math.abs(back[i]! - w)).toBeLessThan(0.03 * Math.max(1, Math.abs(w)))
    })
  })
})
