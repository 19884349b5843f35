/**
 * Experiment, not shipped (see ablate.ts, study `gbdt`): the boosted trees of gbdt.ts over
 * a sentence's dense features: its interpretable signals, word count, optionally its pooled
 * word vectors, and other models' out-of-fold logits as stacked features.
 */
import { appendPooled, pooledDims, type EmbeddingTable, type Pooling } from '../../src/suggest/embeddings.js'
import { signalNames, tokens } from '../../src/suggest/hashing.js'
import { outOfFold, type Example } from '../suggest-lib.js'
import { gbdtLogit, trainGbdt, type GbdtOptions } from './gbdt.js'

const SIGNALS = [
  'f:percentage',
  'f:number',
  'f:quantity',
  'f:attribution',
  'f:superlative',
  'f:date',
  'f:comparison',
  'f:name',
  'f:names3',
  'f:causal',
  'f:action',
  'f:opinion',
  'f:be',
  'f:question',
  'f:numword',
]

export interface DenseOptions {
  table: EmbeddingTable
  pooling: Pooling
  vectors: boolean
}

/** One row per example: stacked logits, signals, word and numeral counts, then pooled vectors. */
export function denseFeatures(examples: Example[], opts: DenseOptions, stacked: readonly number[][]): Float64Array[] {
  return examples.map((e, i) => {
    const toks = tokens(e.text)
    const names = new Set(signalNames(e.text))
    const row = [
      ...stacked.map((z) => z[i]!),
      ...SIGNALS.map((s) => (names.has(s) ? 1 : 0)),
      toks.length,
      toks.filter((t) => t === '<num>' || t === '<year>').length,
      toks.filter((t) => t.length > 6).length / Math.max(1, toks.length),
    ]
    if (opts.vectors) {
      const index: number[] = []
      const value: number[] = []
      appendPooled(toks, opts.table, opts.pooling, 0, index, value)
      const pooled = new Array<number>(pooledDims(opts.pooling, opts.table.dims)).fill(0)
      for (let k = 0; k < index.length; k++) pooled[index[k]!] = value[k]!
      row.push(...pooled)
    }
    return Float64Array.from(row)
  })
}

export const GBDT: GbdtOptions = {
  trees: 200,
  depth: 3,
  learningRate: 0.05,
  lambda: 1,
  minHessian: 5,
  rowSample: 0.8,
  columnSample: 0.5,
  seed: 11,
}

/**
 * Out-of-fold logits of the trees over `X` (rows in `train`'s order). Stacked logits in `X`
 * come from the same folds' out-of-fold scores, the usual stacking shortcut: a tree of fold
 * k learns from rows whose stacked scores fold k's models helped make.
 */
export function stackedGbdt(train: Example[], X: Float64Array[], o: Partial<GbdtOptions> = {}): number[] {
  const opts = { ...GBDT, ...o }
  const row = new Map(train.map((e, i) => [e, X[i]!]))
  return outOfFold(train, (fit, held) => {
    const model = trainGbdt(
      fit.map((e) => row.get(e)!),
      fit.map((e) => e.label),
      opts,
    )
    return held.map((e) => gbdtLogit(model, row.get(e)!))
  })
}
