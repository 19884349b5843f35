/**
 * A small neural network (one hidden layer of ReLU units) over a sentence's pooled word
 * vectors and its interpretable signals. Its logit is blended with the n-gram logistic
 * regression's: the network sees meaning the n-grams miss, the n-grams the exact wording.
 * The forward pass here is the one training uses, so the two cannot drift apart.
 */
import { appendPooled, pooledDims, type EmbeddingTable, type Pooling } from './embeddings.js'
import { featurize } from './hashing.js'

/** The signals are hashed into this many inputs after the pooled vectors. */
const SIGNAL_BITS = 6

export interface Mlp {
  inputs: number
  hidden: number
  /** hidden × inputs, row-major. */
  w1: ArrayLike<number>
  b1: ArrayLike<number>
  w2: ArrayLike<number>
  b2: number
}

export function mlpInputs(pooling: Pooling, table: EmbeddingTable): number {
  return pooledDims(pooling, table.dims) + (1 << SIGNAL_BITS)
}

/** The network's input for one sentence: pooled vectors, then the hashed signals. */
export function mlpInput(
  toks: readonly string[],
  signals: readonly string[],
  table: EmbeddingTable,
  pooling: Pooling,
): Float64Array {
  const pooled = pooledDims(pooling, table.dims)
  const x = new Float64Array(pooled + (1 << SIGNAL_BITS))
  const index: number[] = []
  const value: number[] = []
  appendPooled(toks, table, pooling, 0, index, value)
  for (let i = 0; i < index.length; i++) x[index[i]!] = value[i]!
  const s = featurize('', { bits: SIGNAL_BITS, words: false, charNgrams: [], signals: true }, signals)
  // Entry 0 is featurize's bias; the network has its own.
  for (let i = 1; i < s.index.length; i++) x[pooled + s.index[i]!]! += s.value[i]!
  return x
}

/** The network's logit; `hidden` receives the ReLU activations when given (training needs them). */
export function mlpLogit(net: Mlp, x: ArrayLike<number>, hidden?: Float64Array): number {
  let z = net.b2
  const d = net.inputs
  for (let u = 0; u < net.hidden; u++) {
    let a = net.b1[u]!
    const row = u * d
    for (let k = 0; k < d; k++) a += net.w1[row + k]! * x[k]!
    const h = Math.max(a, 0)
    if (hidden) hidden[u] = h
    z += net.w2[u]! * h
  }
  return z
}
