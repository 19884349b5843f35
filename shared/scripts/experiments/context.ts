/**
 * Experiment, not shipped (see ablate.ts): does the neighbouring debate sentence's wording
 * help? ClaimBuster's sentence ids follow the debates' order, with gaps where sentences are
 * not in the training split. The neighbour's words become a hashed group of their own
 * ("p:" before, "n:" after; "p:none" when there is none within `maxGap` ids).
 */
import { fnv1a, tokens, type SparseVector } from '../../src/suggest/hashing.js'
import {
  dot,
  mulberry32,
  shuffle,
  sigmoid,
  vectorize,
  weightCount,
  type Example,
  type TrainOptions,
} from '../suggest-lib.js'

export interface ContextOptions {
  /** Every sentence of the split, by id: the neighbours' text (never their labels). */
  textById: ReadonlyMap<number, string>
  previous: boolean
  next: boolean
  maxGap: number
}

function neighbour(ctx: ContextOptions, id: number, dir: -1 | 1): string | null {
  for (let k = 1; k <= ctx.maxGap; k++) {
    const text = ctx.textById.get(id + dir * k)
    if (text !== undefined) return text
  }
  return null
}

export function contextVector(e: Example, opts: TrainOptions, ctx: ContextOptions): SparseVector {
  const x = vectorize(e.text, opts)
  const mask = (1 << opts.features.bits) - 1
  const add = (prefix: string, text: string | null) => {
    if (text === null) {
      x.index.push(fnv1a(`${prefix}:none`) & mask)
      x.value.push(1)
      return
    }
    const toks = tokens(text)
    const v = 1 / Math.sqrt(Math.max(1, toks.length))
    for (const t of toks) {
      x.index.push(fnv1a(`${prefix}:${t}`) & mask)
      x.value.push(v)
    }
  }
  if (ctx.previous) add('p', neighbour(ctx, e.id, -1))
  if (ctx.next) add('n', neighbour(ctx, e.id, 1))
  return x
}

/** trainLogistic's AdaGrad (without Naive-Bayes scaling) over the vectors with context; returns a logit scorer. */
export function trainContextLogistic(examples: Example[], opts: TrainOptions, ctx: ContextOptions) {
  const weights = new Float64Array(weightCount(opts))
  const g2 = new Float64Array(weights.length).fill(1e-8)
  const vectors = examples.map((e) => contextVector(e, opts, ctx))
  const random = mulberry32(opts.seed)
  const order = examples.map((_, i) => i)
  for (let epoch = 0; epoch < opts.epochs; epoch++)
    for (const i of shuffle(order, random)) {
      const x = vectors[i]!
      const err = sigmoid(dot(weights, x)) - examples[i]!.label
      for (let k = 0; k < x.index.length; k++) {
        const j = x.index[k]!
        const g = err * x.value[k]! + opts.l2 * weights[j]!
        g2[j]! += g * g
        weights[j]! -= (opts.learningRate * g) / Math.sqrt(g2[j]!)
      }
    }
  return (e: Example) => dot(weights, contextVector(e, opts, ctx))
}
