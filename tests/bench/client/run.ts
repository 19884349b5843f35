/**
 * `pnpm bench:client [--quick] [--only=local|remote] [--keys=N] [--rounds=N] [--out=path] [--profile=dir] [--trace=dir]`: typing in the
 * article editor, in Chromium, against the real server. Prints a table and writes
 * tests/bench/results-client.json. The method: tests/bench/README.md, "Client: typing".
 */
import { type Browser, chromium, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { median, percentile, round } from '../lib/stats.js'
import { ApiSession, inviteSecondUser, seedArticle, type SeededArticle } from './seed.js'
import { startProfile } from './profile.js'
import { startTrace } from './trace.js'
import { startServer } from './server.js'
import { arm, openArticle, placeCaret, samples, typeKeys, type TypingPlan } from './typing.js'

interface Scenario {
  name: string
  copies: number
  claims: number
  /** Another user types; this window measures the remote update's apply → paint. */
  remote: boolean
}

const SCENARIOS: Scenario[] = [
  { name: 'local-x30-0claims', copies: 30, claims: 0, remote: false },
  { name: 'local-x30-200claims', copies: 30, claims: 200, remote: false },
  { name: 'local-x50-2000claims', copies: 50, claims: 2000, remote: false },
  // Not a target: separates what the longer text costs from what the claims cost.
  { name: 'local-x50-0claims', copies: 50, claims: 0, remote: false },
  { name: 'remote-x30-200claims', copies: 30, claims: 200, remote: true },
]

/** Issue 18's targets: the p95 with no claims, and the ratios to it. */
const TARGET_P95_MS = 33
const TARGET_RATIO_200 = 1.2
const TARGET_RATIO_2000 = 1.5

interface Row {
  scenario: string
  copies: number
  claims: number
  samples: number
  medianMs: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  /** Remote rows: the typist's keypress → this window's paint (both clocks are the machine's). */
  endToEndMedianMs?: number
  endToEndP95Ms?: number
}

function args(): {
  quick: boolean
  only: string | null
  keys: number | null
  rounds: number | null
  out: string
  profile: string | null
  trace: string | null
} {
  const argv = process.argv.slice(2)
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? null
  const keys = value('keys')
  const rounds = value('rounds')
  return {
    quick: argv.includes('--quick'),
    only: value('only'),
    keys: keys === null ? null : Number(keys),
    rounds: rounds === null ? null : Math.max(1, Number(rounds)),
    out: value('out') ?? fileURLToPath(new URL('../results-client.json', import.meta.url)),
    profile: value('profile'),
    trace: value('trace'),
  }
}

function stats(values: number[]): { medianMs: number; p95Ms: number; p99Ms: number; maxMs: number } {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    medianMs: round(median(sorted), 1),
    p95Ms: round(percentile(sorted, 95), 1),
    p99Ms: round(percentile(sorted, 99), 1),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN, 1),
  }
}

/** For each paint in the reader's window, the latest key the typist pressed before it. */
function endToEnd(keyAt: number[], paintedAt: number[]): number[] {
  const out: number[] = []
  let k = 0
  for (const painted of paintedAt) {
    while (k + 1 < keyAt.length && keyAt[k + 1]! <= painted) k++
    const key = keyAt[k]
    if (key !== undefined && key <= painted) out.push(painted - key)
  }
  return out
}

/** One scenario's samples: keypress → paint, or for a remote row apply → paint and keypress → remote paint. */
interface Slice {
  values: number[]
  e2e: number[]
}

/** Opens the scenario's article (and the reader's window), types one slice of keys, closes. */
async function measureSlice(
  browser: Browser,
  s: Scenario,
  article: SeededArticle,
  owner: ApiSession,
  second: ApiSession | null,
  plan: TypingPlan,
  record: { profile: string | null; trace: string | null },
): Promise<Slice> {
  const typist = await openArticle(browser, owner, article)
  let reader: Page | null = null
  try {
    if (s.remote) reader = await openArticle(browser, second!, article)
    await placeCaret(typist, 6)
    const measured = reader ?? typist
    const profiler = record.profile === null ? null : await startProfile(measured)
    const tracer = record.trace === null ? null : await startTrace(measured)
    await typeKeys(typist, plan, async () => {
      await arm(typist, true)
      if (reader !== null) await arm(reader, true)
    })
    if (profiler !== null) await profiler.stop(path.join(record.profile!, `${s.name}.cpuprofile`))
    if (tracer !== null) await tracer.stop(path.join(record.trace!, `${s.name}.json`))
    const typed = await samples(typist)
    if (reader === null) return { values: typed.local, e2e: [] }
    // Let the last updates arrive and paint.
    await reader.waitForTimeout(1_000)
    const read = await samples(reader)
    return { values: read.remote, e2e: endToEnd(typed.keyAt, read.remotePaintedAt) }
  } finally {
    await typist.context().close()
    if (reader !== null) await reader.context().close()
  }
}

function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return 'unknown'
  }
}

async function main(): Promise<void> {
  const opts = args()
  const plan: TypingPlan = {
    keys: opts.keys ?? (opts.quick ? 80 : 300),
    warmupKeys: opts.quick ? 10 : 20,
    intervalMs: 100,
  }
  // A profile or a trace is one file per scenario: one slice each.
  const rounds = opts.profile !== null || opts.trace !== null ? 1 : (opts.rounds ?? (opts.quick ? 1 : 3))
  const scenarios = SCENARIOS.filter((s) => opts.only === null || s.name.startsWith(opts.only))
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const startedAt = new Date().toISOString()
  const loadBefore = loadavg()

  const server = await startServer()
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  const rows: Row[] = []
  try {
    const owner = await ApiSession.signUp(server.baseUrl, 'Typist')
    const workspaceId = await owner.firstWorkspace()
    const second = scenarios.some((s) => s.remote) ? await inviteSecondUser(owner, workspaceId) : null
    const articles = new Map<string, SeededArticle>()
    for (const s of scenarios) {
      const key = `${s.copies}/${s.claims}`
      if (!articles.has(key)) {
        const t = performance.now()
        articles.set(key, await seedArticle(owner, workspaceId, s.copies, s.claims))
        console.log(`seeded demo ×${s.copies} with ${s.claims} claims in ${Math.round(performance.now() - t)} ms`)
      }
    }

    // Scenarios take turns, a slice of each per round, so that a machine slowing down or
    // speeding up during the run (another process, CPU steal) weighs on every scenario alike
    // instead of on whichever ran last: the ratios compare like with like.
    const perSlice: TypingPlan = { ...plan, keys: Math.ceil(plan.keys / rounds) }
    const measured = new Map<string, Slice>()
    for (let round = 1; round <= rounds; round++) {
      for (const s of scenarios) {
        const slice = await measureSlice(
          browser,
          s,
          articles.get(`${s.copies}/${s.claims}`)!,
          owner,
          second,
          perSlice,
          {
            profile: round === 1 ? opts.profile : null,
            trace: round === 1 ? opts.trace : null,
          },
        )
        const sum = measured.get(s.name)
        measured.set(
          s.name,
          sum ? { values: [...sum.values, ...slice.values], e2e: [...sum.e2e, ...slice.e2e] } : slice,
        )
        console.log(
          `round ${round}/${rounds} ${s.name}: ${slice.values.length} samples, p95 ${stats(slice.values).p95Ms} ms`,
        )
      }
    }
    for (const s of scenarios) {
      const { values, e2e } = measured.get(s.name)!
      const row: Row = {
        scenario: s.name,
        copies: s.copies,
        claims: s.claims,
        samples: values.length,
        ...stats(values),
      }
      if (s.remote) {
        const end = stats(e2e)
        row.endToEndMedianMs = end.medianMs
        row.endToEndP95Ms = end.p95Ms
      }
      rows.push(row)
    }
  } finally {
    await browser.close()
    await server.close()
  }

  const p95 = (name: string) => rows.find((r) => r.scenario === name)?.p95Ms ?? Number.NaN
  const base = p95('local-x30-0claims')
  const ratios = {
    claims200: round(p95('local-x30-200claims') / base, 2),
    claims2000: round(p95('local-x50-2000claims') / base, 2),
  }
  const result = {
    startedAt,
    mode: opts.quick ? 'quick' : 'full',
    plan,
    rounds,
    machine: {
      loadavgBefore: loadBefore.map((l) => round(l, 2)),
      loadavgAfter: loadavg().map((l) => round(l, 2)),
      chromium: chromiumVersion(executablePath),
      node: process.version,
    },
    targets: { p95NoClaimsMs: TARGET_P95_MS, ratio200: TARGET_RATIO_200, ratio2000: TARGET_RATIO_2000 },
    rows,
    ratios,
  }
  writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`)
  printTable(rows, ratios, base, result.machine)
  console.log(`\nwritten: ${opts.out}`)
}

function printTable(
  rows: Row[],
  ratios: { claims200: number; claims2000: number },
  base: number,
  machine: { loadavgBefore: number[]; loadavgAfter: number[] },
): void {
  const header = ['scenario', 'n', 'median ms', 'p95 ms', 'p99 ms', 'max ms', 'key→remote paint p50/p95']
  const lines = rows.map((r) => [
    r.scenario,
    String(r.samples),
    String(r.medianMs),
    String(r.p95Ms),
    String(r.p99Ms),
    String(r.maxMs),
    r.endToEndMedianMs === undefined ? '' : `${r.endToEndMedianMs} / ${r.endToEndP95Ms}`,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  console.log(`\n${fmt(header)}`)
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const l of lines) console.log(fmt(l))
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')
  console.log(`\np95, no claims: ${base} ms (target ≤ ${TARGET_P95_MS}: ${verdict(base <= TARGET_P95_MS)})`)
  console.log(
    `200 claims ÷ none: ${ratios.claims200} (target ≤ ${TARGET_RATIO_200}: ${verdict(ratios.claims200 <= TARGET_RATIO_200)})`,
  )
  console.log(
    `2,000 claims (×50) ÷ none: ${ratios.claims2000} (target ≤ ${TARGET_RATIO_2000}: ${verdict(ratios.claims2000 <= TARGET_RATIO_2000)})`,
  )
  console.log(`load average before ${machine.loadavgBefore.join(' ')}, after ${machine.loadavgAfter.join(' ')}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
