/**
 * `pnpm eval:suggest`: precision, recall and F1 (check-worthy class) on the 20 % of the
 * ClaimBuster training split that `pnpm train:suggest` holds out, for today's rules, a
 * plain baseline and the shipped model; span-level figures on the news fixtures; the
 * model's size and its speed on a 5,000-word article. Prints a table and writes
 * shared/eval/suggest-results.json.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { REASON_WEIGHTS, detectReasons } from '../src/suggest/features.js'
import { MODEL_SIZE_BYTES } from '../src/suggest/model.js'
import { MODEL } from '../src/suggest/model-weights.js'
import { splitSentences, wordCount } from '../src/suggest/sentences.js'
import { DEFAULT_MIN_SCORE, scoreSentence, suggestCheckworthy } from '../src/suggest/suggest.js'
import {
  crossValidatedThreshold,
  holdoutSplit,
  predict,
  prf,
  REPO_ROOT,
  trainLogistic,
  type Scores,
  type TrainOptions,
} from './suggest-lib.js'

/** The rule-based scorer as shipped before the model (summed signal weights, ≥ 0.3). */
function rulesScore(sentence: string): number {
  const reasons = detectReasons(sentence)
  if (reasons.length === 0) return 0
  let score = Math.min(
    1,
    reasons.reduce((sum, r) => sum + REASON_WEIGHTS[r], 0),
  )
  const trimmed = sentence.trim()
  if (/\?["'”’)\]]*$/.test(trimmed)) score *= 0.5
  if (wordCount(trimmed) < 5 || (!/[.!?…]["'”’)\]]*$/.test(trimmed) && wordCount(trimmed) <= 12)) score *= 0.5
  return score
}
const RULES_MIN = 0.3

const BASELINE: TrainOptions = {
  features: { bits: 18, words: true, charNgrams: [3, 4, 5], signals: false },
  epochs: 10,
  l2: 1e-6,
  learningRate: 0.1,
  positiveWeight: 1,
  seed: 1,
}

type Decide = (sentence: string) => boolean

// --- news fixtures ---------------------------------------------------------------------

interface Fixture {
  name: string
  text: string
  spans: Array<{ from: number; to: number }>
}

function loadFixtures(): Fixture[] {
  const dir = resolve(REPO_ROOT, 'shared/fixtures/news')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const marked = readFileSync(resolve(dir, file), 'utf8')
      let text = ''
      const spans: Fixture['spans'] = []
      let at = 0
      for (const m of marked.matchAll(/\[\[([\s\S]*?)\]\]/g)) {
        text += marked.slice(at, m.index)
        spans.push({ from: text.length, to: text.length + m[1]!.length })
        text += m[1]!
        at = m.index + m[0].length
      }
      text += marked.slice(at)
      return { name: file.replace(/\.txt$/, ''), text, spans }
    })
}

function wordRanges(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const m of text.slice(from, to).matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.,%-]*/gu))
    out.push([from + m.index, from + m.index + m[0].length])
  return out
}

/** A suggestion finds a span when it holds at least half of the span's words. */
function finds(text: string, span: { from: number; to: number }, s: { start: number; end: number }): boolean {
  const words = wordRanges(text, span.from, span.to)
  const shared = words.filter(([a, b]) => a >= s.start && b <= s.end).length
  return words.length > 0 && shared * 2 >= words.length
}

function spanScores(fixtures: Fixture[], suggest: (text: string) => Array<{ start: number; end: number }>) {
  let spans = 0
  let found = 0
  let suggested = 0
  let correct = 0
  const perArticle: Record<string, { recall: number; precision: number }> = {}
  for (const f of fixtures) {
    const s = suggest(f.text)
    const fFound = f.spans.filter((span) => s.some((x) => finds(f.text, span, x))).length
    const fCorrect = s.filter((x) => f.spans.some((span) => finds(f.text, span, x))).length
    spans += f.spans.length
    found += fFound
    suggested += s.length
    correct += fCorrect
    perArticle[f.name] = {
      recall: round(fFound / f.spans.length),
      precision: round(s.length ? fCorrect / s.length : 0),
    }
  }
  const recall = found / spans
  const precision = suggested ? correct / suggested : 0
  return {
    recall: round(recall),
    precision: round(precision),
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    spans,
    suggested,
    perArticle,
  }
}

function sentenceSuggester(decide: Decide) {
  return (text: string) =>
    splitSentences(text)
      .filter(({ from, to }) => decide(text.slice(from, to)))
      .map(({ from, to }) => ({ start: from, end: to }))
}

const round = (x: number) => Math.round(x * 1000) / 1000

function main() {
  const { train, test } = holdoutSplit()
  const labels = test.map((e) => e.label)
  console.log(`Held-out ClaimBuster sentences: ${test.length} (${labels.filter((l) => l === 1).length} check-worthy).`)

  console.log('Training the baseline on the same 80 % (threshold from 4-fold out-of-fold scores)…')
  const baselineThreshold = crossValidatedThreshold(train, BASELINE).threshold
  const baseline = trainLogistic(train, BASELINE)

  const systems: Array<{
    name: string
    decide: Decide
    suggest: (text: string) => Array<{ start: number; end: number }>
  }> = [
    {
      name: 'rules (before this change)',
      decide: (s) => rulesScore(s) >= RULES_MIN,
      suggest: sentenceSuggester((s) => rulesScore(s) >= RULES_MIN),
    },
    {
      name: 'baseline: logistic, hashed word+char n-grams',
      decide: (s) => predict(baseline, s) >= baselineThreshold,
      suggest: sentenceSuggester((s) => predict(baseline, s) >= baselineThreshold),
    },
    {
      name: 'shipped model (suggestCheckworthy)',
      decide: (s) => scoreSentence(s).score >= DEFAULT_MIN_SCORE,
      suggest: (t) => suggestCheckworthy(t),
    },
  ]

  const fixtures = loadFixtures()
  const results = systems.map((sys) => {
    const held: Scores = prf(
      test.map((e) => sys.decide(e.text)),
      labels,
    )
    return {
      system: sys.name,
      claimbusterHeldOut: {
        precision: round(held.precision),
        recall: round(held.recall),
        f1: round(held.f1),
        tp: held.tp,
        fp: held.fp,
        fn: held.fn,
      },
      newsFixtures: spanScores(fixtures, sys.suggest),
    }
  })

  // Speed: a 5,000-word article made of the fixtures, repeated.
  let article = ''
  while (wordCount(article) < 5000) article += `${fixtures.map((f) => f.text).join('\n\n')}\n\n`
  // Cut after the 5,000th word, keeping the paragraphs.
  article = article
    .split(/(?<=\s)(?=\S)/)
    .slice(0, 5000)
    .join('')
  for (let i = 0; i < 5; i++) suggestCheckworthy(article)
  // CPU time of this process (user + system), not wall time: the machine may be shared,
  // and a wall clock then counts other processes' turns on the core.
  const times: number[] = []
  const wall: number[] = []
  for (let i = 0; i < 30; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    suggestCheckworthy(article)
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    times.push((c.user + c.system) / 1000)
  }
  times.sort((a, b) => a - b)
  wall.sort((a, b) => a - b)
  const modelFile = resolve(REPO_ROOT, 'shared/src/suggest/model-weights.ts')
  const perf = {
    articleWords: 5000,
    medianMs: round(times[Math.floor(times.length / 2)]!),
    p95Ms: round(times[Math.floor(times.length * 0.95)]!),
    medianWallMs: round(wall[Math.floor(wall.length / 2)]!),
    modelFileBytes: statSync(modelFile).size,
    weightBuckets: 1 << MODEL.features.bits,
    weightBytes: atob(MODEL.weights).length,
    embeddingWords: MODEL.embedding.words.split(' ').length,
    embeddingDims: MODEL.embedding.dims,
    networkHidden: MODEL.mlp.hidden,
    networkWeight: MODEL.blend,
    shippedChars: MODEL_SIZE_BYTES,
    decisionThreshold: MODEL.threshold,
  }

  const pad = (s: string, n: number) => s.padEnd(n)
  const f = (x: number) => x.toFixed(3)
  console.log('')
  console.log(`${pad('system', 46)} | ClaimBuster held-out 20 %  | news fixtures (span level)`)
  console.log(`${pad('', 46)} |   P      R      F1        |   P      R      F1`)
  console.log(`${'-'.repeat(46)}-+----------------------------+---------------------------`)
  for (const r of results) {
    const h = r.claimbusterHeldOut
    const n = r.newsFixtures
    console.log(
      `${pad(r.system, 46)} | ${f(h.precision)}  ${f(h.recall)}  ${f(h.f1)}     | ${f(n.precision)}  ${f(n.recall)}  ${f(n.f1)}`,
    )
  }
  console.log('')
  console.log(`News fixtures: ${results[0]!.newsFixtures.spans} labelled spans in ${fixtures.length} articles.`)
  console.log(
    `Model: ${perf.modelFileBytes} bytes on disk: ${perf.weightBytes} int8 logistic weights, ${perf.embeddingWords} words × ${perf.embeddingDims} int8 dims, ` +
      `a ${perf.networkHidden}-unit network (blend weight ${perf.networkWeight}); threshold ${perf.decisionThreshold}.`,
  )
  console.log(
    `Speed: suggestCheckworthy on a 5,000-word article: median ${perf.medianMs} ms, p95 ${perf.p95Ms} ms of CPU time (wall median ${perf.medianWallMs} ms on this shared machine).`,
  )

  const outDir = resolve(REPO_ROOT, 'shared/eval')
  mkdirSync(outDir, { recursive: true })
  const out = resolve(outDir, 'suggest-results.json')
  writeFileSync(
    out,
    `${JSON.stringify({ heldOut: { sentences: test.length, positives: labels.filter((l) => l === 1).length }, results, performance: perf }, null, 2)}\n`,
  )
  console.log(`Wrote ${out}`)
}

main()
