/**
 * Experiment, not shipped (see ablate.ts). A small convolutional network over a sentence's
 * word vectors (Kim 2014, static vectors): filters read three words at a time, so it sees phrases such as "rose by <num>" or "I
 * think we" however the words are spelt out, and keeps each filter's strongest match in
 * the sentence (max over positions). Numerals, years and words missing from the table get
 * vectors of their own, learned in training. The forward pass here is the one training
 * uses (train-cnn.ts), so the two cannot drift apart.
 *
 * Scoring is cheap: a filter's response is the sum of its three taps' dot products with
 * the words' vectors, so each distinct word is projected once (and cached), and a sentence
 * then costs 3 × filters additions per word.
 */
import type { EmbeddingTable } from '../../src/suggest/embeddings.js'

export const CNN_WIDTH = 3
/** Tokens without a row in the table: numerals, years, anything else. */
export const CNN_SPECIALS = ['<num>', '<year>', '<unk>'] as const

export interface Cnn {
  filters: number
  dims: number
  /** filters × (CNN_WIDTH × dims): tap j of filter f at [f * width * dims + j * dims]. */
  w: ArrayLike<number>
  b: ArrayLike<number>
  /** CNN_SPECIALS.length × dims. */
  specials: ArrayLike<number>
  out: ArrayLike<number>
  outBias: number
}

/** The vector of a token: its table row, or a learned special vector (row index returned for training). */
export function tokenRows(toks: readonly string[], table: EmbeddingTable): number[] {
  return toks.map((t) => {
    const row = table.rows.get(t)
    if (row !== undefined) return row
    const special = CNN_SPECIALS.indexOf(t as (typeof CNN_SPECIALS)[number])
    return -1 - (special >= 0 ? special : CNN_SPECIALS.length - 1)
  })
}

export function vectorOf(row: number, table: EmbeddingTable, cnn: Pick<Cnn, 'specials' | 'dims'>, into: Float64Array) {
  const d = cnn.dims
  if (row >= 0) for (let k = 0; k < d; k++) into[k] = table.vectors[row * d + k]!
  else for (let k = 0; k < d; k++) into[k] = cnn.specials[(-1 - row) * d + k]!
}

/**
 * Each filter's three tap responses to one word vector: out[j * filters + f].
 */
export function project(cnn: Cnn, v: ArrayLike<number>, out: Float64Array): void {
  const d = cnn.dims
  const F = cnn.filters
  for (let f = 0; f < F; f++) {
    const base = f * CNN_WIDTH * d
    for (let j = 0; j < CNN_WIDTH; j++) {
      let s = 0
      const at = base + j * d
      for (let k = 0; k < d; k++) s += cnn.w[at + k]! * v[k]!
      out[j * F + f] = s
    }
  }
}

/**
 * The max-pooled filter activations of a sentence from its words' projections; `argmax`
 * receives each filter's winning centre position when given (training needs it).
 * Positions are the words; the taps reach one word either side, zero past the ends.
 */
export function pooledActivations(
  projections: readonly Float64Array[],
  cnn: Pick<Cnn, 'filters' | 'b'>,
  argmax?: Int32Array,
): Float64Array {
  const F = cnn.filters
  const h = new Float64Array(F)
  if (argmax) argmax.fill(-1)
  const n = projections.length
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? projections[i - 1]! : null
    const cur = projections[i]!
    const next = i + 1 < n ? projections[i + 1]! : null
    for (let f = 0; f < F; f++) {
      let a = cnn.b[f]! + cur[F + f]!
      if (prev) a += prev[f]!
      if (next) a += next[2 * F + f]!
      if (a > h[f]!) {
        h[f] = a
        if (argmax) argmax[f] = i
      }
    }
  }
  return h
}

export function cnnLogitFrom(cnn: Pick<Cnn, 'filters' | 'out' | 'outBias'>, h: ArrayLike<number>): number {
  let z = cnn.outBias
  for (let f = 0; f < cnn.filters; f++) z += cnn.out[f]! * h[f]!
  return z
}

/** Scores sentences with projections cached by word (a live editor scores the same words again and again). */
export function cnnScorer(cnn: Cnn, table: EmbeddingTable): (toks: readonly string[]) => number {
  const cache = new Map<number, Float64Array>()
  const v = new Float64Array(cnn.dims)
  const projectionOf = (row: number) => {
    let p = cache.get(row)
    if (!p) {
      vectorOf(row, table, cnn, v)
      p = new Float64Array(CNN_WIDTH * cnn.filters)
      project(cnn, v, p)
      cache.set(row, p)
    }
    return p
  }
  return (toks) => cnnLogitFrom(cnn, pooledActivations(tokenRows(toks, table).map(projectionOf), cnn))
}
