/**
 * Experiment, not shipped (see ablate.ts, study `gbdt`): gradient-boosted regression trees
 * on log-loss over dense per-sentence features (second-order leaf values, XGBoost-style
 * gains), with features cut into at most 32 quantile bins. Row and column subsampling come
 * from a seeded generator, so a run is deterministic.
 */
import { mulberry32, shuffle } from '../suggest-lib.js'

export interface GbdtOptions {
  trees: number
  depth: number
  learningRate: number
  /** L2 penalty on leaf values. */
  lambda: number
  /** Smallest hessian sum a leaf may hold. */
  minHessian: number
  rowSample: number
  columnSample: number
  seed: number
}

interface Tree {
  /** Per internal node (breadth-first, 2^depth - 1): feature and threshold (go left when x <= threshold). */
  feature: Int32Array
  threshold: Float64Array
  /** 2^depth leaf values (already scaled by the learning rate). */
  leaf: Float64Array
}

export interface Gbdt {
  base: number
  depth: number
  trees: Tree[]
}

const BINS = 32

/** Upper edges of each feature's bins, from the training rows' quantiles. */
function binEdges(X: readonly Float64Array[], f: number): Float64Array {
  const values = Float64Array.from(X, (x) => x[f]!).sort()
  const edges: number[] = []
  for (let b = 1; b < BINS; b++) {
    const v = values[Math.floor((b * values.length) / BINS)]!
    if (edges.length === 0 || v > edges[edges.length - 1]!) edges.push(v)
  }
  return Float64Array.from(edges)
}

function binOf(edges: Float64Array, v: number): number {
  let lo = 0
  let hi = edges.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (v <= edges[mid]!) hi = mid
    else lo = mid + 1
  }
  return lo
}

export function trainGbdt(X: readonly Float64Array[], y: ArrayLike<number>, opts: GbdtOptions): Gbdt {
  const n = X.length
  const d = X[0]!.length
  const edges = Array.from({ length: d }, (_, f) => binEdges(X, f))
  const binned = Array.from({ length: d }, (_, f) => Uint8Array.from(X, (x) => binOf(edges[f]!, x[f]!)))
  let positives = 0
  for (let i = 0; i < n; i++) positives += y[i]!
  const base = Math.log(positives / (n - positives))
  const z = new Float64Array(n).fill(base)
  const g = new Float64Array(n)
  const h = new Float64Array(n)
  const node = new Int32Array(n)
  const random = mulberry32(opts.seed)
  const features = Array.from({ length: d }, (_, f) => f)
  const trees: Tree[] = []
  const internal = (1 << opts.depth) - 1
  for (let t = 0; t < opts.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-z[i]!))
      g[i] = p - y[i]!
      h[i] = Math.max(p * (1 - p), 1e-6)
    }
    const rows: number[] = []
    for (let i = 0; i < n; i++) if (random() < opts.rowSample) rows.push(i)
    const columns = shuffle(features, random).slice(0, Math.max(1, Math.round(d * opts.columnSample)))
    const tree: Tree = {
      feature: new Int32Array(internal).fill(-1),
      threshold: new Float64Array(internal),
      leaf: new Float64Array(1 << opts.depth),
    }
    for (const i of rows) node[i] = 0
    for (let level = 0; level < opts.depth; level++) {
      const first = (1 << level) - 1
      const width = 1 << level
      const gSum = new Float64Array(width * (BINS + 1) * columns.length)
      const hSum = new Float64Array(width * (BINS + 1) * columns.length)
      const stride = BINS + 1
      for (let c = 0; c < columns.length; c++) {
        const col = binned[columns[c]!]!
        for (const i of rows) {
          const at = ((node[i]! - first) * columns.length + c) * stride + col[i]!
          gSum[at]! += g[i]!
          hSum[at]! += h[i]!
        }
      }
      for (let k = 0; k < width; k++) {
        let best = { gain: 0, c: -1, bin: 0 }
        for (let c = 0; c < columns.length; c++) {
          const at = (k * columns.length + c) * stride
          let G = 0
          let H = 0
          for (let b = 0; b < stride; b++) {
            G += gSum[at + b]!
            H += hSum[at + b]!
          }
          let gl = 0
          let hl = 0
          const parent = (G * G) / (H + opts.lambda)
          for (let b = 0; b < stride - 1; b++) {
            gl += gSum[at + b]!
            hl += hSum[at + b]!
            const hr = H - hl
            if (hl < opts.minHessian || hr < opts.minHessian) continue
            const gr = G - gl
            const gain = (gl * gl) / (hl + opts.lambda) + (gr * gr) / (hr + opts.lambda) - parent
            if (gain > best.gain) best = { gain, c, bin: b }
          }
        }
        if (best.c >= 0) {
          const f = columns[best.c]!
          const e = edges[f]!
          tree.feature[first + k] = f
          tree.threshold[first + k] = best.bin < e.length ? e[best.bin]! : Number.POSITIVE_INFINITY
        }
      }
      // Rows move to a child; a node that did not split sends every row left.
      for (const i of rows) {
        const at = node[i]!
        const f = tree.feature[at]!
        const right = f >= 0 && X[i]![f]! > tree.threshold[at]! ? 1 : 0
        node[i] = 2 * at + 1 + right
      }
    }
    const G = new Float64Array(1 << opts.depth)
    const H = new Float64Array(1 << opts.depth)
    for (const i of rows) {
      G[node[i]! - internal]! += g[i]!
      H[node[i]! - internal]! += h[i]!
    }
    for (let l = 0; l < G.length; l++) tree.leaf[l] = (-opts.learningRate * G[l]!) / (H[l]! + opts.lambda)
    trees.push(tree)
    for (let i = 0; i < n; i++) z[i]! += leafValue(tree, opts.depth, X[i]!)
  }
  return { base, depth: opts.depth, trees }
}

function leafValue(tree: Tree, depth: number, x: ArrayLike<number>): number {
  let at = 0
  for (let level = 0; level < depth; level++) {
    const f = tree.feature[at]!
    at = 2 * at + 1 + (f >= 0 && x[f]! > tree.threshold[at]! ? 1 : 0)
  }
  return tree.leaf[at - ((1 << depth) - 1)]!
}

export function gbdtLogit(model: Gbdt, x: ArrayLike<number>): number {
  let z = model.base
  for (const tree of model.trees) z += leafValue(tree, model.depth, x)
  return z
}
