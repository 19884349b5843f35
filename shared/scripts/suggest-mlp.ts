/**
 * Training of the small network of shared/src/suggest/mlp.ts: plain SGD on log-loss,
 * seeded initialisation and order, a fixed number of epochs (deterministic).
 */
import type { EmbeddingTable, Pooling } from '../src/suggest/embeddings.js'
import { signalNames, tokens } from '../src/suggest/hashing.js'
import { mlpInput, mlpInputs, mlpLogit, type Mlp } from '../src/suggest/mlp.js'
import { mulberry32, shuffle, sigmoid, type Example } from './suggest-lib.js'

export interface MlpOptions {
  table: EmbeddingTable
  pooling: Pooling
  hidden: number
  epochs: number
  learningRate: number
  l2: number
  seed: number
}

export function sentenceInput(text: string, opts: Pick<MlpOptions, 'table' | 'pooling'>): Float64Array {
  return mlpInput(tokens(text), signalNames(text), opts.table, opts.pooling)
}

/** Glorot-uniform weights: `n` draws from ±√(6 / (fanIn + fanOut)), in order. */
export function glorot(n: number, fanIn: number, fanOut: number, random: () => number): Float64Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut))
  return new Float64Array(n).map(() => (random() - 0.5) * 2 * limit)
}

/** A network whose weights training may write (the shipped `Mlp` only reads them). */
export type TrainableMlp = Mlp & { w1: Float64Array; b1: Float64Array; w2: Float64Array }

/** A network before training: Glorot-uniform weights (the first layer drawn first), zero biases. */
export function initialMlp(inputs: number, hidden: number, random: () => number): TrainableMlp {
  const w1 = glorot(inputs * hidden, inputs, hidden, random)
  const w2 = glorot(hidden, hidden, 1, random)
  return { inputs, hidden, w1, b1: new Float64Array(hidden), w2, b2: 0 }
}

export function trainMlp(examples: Example[], opts: MlpOptions): Mlp {
  const X = examples.map((e) => sentenceInput(e.text, opts))
  const d = mlpInputs(opts.pooling, opts.table)
  const H = opts.hidden
  const random = mulberry32(opts.seed)
  const net = initialMlp(d, H, random)
  const { w1, b1, w2 } = net
  const h = new Float64Array(H)
  const order = examples.map((_, i) => i)
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const rate = opts.learningRate / (1 + epoch * 0.1)
    for (const i of shuffle(order, random)) {
      const x = X[i]!
      const g = sigmoid(mlpLogit(net, x, h)) - examples[i]!.label
      for (let u = 0; u < H; u++) {
        const gh = h[u]! > 0 ? g * w2[u]! : 0
        w2[u]! -= rate * (g * h[u]! + opts.l2 * w2[u]!)
        if (gh === 0) continue
        const row = u * d
        for (let k = 0; k < d; k++) w1[row + k]! -= rate * (gh * x[k]! + opts.l2 * w1[row + k]!)
        b1[u]! -= rate * gh
      }
      net.b2 -= rate * g
    }
  }
  return net
}
