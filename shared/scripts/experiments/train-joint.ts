/**
 * Experiment, not shipped (see ablate.ts). Joint training of the logistic regression and the small network ("wide and deep",
 * Cheng et al. 2016): one logit, their sum, so the network learns what the n-grams miss
 * rather than the same thing again. AdaGrad for the sparse weights as in trainLogistic,
 * the network's plain SGD as in trainMlp; seeded, a fixed number of epochs (deterministic).
 */
import { mlpInputs, mlpLogit, type Mlp } from '../../src/suggest/mlp.js'
import { initialMlp, sentenceInput, type MlpOptions } from '../suggest-mlp.js'
import {
  dot,
  mulberry32,
  nbRatios,
  shuffle,
  sigmoid,
  vectorize,
  weightCount,
  type Example,
  type LinearModel,
  type TrainOptions,
} from '../suggest-lib.js'

export function trainJoint(
  examples: Example[],
  opts: TrainOptions,
  mlpOpts: MlpOptions,
): { lr: LinearModel; net: Mlp } {
  const size = weightCount(opts)
  const weights = new Float64Array(size)
  const g2 = new Float64Array(size).fill(1e-8)
  const vectors = examples.map((e) => vectorize(e.text, opts))
  const ratio = opts.nbAlpha ? nbRatios(examples, vectors, 1 << opts.features.bits, size, opts.nbAlpha) : null
  if (ratio) for (const x of vectors) for (let k = 0; k < x.index.length; k++) x.value[k]! *= ratio[x.index[k]!]!
  const X = examples.map((e) => sentenceInput(e.text, mlpOpts))
  const d = mlpInputs(mlpOpts.pooling, mlpOpts.table)
  const H = mlpOpts.hidden
  const random = mulberry32(mlpOpts.seed)
  const net = initialMlp(d, H, random)
  const { w1, b1, w2 } = net
  const h = new Float64Array(H)
  const order = examples.map((_, i) => i)
  const epochs = Math.max(opts.epochs, mlpOpts.epochs)
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = mlpOpts.learningRate / (1 + epoch * 0.1)
    const sparse = epoch < opts.epochs
    const dense = epoch < mlpOpts.epochs
    for (const i of shuffle(order, random)) {
      const x = vectors[i]!
      const xi = X[i]!
      const y = examples[i]!.label
      const g = sigmoid(dot(weights, x) + mlpLogit(net, xi, h)) - y
      if (sparse)
        for (let k = 0; k < x.index.length; k++) {
          const j = x.index[k]!
          const gj = g * x.value[k]! + opts.l2 * weights[j]!
          g2[j]! += gj * gj
          weights[j]! -= (opts.learningRate * gj) / Math.sqrt(g2[j]!)
        }
      if (!dense) continue
      for (let u = 0; u < H; u++) {
        const gh = h[u]! > 0 ? g * w2[u]! : 0
        w2[u]! -= rate * (g * h[u]! + mlpOpts.l2 * w2[u]!)
        if (gh === 0) continue
        const row = u * d
        for (let k = 0; k < d; k++) w1[row + k]! -= rate * (gh * xi[k]! + mlpOpts.l2 * w1[row + k]!)
        b1[u]! -= rate * gh
      }
      net.b2 -= rate * g
    }
  }
  if (ratio) for (let j = 0; j < size; j++) weights[j]! *= ratio[j]!
  return { lr: { weights, features: opts.features, embedding: opts.embedding }, net }
}
