/**
 * Sentence features from pretrained word embeddings: pooled vectors of a sentence's words,
 * added to the hashed n-grams so the model knows that "unemployment" and "joblessness"
 * mean much the same even when training saw only one of them. The table is a subset of
 * a pretrained set (the most frequent words, int8), shipped inside the weights file; the
 * same code pools at training time and at scoring time.
 */

export interface EmbeddingTable {
  dims: number
  /** Word → row. Rows are ordered by the source's word frequency, most frequent first. */
  rows: ReadonlyMap<string, number>
  /** rows × dims, row-major. */
  vectors: Float32Array
}

/** Which pooled vectors a sentence gets, each as its own unit-length group. */
export interface Pooling {
  mean: boolean
  max: boolean
  /** Mean weighted by log frequency rank: rare words count more (an IDF from the ranks the table already has). */
  rankWeighted: boolean
  /** Length of each pooled group (the hashed groups have length 1). */
  scale: number
}

export function pooledDims(pooling: Pooling, dims: number): number {
  return dims * (Number(pooling.mean) + Number(pooling.max) + Number(pooling.rankWeighted))
}

/**
 * The pooled features of a sentence's tokens, appended as dense features at indices
 * `offset`, `offset + 1`, …; words missing from the table are skipped.
 */
export function appendPooled(
  toks: readonly string[],
  table: EmbeddingTable,
  pooling: Pooling,
  offset: number,
  index: number[],
  value: number[],
): void {
  const d = table.dims
  const mean = new Float64Array(d)
  const weighted = new Float64Array(d)
  const max = new Float64Array(d).fill(-Infinity)
  let found = 0
  for (const t of toks) {
    const row = table.rows.get(t)
    if (row === undefined) continue
    found++
    const w = Math.log(2 + row)
    const base = row * d
    for (let k = 0; k < d; k++) {
      const x = table.vectors[base + k]!
      mean[k]! += x
      weighted[k]! += w * x
      if (x > max[k]!) max[k] = x
    }
  }
  const groups: Float64Array[] = []
  if (pooling.mean) groups.push(mean)
  if (pooling.max) groups.push(max)
  if (pooling.rankWeighted) groups.push(weighted)
  let at = offset
  for (const g of groups) {
    let norm = 0
    if (found > 0) for (let k = 0; k < d; k++) norm += g[k]! * g[k]!
    const scale = norm > 0 ? pooling.scale / Math.sqrt(norm) : 0
    for (let k = 0; k < d; k++) {
      if (scale !== 0) {
        index.push(at + k)
        value.push(g[k]! * scale)
      }
    }
    at += d
  }
}

/** The table from its shipped form: words joined by spaces, int8 rows, a scale per dimension. */
export function decodeTable(words: string, dims: number, scales: readonly number[], bytes: Int8Array): EmbeddingTable {
  const list = words.split(' ')
  const vectors = new Float32Array(list.length * dims)
  for (let i = 0; i < vectors.length; i++) vectors[i] = (bytes[i]! / 127) * scales[i % dims]!
  return { dims, rows: new Map(list.map((w, i) => [w, i])), vectors }
}
