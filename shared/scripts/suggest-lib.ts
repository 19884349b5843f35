/**
 * Data split and logistic-regression training shared by `pnpm train:suggest` and
 * `pnpm eval:suggest`. Deterministic: a seeded generator drives every split and shuffle,
 * and training runs a fixed number of epochs.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { appendPooled, pooledDims, type EmbeddingTable, type Pooling } from '../src/suggest/embeddings.js'
import { featurize, tokens, type FeatureOptions, type SparseVector } from '../src/suggest/hashing.js'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export interface Example {
  id: number
  text: string
  label: 0 | 1
}

/** `../shared/datasets/claimbuster/train.json` beside the repository, or CLAIMBUSTER_TRAIN. */
export function loadTrainSplit(): Example[] {
  const path = process.env.CLAIMBUSTER_TRAIN ?? resolve(REPO_ROOT, '../shared/datasets/claimbuster/train.json')
  if (!existsSync(path)) {
    console.error(
      `ClaimBuster training split not found at ${path}.\n` +
        "Put the benchmark's two-class train.json there, or set CLAIMBUSTER_TRAIN=/path/to/train.json. " +
        'Never use its published test split here.',
    )
    process.exit(2)
  }
  const rows = JSON.parse(readFileSync(path, 'utf8')) as Array<{ sentence_id: number; label: number; text: string }>
  return rows
    .map((r) => ({ id: r.sentence_id, text: r.text, label: (r.label === 1 ? 1 : 0) as 0 | 1 }))
    .sort((a, b) => a.id - b.id)
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Stratified split: `fraction` of each class goes to the second part. */
export function stratifiedSplit(examples: Example[], fraction: number, seed: number): [Example[], Example[]] {
  const random = mulberry32(seed)
  const first: Example[] = []
  const second: Example[] = []
  for (const label of [0, 1] as const) {
    const ofClass = shuffle(
      examples.filter((e) => e.label === label),
      random,
    )
    const cut = Math.round(ofClass.length * fraction)
    second.push(...ofClass.slice(0, cut))
    first.push(...ofClass.slice(cut))
  }
  return [first.sort((a, b) => a.id - b.id), second.sort((a, b) => a.id - b.id)]
}

/** The fixed seed of the 80 % / 20 % split: the 20 % is held out from training and tuning. */
export const HOLDOUT_SEED = 17
export const VALIDATION_SEED = 1717

export function holdoutSplit(): { train: Example[]; test: Example[] } {
  const [train, test] = stratifiedSplit(loadTrainSplit(), 0.2, HOLDOUT_SEED)
  return { train, test }
}

export interface TrainOptions {
  features: FeatureOptions
  epochs: number
  /** L2 penalty per example. */
  l2: number
  learningRate: number
  /** Weight of a positive example relative to a negative one. */
  positiveWeight: number
  seed: number
  /**
   * Naive-Bayes scaling (NBSVM, Wang & Manning 2012): each feature is multiplied by its
   * log-count ratio between the classes before the regression; folded back into the
   * weights after training, so scoring costs the same. 0 turns it off.
   */
  nbAlpha?: number
  /** Pooled pretrained word vectors, as dense features after the hashed buckets. */
  embedding?: { table: EmbeddingTable; pooling: Pooling }
}

export interface LinearModel {
  weights: Float64Array
  features: FeatureOptions
  embedding?: TrainOptions['embedding']
}

/** Buckets of the hashed features plus the dense embedding features. */
export function weightCount(opts: Pick<TrainOptions, 'features' | 'embedding'>): number {
  const e = opts.embedding
  return (1 << opts.features.bits) + (e ? pooledDims(e.pooling, e.table.dims) : 0)
}

export function vectorize(text: string, opts: Pick<TrainOptions, 'features' | 'embedding'>): SparseVector {
  const x = featurize(text, opts.features)
  const e = opts.embedding
  if (e) appendPooled(tokens(text), e.table, e.pooling, 1 << opts.features.bits, x.index, x.value)
  return x
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z))
}

export function dot(weights: ArrayLike<number>, x: SparseVector): number {
  let z = 0
  for (let i = 0; i < x.index.length; i++) z += weights[x.index[i]!]! * x.value[i]!
  return z
}

/** Logistic regression by AdaGrad over the hashed features, a fixed number of epochs. */
export function trainLogistic(examples: Example[], opts: TrainOptions): LinearModel {
  const size = weightCount(opts)
  const weights = new Float64Array(size)
  const g2 = new Float64Array(size).fill(1e-8)
  const vectors = examples.map((e) => vectorize(e.text, opts))
  const ratio = opts.nbAlpha ? nbRatios(examples, vectors, 1 << opts.features.bits, size, opts.nbAlpha) : null
  if (ratio) for (const x of vectors) for (let k = 0; k < x.index.length; k++) x.value[k]! *= ratio[x.index[k]!]!
  const random = mulberry32(opts.seed)
  const order = examples.map((_, i) => i)
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const shuffled = shuffle(order, random)
    for (const i of shuffled) {
      const x = vectors[i]!
      const y = examples[i]!.label
      const p = sigmoid(dot(weights, x))
      const w = y === 1 ? opts.positiveWeight : 1
      const err = (p - y) * w
      for (let k = 0; k < x.index.length; k++) {
        const j = x.index[k]!
        const g = err * x.value[k]! + opts.l2 * weights[j]!
        g2[j]! += g * g
        weights[j]! -= (opts.learningRate * g) / Math.sqrt(g2[j]!)
      }
    }
  }
  if (ratio) for (let j = 0; j < size; j++) weights[j]! *= ratio[j]!
  return { weights, features: opts.features, embedding: opts.embedding }
}

/** Log-count ratios of the hashed buckets; the dense features after them keep ratio 1. */
export function nbRatios(
  examples: Example[],
  vectors: SparseVector[],
  hashed: number,
  total: number,
  alpha: number,
): Float64Array {
  const size = hashed
  const pos = new Float64Array(size).fill(alpha)
  const neg = new Float64Array(size).fill(alpha)
  vectors.forEach((x, i) => {
    const counts = examples[i]!.label === 1 ? pos : neg
    for (let k = 0; k < x.index.length; k++) if (x.index[k]! < size) counts[x.index[k]!]! += x.value[k]!
  })
  let pSum = 0
  let nSum = 0
  for (let j = 0; j < size; j++) {
    pSum += pos[j]!
    nSum += neg[j]!
  }
  const ratio = new Float64Array(total).fill(1)
  for (let j = 0; j < size; j++) ratio[j] = Math.abs(Math.log(pos[j]! / pSum / (neg[j]! / nSum))) + 0.1
  ratio[0] = 1
  return ratio
}

export function predict(model: LinearModel, text: string): number {
  return sigmoid(dot(model.weights, vectorize(text, model)))
}

export interface Scores {
  precision: number
  recall: number
  f1: number
  tp: number
  fp: number
  fn: number
}

export function prf(predicted: boolean[], labels: Array<0 | 1>): Scores {
  let tp = 0
  let fp = 0
  let fn = 0
  predicted.forEach((p, i) => {
    if (p && labels[i] === 1) tp++
    else if (p) fp++
    else if (labels[i] === 1) fn++
  })
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, tp, fp, fn }
}

/**
 * The threshold with the best F1 among those reaching `minPrecision` (on validation
 * scores only), or the best-F1 threshold if none does.
 */
export function chooseThreshold(
  probabilities: number[],
  labels: Array<0 | 1>,
  minPrecision: number,
): { threshold: number; scores: Scores } {
  let best: { threshold: number; scores: Scores } | null = null
  let bestAny: { threshold: number; scores: Scores } | null = null
  for (let t = 0.05; t < 0.96; t += 0.01) {
    const threshold = Math.round(t * 100) / 100
    const scores = prf(
      probabilities.map((p) => p >= threshold),
      labels,
    )
    if (!bestAny || scores.f1 > bestAny.scores.f1) bestAny = { threshold, scores }
    if (scores.precision >= minPrecision && (!best || scores.f1 > best.scores.f1)) best = { threshold, scores }
  }
  return best ?? bestAny!
}

/** What the shipped model must reach, as in issue 17; thresholds are chosen for it. */
export const MIN_PRECISION = 0.75

/**
 * Out-of-fold probabilities over `train` (k stratified folds, fixed seeds): each sentence
 * scored by a model `fitPredict` trained on the other folds. Returned in `train`'s order.
 */
export function outOfFold(
  train: Example[],
  fitPredict: (fit: Example[], held: Example[]) => number[],
  k = 4,
): number[] {
  const byExample = new Map<Example, number>()
  let rest = train
  for (let fold = 0; fold < k; fold++) {
    const [others, held] = fold === k - 1 ? [[], rest] : stratifiedSplit(rest, 1 / (k - fold), VALIDATION_SEED + fold)
    rest = others
    const heldSet = new Set(held)
    const p = fitPredict(
      train.filter((e) => !heldSet.has(e)),
      held,
    )
    held.forEach((e, i) => {
      byExample.set(e, p[i]!)
    })
  }
  return train.map((e) => byExample.get(e)!)
}

/** The decision threshold from out-of-fold scores over `train` (k folds, stratified). */
export function crossValidatedThreshold(train: Example[], opts: TrainOptions, k = 4) {
  const probabilities = outOfFold(
    train,
    (fit, held) => {
      const model = trainLogistic(fit, opts)
      return held.map((e) => predict(model, e.text))
    },
    k,
  )
  return chooseThreshold(
    probabilities,
    train.map((e) => e.label),
    MIN_PRECISION,
  )
}
