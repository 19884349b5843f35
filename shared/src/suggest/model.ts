/**
 * The shipped check-worthiness model: logistic regression over hashed word n-grams,
 * character n-grams, the interpretable signals (see hashing.ts) and pooled pretrained word
 * vectors (embeddings.ts), blended with a small network over the word vectors and signals
 * (mlp.ts); trained by `pnpm train:suggest` on the ClaimBuster training split. Runs
 * offline, in the browser and on the server alike: weights, words and vectors are strings
 * inside model-weights.ts.
 */
import { appendPooled, decodeTable, type EmbeddingTable } from './embeddings.js'
import type { SuggestionReason } from './features.js'
import { featurize, fnv1a, signalNames, tokens } from './hashing.js'
import { mlpInput, mlpLogit, type Mlp } from './mlp.js'
import { MODEL } from './model-weights.js'
import { dequantise } from './quantise.js'

interface Loaded {
  weights: Float32Array
  table: EmbeddingTable
  net: Mlp
}

let loaded: Loaded | null = null

function bytesOf(base64: string): Int8Array {
  const binary = atob(base64)
  const bytes = new Int8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = (binary.charCodeAt(i) << 24) >> 24
  return bytes
}

/** Decoded once, on the first sentence scored. */
function load(): Loaded {
  if (loaded) return loaded
  const e = MODEL.embedding
  const m = MODEL.mlp
  const w1 = dequantise(bytesOf(m.w1), m.scale1)
  loaded = {
    weights: dequantise(bytesOf(MODEL.weights), MODEL.scale),
    table: decodeTable(e.words, e.dims, e.scales, bytesOf(e.vectors)),
    net: {
      inputs: m.inputs,
      hidden: m.hidden,
      w1: w1.subarray(0, m.inputs * m.hidden),
      b1: w1.subarray(m.inputs * m.hidden),
      w2: dequantise(bytesOf(m.w2), m.scale2),
      b2: m.b2,
    },
  }
  return loaded
}

/** What a checker is told about each interpretable signal that pushed a sentence up. */
const SIGNAL_EXPLANATIONS: Readonly<Record<string, string>> = {
  'f:percentage': 'states a percentage',
  'f:number': 'contains a figure',
  'f:numword': 'contains a figure',
  'f:quantity': 'counts or measures something',
  'f:attribution': 'reports what someone said or claimed',
  'f:superlative': 'says something is the most, first or a record',
  'f:date': 'names a date',
  'f:comparison': 'compares or approximates a figure',
  'f:name': 'names people, places or organisations',
  'f:names3': 'names people, places or organisations',
  'f:causal': 'says what caused what',
  'f:action': 'reports a concrete action or change',
}

const MAX_EXPLANATIONS = 4

export const LEARNED_EXPLANATION = 'wording often seen in check-worthy statements'

export interface ModelScore {
  /** Probability that the sentence is check-worthy, 0..1. */
  probability: number
  /** The model's decision threshold on `probability` (chosen on validation data). */
  threshold: number
  /** Short human-readable reasons, strongest first. */
  explanations: string[]
}

/** Scores one sentence; deterministic. */
export function modelScore(sentence: string, reasons?: readonly SuggestionReason[]): ModelScore {
  const { weights: w, table, net } = load()
  const names = signalNames(sentence, reasons)
  const toks = tokens(sentence)
  const x = featurize(sentence, MODEL.features, names)
  appendPooled(toks, table, MODEL.embedding.pooling, 1 << MODEL.features.bits, x.index, x.value)
  let z = 0
  for (let i = 0; i < x.index.length; i++) z += w[x.index[i]!]! * x.value[i]!
  const blended =
    (1 - MODEL.blend) * z + MODEL.blend * mlpLogit(net, mlpInput(toks, names, table, MODEL.embedding.pooling))
  const probability = 1 / (1 + Math.exp(-blended))
  return { probability, threshold: MODEL.threshold, explanations: explain(names, w, blended) }
}

/**
 * Reasons from the signals whose learned weight pushed this sentence up, plus the learned
 * wording when the rest (n-grams, word vectors and the network) leans towards check-worthy.
 * `total` is the blended logit, in which the regression's terms count (1 - blend).
 */
function explain(names: readonly string[], w: Float32Array, total: number): string[] {
  const mask = (1 << MODEL.features.bits) - 1
  const signalValue = names.length > 0 ? 1 / Math.sqrt(names.length) : 0
  const contributions = new Map<string, number>()
  let signalSum = 0
  for (const name of names) {
    const c = w[fnv1a(name) & mask]! * signalValue * (1 - MODEL.blend)
    signalSum += c
    const text = SIGNAL_EXPLANATIONS[name]
    if (text && c > 0) contributions.set(text, (contributions.get(text) ?? 0) + c)
  }
  const learned = total - signalSum - w[0]! * (1 - MODEL.blend)
  if (learned > 0) contributions.set(LEARNED_EXPLANATION, learned)
  return [...contributions.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_EXPLANATIONS)
    .map(([text]) => text)
}

/** Characters of weights, words and vectors shipped in the bundle. */
export const MODEL_SIZE_BYTES =
  MODEL.weights.length +
  MODEL.embedding.words.length +
  MODEL.embedding.vectors.length +
  MODEL.mlp.w1.length +
  MODEL.mlp.w2.length
