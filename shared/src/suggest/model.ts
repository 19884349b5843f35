/**
 * The shipped check-worthiness model: logistic regression over hashed word n-grams,
 * character n-grams and the interpretable signals (see hashing.ts), trained by
 * `pnpm train:suggest` on the ClaimBuster training split. Runs offline, in the browser and
 * on the server alike: the weights are a base64 string inside model-weights.ts.
 */
import type { SuggestionReason } from './features.js';
import { featurize, fnv1a, signalNames } from './hashing.js';
import { MODEL } from './model-weights.js';
import { dequantise } from './quantise.js';

let weights: Float32Array | null = null;

function loadWeights(): Float32Array {
  if (weights) return weights;
  const binary = atob(MODEL.weights);
  const bytes = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = (binary.charCodeAt(i) << 24) >> 24;
  weights = dequantise(bytes, MODEL.scale);
  return weights;
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
};

const MAX_EXPLANATIONS = 4;

export const LEARNED_EXPLANATION = 'wording often seen in check-worthy statements';

export interface ModelScore {
  /** Probability that the sentence is check-worthy, 0..1. */
  probability: number;
  /** The model's decision threshold on `probability` (chosen on validation data). */
  threshold: number;
  /** Short human-readable reasons, strongest first. */
  explanations: string[];
}

/** Scores one sentence; deterministic. */
export function modelScore(sentence: string, reasons?: readonly SuggestionReason[]): ModelScore {
  const w = loadWeights();
  const names = signalNames(sentence, reasons);
  const x = featurize(sentence, MODEL.features, names);
  let z = 0;
  for (let i = 0; i < x.index.length; i++) z += w[x.index[i]!]! * x.value[i]!;
  const probability = 1 / (1 + Math.exp(-z));
  return { probability, threshold: MODEL.threshold, explanations: explain(names, w, z) };
}

/**
 * Reasons from the signals whose learned weight pushed this sentence up, plus the learned
 * wording when the n-grams alone lean towards check-worthy.
 */
function explain(names: readonly string[], w: Float32Array, total: number): string[] {
  const mask = (1 << MODEL.features.bits) - 1;
  const signalValue = names.length > 0 ? 1 / Math.sqrt(names.length) : 0;
  const contributions = new Map<string, number>();
  let signalSum = 0;
  for (const name of names) {
    const c = w[fnv1a(name) & mask]! * signalValue;
    signalSum += c;
    const text = SIGNAL_EXPLANATIONS[name];
    if (text && c > 0) contributions.set(text, (contributions.get(text) ?? 0) + c);
  }
  const learned = total - signalSum - w[0]!;
  if (learned > 0) contributions.set(LEARNED_EXPLANATION, learned);
  return [...contributions.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_EXPLANATIONS)
    .map(([text]) => text);
}

/** Bytes of weights shipped (base64 characters in the bundle). */
export const MODEL_SIZE_BYTES = MODEL.weights.length;
