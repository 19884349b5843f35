/**
 * Experiment, not shipped (see ablate.ts, study `attention`): the shipped network's inputs
 * plus one more pooled group, an attention-weighted mean of the sentence's word vectors
 * whose query vector is learned with the network (softmax over q·v of each word).
 */
import { tokens, signalNames } from '../../src/suggest/hashing.js'
import { mlpInput, mlpInputs, mlpLogit } from '../../src/suggest/mlp.js'
import { mulberry32, shuffle, sigmoid, type Example } from '../suggest-lib.js'
import { initialMlp, type MlpOptions } from '../suggest-mlp.js'

interface Sentence {
  base: Float64Array
  /** Rows of the sentence's words found in the table. */
  rows: number[]
}

export function trainAttentionMlp(examples: Example[], opts: MlpOptions): (text: string) => number {
  const { table, pooling } = opts
  const dims = table.dims
  const baseInputs = mlpInputs(pooling, table)
  const d = baseInputs + dims
  // Average word-vector length, so the attention group has about unit length like the other groups.
  let norm = 0
  for (let i = 0; i < table.vectors.length; i++) norm += table.vectors[i]! ** 2
  const c = Math.sqrt(norm / (table.vectors.length / dims))
  const prepare = (text: string): Sentence => {
    const toks = tokens(text)
    return {
      base: mlpInput(toks, signalNames(text), table, pooling),
      rows: toks.map((t) => table.rows.get(t)).filter((r): r is number => r !== undefined),
    }
  }
  const q = new Float64Array(dims)
  /** Fills x's attention group; returns the weights (for the gradient). */
  const attend = (s: Sentence, x: Float64Array): Float64Array => {
    x.set(s.base)
    const a = new Float64Array(s.rows.length)
    let max = Number.NEGATIVE_INFINITY
    s.rows.forEach((r, t) => {
      let z = 0
      for (let k = 0; k < dims; k++) z += q[k]! * table.vectors[r * dims + k]!
      a[t] = z
      max = Math.max(max, z)
    })
    let sum = 0
    for (let t = 0; t < a.length; t++) sum += a[t] = Math.exp(a[t]! - max)
    for (let t = 0; t < a.length; t++) {
      a[t]! /= sum
      const base = s.rows[t]! * dims
      for (let k = 0; k < dims; k++) x[baseInputs + k]! += (a[t]! * table.vectors[base + k]!) / c
    }
    return a
  }
  const X = examples.map((e) => prepare(e.text))
  const H = opts.hidden
  const random = mulberry32(opts.seed)
  const net = initialMlp(d, H, random)
  const { w1, b1, w2 } = net
  const h = new Float64Array(H)
  const x = new Float64Array(d)
  const gAtt = new Float64Array(dims)
  const order = examples.map((_, i) => i)
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const rate = opts.learningRate / (1 + epoch * 0.1)
    for (const i of shuffle(order, random)) {
      const s = X[i]!
      x.fill(0)
      const a = attend(s, x)
      const g = sigmoid(mlpLogit(net, x, h)) - examples[i]!.label
      gAtt.fill(0)
      for (let u = 0; u < H; u++) {
        const gh = h[u]! > 0 ? g * w2[u]! : 0
        w2[u]! -= rate * (g * h[u]! + opts.l2 * w2[u]!)
        if (gh === 0) continue
        const row = u * d
        for (let k = 0; k < dims; k++) gAtt[k]! += (gh * w1[row + baseInputs + k]!) / c
        for (let k = 0; k < d; k++) w1[row + k]! -= rate * (gh * x[k]! + opts.l2 * w1[row + k]!)
        b1[u]! -= rate * gh
      }
      net.b2 -= rate * g
      // dL/ds_t = a_t (v_t - mean)·gAtt, dL/dq = Σ_t dL/ds_t v_t (mean = c × attention group).
      let meanDot = 0
      for (let k = 0; k < dims; k++) meanDot += x[baseInputs + k]! * c * gAtt[k]!
      s.rows.forEach((r, t) => {
        let vDot = 0
        for (let k = 0; k < dims; k++) vDot += table.vectors[r * dims + k]! * gAtt[k]!
        const gs = a[t]! * (vDot - meanDot)
        for (let k = 0; k < dims; k++) q[k]! -= rate * gs * table.vectors[r * dims + k]!
      })
    }
  }
  return (text: string) => {
    const xs = new Float64Array(d)
    attend(prepare(text), xs)
    return mlpLogit(net, xs)
  }
}
