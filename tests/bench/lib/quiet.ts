import { cpuSnapshot, foreignCpuPct } from './cpu.js'
import { sleep } from './time.js'

/** Foreign CPU (percent of both cores) under which a measurement may start. */
const QUIET_PCT = 15
const SAMPLE_MS = 300

let waitedMs = 0
/** Past this total, stop waiting: on a machine that never calms down, waiting only costs time. */
let totalBudgetMs = Number.POSITIVE_INFINITY

export function setQuietBudget(ms: number): void {
  totalBudgetMs = ms
}

/**
 * On a shared machine, wait (bounded) until other processes leave our two cores mostly
 * alone before a measurement starts. Never blocks longer than `maxWaitMs`; the row's
 * foreignCpuPct still records what happened during the measurement itself.
 */
export async function waitForQuiet(maxWaitMs: number): Promise<number> {
  if (waitedMs >= totalBudgetMs) return Number.NaN
  const deadline = Date.now() + Math.min(maxWaitMs, totalBudgetMs - waitedMs)
  const started = Date.now()
  let pct = 0
  do {
    const before = cpuSnapshot()
    await sleep(SAMPLE_MS)
    pct = foreignCpuPct(before, cpuSnapshot())
    if (pct < QUIET_PCT) break
  } while (Date.now() < deadline)
  waitedMs += Date.now() - started
  return pct
}

/** Total time spent waiting for quiet in this run (reported once at the end). */
export function quietWaitTotalMs(): number {
  return waitedMs
}
