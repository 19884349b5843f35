/**
 * Experiment, not shipped (see ablate.ts): word vectors projected on their leading
 * principal axes (of the uncentred second-moment matrix), so more words fit the same bytes.
 * Jacobi rotations in a fixed sweep order: deterministic.
 */
import type { EmbeddingTable } from '../../src/suggest/embeddings.js'
import { decodeTable } from '../../src/suggest/embeddings.js'

function principalAxes(table: EmbeddingTable, dims: number): Float64Array[] {
  const d = table.dims
  const rows = table.vectors.length / d
  const m = Array.from({ length: d }, () => new Float64Array(d))
  for (let r = 0; r < rows; r++)
    for (let i = 0; i < d; i++) {
      const vi = table.vectors[r * d + i]!
      for (let j = 0; j < d; j++) m[i]![j]! += vi * table.vectors[r * d + j]!
    }
  const axes = Array.from({ length: d }, (_, i) => new Float64Array(d).fill(0).map((_, k) => (k === i ? 1 : 0)))
  const rotate = (a: Float64Array, b: Float64Array, k: number, c: number, s: number) => {
    const x = a[k]!
    const y = b[k]!
    a[k] = c * x - s * y
    b[k] = s * x + c * y
  }
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += m[p]![q]! ** 2
    if (off < 1e-18) break
    for (let p = 0; p < d; p++)
      for (let q = p + 1; q < d; q++) {
        const apq = m[p]![q]!
        if (apq === 0) continue
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * apq)
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < d; k++) {
          const mkp = m[k]![p]!
          const mkq = m[k]![q]!
          m[k]![p] = c * mkp - s * mkq
          m[k]![q] = s * mkp + c * mkq
        }
        for (let k = 0; k < d; k++) rotate(m[p]!, m[q]!, k, c, s)
        for (let k = 0; k < d; k++) rotate(axes[p]!, axes[q]!, k, c, s)
      }
  }
  const order = axes.map((_, i) => i).sort((a, b) => m[b]![b]! - m[a]![a]! || a - b)
  return order.slice(0, dims).map((i) => axes[i]!)
}

/** The table projected on its `dims` leading axes, then int8 with a scale per dimension as shipped. */
export function projectTable(table: EmbeddingTable, dims: number): EmbeddingTable {
  const axes = principalAxes(table, dims)
  const d = table.dims
  const rows = table.vectors.length / d
  const projected = new Float64Array(rows * dims)
  for (let r = 0; r < rows; r++)
    axes.forEach((a, j) => {
      let s = 0
      for (let k = 0; k < d; k++) s += a[k]! * table.vectors[r * d + k]!
      projected[r * dims + j] = s
    })
  const scales = new Array<number>(dims).fill(0)
  projected.forEach((x, i) => {
    scales[i % dims] = Math.max(scales[i % dims]!, Math.abs(x))
  })
  const rounded = scales.map((s) => Number((s || 1).toPrecision(6)))
  const bytes = new Int8Array(projected.length)
  projected.forEach((x, i) => {
    bytes[i] = Math.round((x / rounded[i % dims]!) * 127)
  })
  const words = [...table.rows.entries()].sort((a, b) => a[1] - b[1]).map(([w]) => w)
  return decodeTable(words.join(' '), dims, rounded, bytes)
}
