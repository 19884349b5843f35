/**
 * Training of the convolutional network of cnn.ts (an experiment, not shipped): SGD on log-loss
 * with a decaying rate, seeded initialisation and order, a fixed number of epochs
 * (deterministic). Word vectors stay fixed; the special vectors (numerals, years, unknown
 * words) are learned.
 */
import {
  CNN_SPECIALS,
  CNN_WIDTH,
  cnnLogitFrom,
  pooledActivations,
  project,
  tokenRows,
  vectorOf,
  type Cnn,
} from './cnn.js'
import type { EmbeddingTable } from '../../src/suggest/embeddings.js'
import { tokens } from '../../src/suggest/hashing.js'
import { mulberry32, shuffle, sigmoid, type Example } from '../suggest-lib.js'
import { glorot } from '../suggest-mlp.js'

export interface CnnOptions {
  table: EmbeddingTable
  filters: number
  epochs: number
  learningRate: number
  l2: number
  seed: number
}

export function trainCnn(examples: Example[], opts: CnnOptions): Cnn {
  const { table, filters: F } = opts
  const d = table.dims
  const random = mulberry32(opts.seed)
  const fanIn = CNN_WIDTH * d
  const w = glorot(F * fanIn, fanIn, F, random)
  const b = new Float64Array(F)
  const specials = new Float64Array(CNN_SPECIALS.length * d).map(() => (random() - 0.5) * 0.2)
  const out = glorot(F, F, 1, random)
  const cnn: Cnn = { filters: F, dims: d, w, b, specials, out, outBias: 0 }
  const rows = examples.map((e) => tokenRows(tokens(e.text), table))
  const argmax = new Int32Array(F)
  const order = examples.map((_, i) => i)
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const rate = opts.learningRate / (1 + epoch * 0.2)
    for (const i of shuffle(order, random)) {
      const r = rows[i]!
      if (r.length === 0) continue
      const vectors = r.map((row) => {
        const v = new Float64Array(d)
        vectorOf(row, table, cnn, v)
        return v
      })
      const projections = vectors.map((v) => {
        const p = new Float64Array(CNN_WIDTH * F)
        project(cnn, v, p)
        return p
      })
      const h = pooledActivations(projections, cnn, argmax)
      const g = sigmoid(cnnLogitFrom(cnn, h)) - examples[i]!.label
      for (let f = 0; f < F; f++) {
        const gh = g * out[f]!
        out[f]! -= rate * (g * h[f]! + opts.l2 * out[f]!)
        const at = argmax[f]!
        if (at < 0) continue
        b[f]! -= rate * gh
        for (let j = 0; j < CNN_WIDTH; j++) {
          const pos = at + j - 1
          if (pos < 0 || pos >= r.length) continue
          const v = vectors[pos]!
          const base = f * fanIn + j * d
          const row = r[pos]!
          const s = row < 0 ? (-1 - row) * d : -1
          for (let k = 0; k < d; k++) {
            if (s >= 0) specials[s + k]! -= rate * gh * w[base + k]!
            w[base + k]! -= rate * (gh * v[k]! + opts.l2 * w[base + k]!)
          }
        }
      }
      cnn.outBias -= rate * g
    }
  }
  return cnn
}
