/**
 * Feature extraction for the learned check-worthiness model: the same code runs when the
 * model is trained (shared/scripts/train-suggest.ts) and when it scores a sentence in the
 * browser or on the server, so the two can never drift apart.
 *
 * Every feature is a string ("w:tax", "b:tax|cut", "c:per", "f:attribution") hashed with
 * 32-bit FNV-1a into a fixed number of buckets (feature hashing): no vocabulary is stored.
 */

import { detectReasons } from './features.js'

const FNV_OFFSET = 0x811c9dc5

/** FNV-1a over UTF-16 code units; identical in every JS engine. */
export function fnv1a(text: string): number {
  return fnvContinue(FNV_OFFSET, text, 0, text.length) >>> 0
}

/** FNV-1a state `h` carried on over `text[from, to)`: hashes a prefix and a slice without building the string. */
function fnvContinue(h: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h
}

/** A sparse feature vector: bucket indices and their values (a bucket may repeat). */
export interface SparseVector {
  index: number[]
  value: number[]
}

export interface FeatureOptions {
  /** log2 of the bucket count. */
  bits: number
  /** Word uni- and bigrams. */
  words: boolean
  /** Character n-grams of these lengths, over the lower-cased text with words padded by spaces. */
  charNgrams: readonly number[]
  /** Word trigrams as well. */
  trigrams?: boolean
  /** The interpretable signals (figures, attributions, names, causal words…). */
  signals: boolean
}

const NUMBER_WORD = new RegExp(
  '\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|' +
    'eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|' +
    'trillion|dozens?|half|twice|double|triple|percent)\\b',
  'i',
)

/** Words a sentence may start with, or function words, that are capitalised without being names. */
const COMMON_CAPITALISED: ReadonlySet<string> = new Set([
  'i',
  'the',
  'a',
  'an',
  'and',
  'but',
  'or',
  'so',
  'we',
  'he',
  'she',
  'they',
  'it',
  'you',
  'this',
  'that',
  'these',
  'those',
  'there',
  'now',
  'well',
  'in',
  'on',
  'at',
  'of',
  'for',
  'if',
  'when',
  'mr',
  'mrs',
  'ms',
  'dr',
])

const TOKEN = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*|[$%€£]/gu

/** Lower-cased word tokens; numerals become a shape ("#", "#.#", "####" for a year). */
export function tokens(sentence: string): string[] {
  const out: string[] = []
  for (const match of sentence.matchAll(TOKEN)) {
    const token = match[0].toLowerCase().replace(/’/g, "'")
    if (/\d/.test(token)) out.push(/^(?:1[89]|20)\d\d$/.test(token) ? '<year>' : '<num>')
    else out.push(token)
  }
  return out
}

const CAUSAL =
  /\b(?:because|caused?|causes|causing|due to|led to|leads? to|result(?:ed|s)? in|as a result|thanks to|blamed?|responsible for|so that|therefore|consequently)\b/i
const ACTION =
  /\b(?:voted|vote[sd]? (?:for|against)|passed|signed|vetoed|cut|raised|increased|decreased|reduced|created|lost|spent|won|doubled|tripled|fell|rose|grew|declined|killed|died)\b/i
const OPINION =
  /\b(?:i think|i believe|i feel|we need|we must|we should|we're going to|we will|i will|i'm going to|i want|let me|i hope|thank you|my friend)\b/i
const PRESENT_FACT = /\b(?:is|are|was|were|has|have|had)\b/i

/** The interpretable signals of a sentence, as feature names (also what its reasons are built from). */
export function signalNames(sentence: string, reasons: readonly string[] = detectReasons(sentence)): string[] {
  const names: string[] = reasons.map((r) => `f:${r}`)
  let capitalised = 0
  // Capitalised words after the first (a sentence's first word is capitalised anyway).
  for (const match of sentence.matchAll(CAPITALISED)) {
    if (!COMMON_CAPITALISED.has(match[1]!.toLowerCase())) capitalised++
  }
  if (capitalised > 0) names.push('f:name')
  if (capitalised > 2) names.push('f:names3')
  if (CAUSAL.test(sentence)) names.push('f:causal')
  if (ACTION.test(sentence)) names.push('f:action')
  if (OPINION.test(sentence)) names.push('f:opinion')
  if (PRESENT_FACT.test(sentence)) names.push('f:be')
  if (/\?["'”’)\]]*\s*$/.test(sentence)) names.push('f:question')
  const length = wordCount(sentence)
  names.push(length < 6 ? 'f:len<6' : length < 12 ? 'f:len<12' : length < 25 ? 'f:len<25' : 'f:len25+')
  if (NUMBER_WORD.test(sentence)) names.push('f:numword')
  return names
}

const CAPITALISED = /\s[^\p{L}\s]*(\p{Lu}[\p{Ll}\p{Lu}]\p{L}*)/gu

function wordCount(sentence: string): number {
  let count = 0
  for (const _ of sentence.matchAll(/\S+/g)) count++
  return count
}

/**
 * The hashed feature vector of one sentence. Each group (words, each n-gram length, signals)
 * is scaled to unit length, so long sentences do not outweigh short ones and no group
 * drowns another. A constant bias feature is included.
 */
export function featurize(sentence: string, opts: FeatureOptions, signals?: readonly string[]): SparseVector {
  const mask = (1 << opts.bits) - 1
  const index: number[] = []
  const value: number[] = []
  const addGroup = (names: string[]) => {
    if (names.length === 0) return
    const v = 1 / Math.sqrt(names.length)
    for (const name of names) {
      index.push(fnv1a(name) & mask)
      value.push(v)
    }
  }
  index.push(0)
  value.push(1) // bias: bucket 0 (collisions with it are harmless noise)
  const toks = tokens(sentence)
  if (opts.words) {
    const uni: string[] = []
    const bi: string[] = []
    let previous = '<s>'
    for (const t of toks) {
      uni.push(`w:${t}`)
      bi.push(`b:${previous}|${t}`)
      previous = t
    }
    bi.push(`b:${previous}|</s>`)
    addGroup(uni)
    addGroup(bi)
    if (opts.trigrams) {
      const tri: string[] = []
      for (let i = 2; i < toks.length; i++) tri.push(`t:${toks[i - 2]}|${toks[i - 1]}|${toks[i]}`)
      addGroup(tri)
    }
  }
  if (opts.charNgrams.length > 0) {
    const padded = ` ${toks.join(' ')} `
    for (const n of opts.charNgrams) {
      // The hash of `c${n}:${gram}`, computed in place.
      const prefix = fnvContinue(FNV_OFFSET, `c${n}:`, 0, `c${n}:`.length)
      const count = padded.length - n + 1
      if (count <= 0) continue
      const v = 1 / Math.sqrt(count)
      for (let i = 0; i < count; i++) {
        index.push((fnvContinue(prefix, padded, i, i + n) >>> 0) & mask)
        value.push(v)
      }
    }
  }
  if (opts.signals) addGroup([...(signals ?? signalNames(sentence))])
  return { index, value }
}
