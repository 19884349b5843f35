/**
 * Experiment, not shipped (see ablate.ts, study `vocab4`): word vectors at 4 bits a value
 * (15 levels, a scale per dimension), so 20,000 words × 100 dimensions take 1 MB raw,
 * about the bytes of the shipped 5,000 words at int8 times two.
 */
import type { EmbeddingTable } from '../../src/suggest/embeddings.js'
import { fullTable } from '../embedding-source.js'

/** The table as its 4-bit form decodes: each value rounded to one of 15 levels of its dimension's range. */
export function fourBitTable(words: string[], source: EmbeddingTable = fullTable(words)): EmbeddingTable {
  const full = source
  const d = full.dims
  const scales = new Float64Array(d)
  for (let i = 0; i < full.vectors.length; i++) scales[i % d] = Math.max(scales[i % d]!, Math.abs(full.vectors[i]!))
  const vectors = full.vectors.map((v, i) => (Math.round((v / scales[i % d]!) * 7) / 7) * scales[i % d]!)
  return { dims: d, rows: full.rows, vectors }
}
