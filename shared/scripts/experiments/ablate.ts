/**
 * `npx tsx shared/scripts/experiments/ablate.ts <study>`: the second and third rounds of
 * experiments against issue 17's F1 target (README, "A second round…", "A third round…"). Every figure is 4-fold
 * out-of-fold F1 (threshold for the best F1 at precision ≥ 0.75) on the 80 % that
 * `pnpm train:suggest` trains on; the held-out 20 % is never read. Logits are cached in
 * ABLATE_CACHE (default: the system's temporary folder), so blends cost nothing once their
 * parts are scored. Nothing here is shipped; the studies stay to be re-run, not re-invented.
 *
 * Studies: lr (regression settings), seeds (ensembles), mlp (network settings), vocab
 * (more words, whole or cut by PCA), cnn, joint, sparse (network reading n-grams), context
 * (neighbouring sentences), stack (weighted blend of every cached part); third round: gbdt,
 * gbdtseeds, gbdtnested (boosted trees over the signals and the two models' logits), bagging
 * (bootstrap regressions), logstack (logistic stacking), attention (network with a learned
 * attention pooling), vocab4 (20,000 words at 4 bits), vocab4pca (40,000 words, 50
 * principal dimensions, 4 bits), vocab4trees and vocab4attention (20,000 words at 4 bits with
 * the trees or the attention network).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { decodeTable, type EmbeddingTable, type Pooling } from '../../src/suggest/embeddings.js'
import { tokens } from '../../src/suggest/hashing.js'
import { mlpLogit } from '../../src/suggest/mlp.js'
import { fullTable, quantisedTable, topWords } from '../embedding-source.js'
import {
  chooseThreshold,
  holdoutSplit,
  loadTrainSplit,
  mulberry32,
  MIN_PRECISION,
  outOfFold,
  predict,
  sigmoid,
  trainLogistic,
  type TrainOptions,
} from '../suggest-lib.js'
import { sentenceInput, trainMlp, type MlpOptions } from '../suggest-mlp.js'
import { gbdtLogit, trainGbdt, type GbdtOptions } from './gbdt.js'
import { trainAttentionMlp } from './attention-mlp.js'
import { cnnScorer } from './cnn.js'
import { denseFeatures, GBDT, stackedGbdt } from './stack-gbdt.js'
import { trainContextLogistic } from './context.js'
import { projectTable } from './pca.js'
import { fourBitTable } from './quantise4.js'
import { trainSparseMlp } from './sparse-mlp.js'
import { trainCnn, type CnnOptions } from './train-cnn.js'
import { trainJoint } from './train-joint.js'

const CACHE = process.env.ABLATE_CACHE ?? resolve(tmpdir(), 'fc-ablate')
mkdirSync(CACHE, { recursive: true })

const POOLING: Pooling = { mean: true, max: true, rankWeighted: true, scale: 1 }
const tables = new Map<string, EmbeddingTable>()
/** The shipped kind of table (int8) of the `words` most frequent words, optionally cut to `dims` by PCA. */
function tableOf(words: number, dims = 100): EmbeddingTable {
  const key = `${words}/${dims}`
  let table = tables.get(key)
  if (!table) {
    const list = topWords(words)
    if (dims === 100) {
      const q = quantisedTable(list)
      table = decodeTable(q.words.join(' '), q.dims, q.scales, q.bytes)
    } else table = projectTable(fullTable(list), dims)
    tables.set(key, table)
  }
  return table
}

const { train } = holdoutSplit()
const labels = train.map((e) => e.label)
const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p))

function report(name: string, z: readonly number[], seconds?: number) {
  const { threshold, scores } = chooseThreshold(z.map(sigmoid), labels, MIN_PRECISION)
  console.log(
    `${name.padEnd(44)} F1 ${scores.f1.toFixed(4)}  P ${scores.precision.toFixed(3)}  R ${scores.recall.toFixed(3)}  ` +
      `at ${threshold}${seconds === undefined ? '' : `  (${seconds.toFixed(0)} s)`}`,
  )
}

/** Out-of-fold logits of one part, from the cache or computed (and reported) now. */
function part(name: string, compute: () => number[]): number[] {
  const path = resolve(CACHE, `${name}.json`)
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as number[]
  const t0 = performance.now()
  const z = compute()
  writeFileSync(path, JSON.stringify(z))
  report(name, z, (performance.now() - t0) / 1000)
  return z
}

type Vocab = { words?: number; dims?: number }
const SHIPPED_LR = (o: Vocab = {}): TrainOptions => ({
  features: { bits: 18, words: true, charNgrams: [3, 4, 5], signals: true },
  embedding: { table: tableOf(o.words ?? 5000, o.dims), pooling: POOLING },
  epochs: 10,
  l2: 1e-6,
  learningRate: 0.1,
  positiveWeight: 1,
  seed: 1,
  nbAlpha: 1,
})
const SHIPPED_MLP = (o: Vocab = {}): MlpOptions => ({
  table: tableOf(o.words ?? 5000, o.dims),
  pooling: POOLING,
  hidden: 64,
  epochs: 15,
  learningRate: 0.02,
  l2: 1e-5,
  seed: 7,
})

function lr(name: string, o: Partial<TrainOptions> & Vocab = {}) {
  const opts = { ...SHIPPED_LR(o), ...o }
  return part(name, () =>
    outOfFold(train, (fit, held) => {
      const m = trainLogistic(fit, opts)
      return held.map((e) => logit(predict(m, e.text)))
    }),
  )
}
function mlp(name: string, o: Partial<MlpOptions> & Vocab = {}) {
  const opts = { ...SHIPPED_MLP(o), ...o }
  return part(name, () =>
    outOfFold(train, (fit, held) => {
      const net = trainMlp(fit, opts)
      return held.map((e) => mlpLogit(net, sentenceInput(e.text, opts)))
    }),
  )
}
const avg = (...zs: number[][]) => zs[0]!.map((_, i) => zs.reduce((s, z) => s + z[i]!, 0) / zs.length)
const mix = (a: number[], b: number[], w: number) => a.map((x, i) => (1 - w) * x + w * b[i]!)

const LR = () => lr('lr')
const MLP = () => mlp('mlp-s7')

const STUDIES: Record<string, () => void> = {
  lr() {
    const F = SHIPPED_LR().features
    const runs: Array<[string, Partial<TrainOptions>]> = [
      ['lr-trigrams', { features: { ...F, trigrams: true } }],
      ['lr-bits19', { features: { ...F, bits: 19 } }],
      ['lr-char2-6', { features: { ...F, charNgrams: [2, 3, 4, 5, 6] } }],
      ['lr-epochs20', { epochs: 20 }],
      ['lr-epochs5', { epochs: 5 }],
      ['lr-rate0.05-epochs20', { learningRate: 0.05, epochs: 20 }],
      ['lr-l2-1e-5', { l2: 1e-5 }],
      ['lr-positive2', { positiveWeight: 2 }],
    ]
    for (const [name, o] of runs) report(`${name} + 0.3 network`, mix(lr(name, o), MLP(), 0.3))
  },
  seeds() {
    const m = avg(...[7, 1, 2, 3, 4].map((seed) => mlp(`mlp-s${seed}`, { seed })))
    report('network: 5 seeds averaged', m)
    for (const w of [0.3, 0.4, 0.5]) report(`regression + ${w} × 5 networks`, mix(LR(), m, w))
    const r = avg(LR(), lr('lr-s2', { seed: 2 }), lr('lr-s3', { seed: 3 }))
    report('regression: 3 seeds averaged + 0.3 network', mix(r, MLP(), 0.3))
  },
  mlp() {
    for (const [name, o] of [
      ['mlp-h128-e25', { hidden: 128, epochs: 25 }],
      ['mlp-rate0.05', { learningRate: 0.05 }],
      ['mlp-e8', { epochs: 8 }],
    ] as Array<[string, Partial<MlpOptions>]>)
      for (const w of [0.3, 0.4]) report(`regression + ${w} × ${name}`, mix(LR(), mlp(name, o), w))
  },
  vocab() {
    for (const [words, dims] of [
      [10000, 100],
      [20000, 100],
      [20000, 50],
      [20000, 32],
    ] as const) {
      const m = mlp(`mlp-w${words}-d${dims}`, { words, dims })
      for (const w of [0.3, 0.5]) report(`regression (5k) + ${w} × network (${words} × ${dims})`, mix(LR(), m, w))
      const l = lr(`lr-w${words}-d${dims}`, { words, dims })
      report(`regression + 0.3 × network, both ${words} × ${dims}`, mix(l, m, 0.3))
    }
  },
  cnn() {
    const opts: CnnOptions = { table: tableOf(5000), filters: 64, epochs: 8, learningRate: 0.02, l2: 1e-5, seed: 3 }
    const c = part('cnn-f64-e8', () =>
      outOfFold(train, (fit, held) => {
        const score = cnnScorer(trainCnn(fit, opts), opts.table)
        return held.map((e) => score(tokens(e.text)))
      }),
    )
    for (const [l, m, k] of [
      [0.7, 0, 0.3],
      [0.6, 0.2, 0.2],
      [0.5, 0.25, 0.25],
    ])
      report(
        `regression ${l} + network ${m} + cnn ${k}`,
        LR().map((a, i) => l! * a + m! * MLP()[i]! + k! * c[i]!),
      )
  },
  joint() {
    const lrOpts = SHIPPED_LR()
    const mlpOpts = SHIPPED_MLP()
    const z = part('joint', () =>
      outOfFold(train, (fit, held) => {
        const { lr: m, net } = trainJoint(fit, lrOpts, mlpOpts)
        return held.map((e) => logit(predict(m, e.text)) + mlpLogit(net, sentenceInput(e.text, mlpOpts)))
      }),
    )
    report('joint + 0.3 separate network', mix(z, MLP(), 0.3))
  },
  sparse() {
    const opts = { ...SHIPPED_MLP(), bits: 12 }
    const z = part('sparse-mlp-b12', () =>
      outOfFold(train, (fit, held) => {
        const score = trainSparseMlp(fit, opts)
        return held.map((e) => score(e.text))
      }),
    )
    for (const w of [0.3, 0.4, 0.5]) report(`regression + ${w} × sparse network`, mix(LR(), z, w))
  },
  context() {
    const textById = new Map(loadTrainSplit().map((e) => [e.id, e.text]))
    const opts = { ...SHIPPED_LR(), nbAlpha: 0 }
    for (const [name, previous, next, maxGap] of [
      ['context-none', false, false, 1],
      ['context-previous', true, false, 1],
      ['context-previous-gap3', true, false, 3],
      ['context-both', true, true, 1],
    ] as const)
      part(name, () =>
        outOfFold(train, (fit, held) => {
          const score = trainContextLogistic(fit, opts, { textById, previous, next, maxGap })
          return held.map(score)
        }),
      )
  },
  gbdt() {
    const variants: Array<[string, { vectors: boolean; parts: number[][] }, Partial<GbdtOptions>]> = [
      ['gbdt-lr-mlp-signals', { vectors: false, parts: [LR(), MLP()] }, {}],
      ['gbdt-lr-mlp-signals-vectors', { vectors: true, parts: [LR(), MLP()] }, {}],
      ['gbdt-lr-mlp-signals-d2', { vectors: false, parts: [LR(), MLP()] }, { depth: 2 }],
      ['gbdt-signals-vectors', { vectors: true, parts: [] }, { trees: 400 }],
    ]
    for (const [name, f, o] of variants) {
      const X = denseFeatures(train, { table: tableOf(5000), pooling: POOLING, vectors: f.vectors }, f.parts)
      const z = part(name, () => stackedGbdt(train, X, o))
      for (const w of [0.3, 0.5]) report(`blend + ${w} × ${name}`, mix(mix(LR(), MLP(), 0.3), z, w))
    }
  },
  gbdtseeds() {
    const rows: Record<string, number[]> = {}
    const add = (name: string, z: number[]) => {
      const f1 = chooseThreshold(z.map(sigmoid), labels, MIN_PRECISION).scores.f1
      ;(rows[name] ??= []).push(f1)
    }
    for (const [k, seed] of [7, 1, 2].entries()) {
      const m = mlp(`mlp-s${seed}`, { seed })
      const blend = mix(LR(), m, 0.3)
      add('shipped blend (regression + 0.3 network)', blend)
      for (const depth of [2, 3]) {
        const X = denseFeatures(train, { table: tableOf(5000), pooling: POOLING, vectors: false }, [LR(), m])
        const z = part(`gbdt-d${depth}-mlp-s${seed}-g${11 + k}`, () => stackedGbdt(train, X, { depth, seed: 11 + k }))
        add(`trees (depth ${depth}) over both logits + signals`, z)
        add(`blend + 0.5 × trees (depth ${depth})`, mix(blend, z, 0.5))
      }
    }
    for (const [name, f1s] of Object.entries(rows)) {
      const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length
      console.log(
        `${name.padEnd(44)} F1 mean ${mean.toFixed(4)}  min ${Math.min(...f1s).toFixed(4)}  max ${Math.max(...f1s).toFixed(4)}`,
      )
    }
  },
  gbdtnested() {
    // No shortcut: inside each outer fold, the trees learn from logits that are out-of-fold
    // within the fit part, and score held sentences with logits of models fitted on all of it.
    const lrOpts = SHIPPED_LR()
    const mlpOpts = SHIPPED_MLP()
    const dense = { table: tableOf(5000), pooling: POOLING, vectors: false }
    const z = part('gbdt-d2-nested', () =>
      outOfFold(train, (fit, held) => {
        const lrFit = outOfFold(fit, (f, h) => {
          const m = trainLogistic(f, lrOpts)
          return h.map((e) => logit(predict(m, e.text)))
        })
        const mlpFit = outOfFold(fit, (f, h) => {
          const net = trainMlp(f, mlpOpts)
          return h.map((e) => mlpLogit(net, sentenceInput(e.text, mlpOpts)))
        })
        const m = trainLogistic(fit, lrOpts)
        const net = trainMlp(fit, mlpOpts)
        const lrHeld = held.map((e) => logit(predict(m, e.text)))
        const mlpHeld = held.map((e) => mlpLogit(net, sentenceInput(e.text, mlpOpts)))
        const trees = trainGbdt(
          denseFeatures(fit, dense, [lrFit, mlpFit]),
          fit.map((e) => e.label),
          { ...GBDT, depth: 2 },
        )
        return denseFeatures(held, dense, [lrHeld, mlpHeld]).map((x) => gbdtLogit(trees, x))
      }),
    )
    report('blend + 0.5 × nested trees (depth 2)', mix(mix(LR(), MLP(), 0.3), z, 0.5))
  },
  bagging() {
    const opts = SHIPPED_LR()
    const bags = [1, 2, 3, 4, 5].map((seed) =>
      part(`lr-bag-s${seed}`, () =>
        outOfFold(train, (fit, held) => {
          const random = mulberry32(100 + seed)
          const sample = fit.map(() => fit[Math.floor(random() * fit.length)]!)
          const m = trainLogistic(sample, { ...opts, seed })
          return held.map((e) => logit(predict(m, e.text)))
        }),
      ),
    )
    const bagged = avg(...bags)
    report('regression: 5 bootstrap bags averaged', bagged)
    for (const w of [0.2, 0.3, 0.4]) report(`5 bags + ${w} network`, mix(bagged, MLP(), w))
    const nets = avg(...[7, 1, 2].map((seed) => mlp(`mlp-s${seed}`, { seed })))
    for (const w of [0.3, 0.4]) report(`5 bags + ${w} × 3 network seeds`, mix(bagged, nets, w))
  },
  logstack() {
    // A logistic regression over the parts' logits, itself scored out-of-fold (same folds).
    const parts = [LR(), MLP(), part('gbdt-d2-mlp-s7-g11', () => [])]
    const byExample = new Map(train.map((e, i) => [e, parts.map((z) => z[i]!)]))
    const z = outOfFold(train, (fit, held) => {
      const w = new Float64Array(parts.length + 1)
      for (let epoch = 0; epoch < 200; epoch++) {
        const grad = new Float64Array(w.length)
        for (const e of fit) {
          const x = byExample.get(e)!
          const p = sigmoid(w[0]! + x.reduce((s, v, k) => s + w[k + 1]! * v, 0))
          grad[0]! += p - e.label
          x.forEach((v, k) => {
            grad[k + 1]! += (p - e.label) * v
          })
        }
        for (let k = 0; k < w.length; k++) w[k]! -= (0.5 * grad[k]!) / fit.length
      }
      return held.map((e) => w[0]! + byExample.get(e)!.reduce((s, v, k) => s + w[k + 1]! * v, 0))
    })
    report('logistic stack of regression, network, trees', z)
  },
  vocab4() {
    const table = fourBitTable(topWords(20000))
    const l = lr('lr-w20000-q4', { embedding: { table, pooling: POOLING } })
    const gains: number[] = []
    for (const seed of [7, 1, 2, 3, 4]) {
      const m = mlp(`mlp-w20000-q4-s${seed}`, { table, seed })
      const z = mix(l, m, 0.3)
      const base = mix(LR(), mlp(`mlp-s${seed}`, { seed }), 0.3)
      report(`regression + 0.3 × network (seed ${seed}), both 20,000 × 100 at 4 bits`, z)
      report(`shipped blend with network seed ${seed}`, base)
      const f1 = (x: number[]) => chooseThreshold(x.map(sigmoid), labels, MIN_PRECISION).scores.f1
      gains.push(f1(z) - f1(base))
    }
    console.log(`gain per seed: ${gains.map((g) => g.toFixed(4)).join(' ')}`)
  },
  vocab4pca() {
    // Twice the words again in the same bytes: 40,000 words cut to 50 principal dimensions, at 4 bits.
    const words = topWords(40000)
    const table = fourBitTable(words, projectTable(fullTable(words), 50))
    const l = lr('lr-w40000-d50-q4', { embedding: { table, pooling: POOLING } })
    const f1s: number[] = []
    for (const seed of [7, 1, 2]) {
      const m = mlp(`mlp-w40000-d50-q4-s${seed}`, { table, seed })
      const z = mix(l, m, 0.3)
      report(`regression + 0.3 × network (seed ${seed}), both 40,000 × 50 at 4 bits`, z)
      f1s.push(chooseThreshold(z.map(sigmoid), labels, MIN_PRECISION).scores.f1)
    }
    console.log(
      `mean ${(f1s.reduce((a, b) => a + b, 0) / 3).toFixed(4)} min ${Math.min(...f1s).toFixed(4)} max ${Math.max(...f1s).toFixed(4)}`,
    )
  },
  vocab4attention() {
    // Both things that helped the network alone: 20,000 words at 4 bits and attention pooling.
    const table = fourBitTable(topWords(20000))
    const l = lr('lr-w20000-q4', { embedding: { table, pooling: POOLING } })
    const f1s: number[] = []
    for (const seed of [7, 1, 2]) {
      const opts = { ...SHIPPED_MLP(), table, seed }
      const m = part(`attention-mlp-w20000-q4-s${seed}`, () =>
        outOfFold(train, (fit, held) => {
          const score = trainAttentionMlp(fit, opts)
          return held.map((e) => score(e.text))
        }),
      )
      const z = mix(l, m, 0.3)
      report(`regression + 0.3 × attention network (seed ${seed}), 20,000 × 4 bits`, z)
      f1s.push(chooseThreshold(z.map(sigmoid), labels, MIN_PRECISION).scores.f1)
    }
    console.log(
      `mean ${(f1s.reduce((a, b) => a + b, 0) / 3).toFixed(4)} min ${Math.min(...f1s).toFixed(4)} max ${Math.max(...f1s).toFixed(4)}`,
    )
  },
  vocab4trees() {
    // The two best leads together: 20,000 words at 4 bits, then trees over both logits.
    const table = fourBitTable(topWords(20000))
    const l = lr('lr-w20000-q4', { embedding: { table, pooling: POOLING } })
    const dense = { table, pooling: POOLING, vectors: false }
    const f1s: number[] = []
    for (const [k, seed] of [7, 1, 2].entries()) {
      const m = mlp(`mlp-w20000-q4-s${seed}`, { table, seed })
      const z = part(`gbdt-d2-w20000-q4-s${seed}-g${11 + k}`, () =>
        stackedGbdt(train, denseFeatures(train, dense, [l, m]), { depth: 2, seed: 11 + k }),
      )
      const blend = mix(mix(l, m, 0.3), z, 0.5)
      report(`20,000 × 4 bits: blend + 0.5 × trees (seed ${seed})`, blend)
      f1s.push(chooseThreshold(blend.map(sigmoid), labels, MIN_PRECISION).scores.f1)
    }
    console.log(
      `mean ${(f1s.reduce((a, b) => a + b, 0) / 3).toFixed(4)} min ${Math.min(...f1s).toFixed(4)} max ${Math.max(...f1s).toFixed(4)}`,
    )
  },
  stack() {
    const names = ['lr', 'mlp-s7', 'cnn-f64-e8', 'sparse-mlp-b12', 'joint'].filter((n) =>
      existsSync(resolve(CACHE, `${n}.json`)),
    )
    const zs = names.map((n) => JSON.parse(readFileSync(resolve(CACHE, `${n}.json`), 'utf8')) as number[])
    const steps = [0, 0.1, 0.2, 0.3, 0.5]
    let best = { f1: -1, weights: [] as number[] }
    const search = (weights: number[]) => {
      if (weights.length === zs.length - 1) {
        const first = 1 - weights.reduce((s, w) => s + w, 0)
        if (first < -1e-9) return
        const all = [first, ...weights]
        const p = zs[0]!.map((_, i) => sigmoid(all.reduce((s, w, k) => s + w * zs[k]![i]!, 0)))
        const { f1 } = chooseThreshold(p, labels, MIN_PRECISION).scores
        if (f1 > best.f1) best = { f1, weights: all }
        return
      }
      for (const w of steps) search([...weights, w])
    }
    search([])
    console.log(
      `best stack of ${names.join(', ')}: F1 ${best.f1.toFixed(4)} with weights ${best.weights.map((w) => w.toFixed(1))}`,
    )
  },
}

const study = process.argv[2] ?? ''
const run = STUDIES[study]
if (!run) {
  console.error(`Usage: ablate.ts <${Object.keys(STUDIES).join('|')}>`)
  process.exit(2)
}
report('shipped blend: regression + 0.3 network', mix(LR(), MLP(), 0.3))
run()
