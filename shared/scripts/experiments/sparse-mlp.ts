/**
 * Experiment, not shipped (see ablate.ts): the small network with a first layer that also
 * reads hashed word uni/bigrams (sparse), so it sees word identity as well as the pooled
 * vectors. Plain SGD, seeded, a fixed number of epochs (deterministic).
 */
import { featurize, type SparseVector } from '../../src/suggest/hashing.js'
import { mulberry32, shuffle, sigmoid, type Example } from '../suggest-lib.js'
import { glorot, sentenceInput, type MlpOptions } from '../suggest-mlp.js'

export interface SparseMlpOptions extends MlpOptions {
  /** log2 of the hashed n-gram buckets the first layer reads. */
  bits: number
}

/** Trains on `examples`; returns a scorer of sentences (the logit). */
export function trainSparseMlp(examples: Example[], opts: SparseMlpOptions): (text: string) => number {
  const { hidden: H, bits } = opts
  const dense = (t: string) => sentenceInput(t, opts)
  const sparse = (t: string): SparseVector => featurize(t, { bits, words: true, charNgrams: [], signals: false })
  const X = examples.map((e) => dense(e.text))
  const S = examples.map((e) => sparse(e.text))
  const d = X[0]?.length ?? 0
  const random = mulberry32(opts.seed)
  const w1 = glorot(d * H, d, H, random)
  const ws = glorot((1 << bits) * H, 64, H, random)
  const b1 = new Float64Array(H)
  const w2 = glorot(H, H, 1, random)
  let b2 = 0
  const h = new Float64Array(H)
  const forward = (x: Float64Array, sx: SparseVector) => {
    let z = b2
    for (let u = 0; u < H; u++) {
      let a = b1[u]!
      const row = u * d
      for (let k = 0; k < d; k++) a += w1[row + k]! * x[k]!
      // Entry 0 is featurize's bias; the layer has its own.
      for (let k = 1; k < sx.index.length; k++) a += ws[sx.index[k]! * H + u]! * sx.value[k]!
      h[u] = Math.max(a, 0)
      z += w2[u]! * h[u]!
    }
    return z
  }
  const order = examples.map((_, i) => i)
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const rate = opts.learningRate / (1 + epoch * 0.1)
    for (const i of shuffle(order, random)) {
      const x = X[i]!
      const sx = S[i]!
      const g = sigmoid(forward(x, sx)) - examples[i]!.label
      for (let u = 0; u < H; u++) {
        const gh = h[u]! > 0 ? g * w2[u]! : 0
        w2[u]! -= rate * (g * h[u]! + opts.l2 * w2[u]!)
        if (gh === 0) continue
        const row = u * d
        for (let k = 0; k < d; k++) w1[row + k]! -= rate * (gh * x[k]! + opts.l2 * w1[row + k]!)
        for (let k = 1; k < sx.index.length; k++) ws[sx.index[k]! * H + u]! -= rate * gh * sx.value[k]!
        b1[u]! -= rate * gh
      }
      b2 -= rate * g
    }
  }
  return (text) => forward(dense(text), sparse(text))
}
