/**
 * `pnpm bench [--quick] [--only=fanout,connections,large-doc,mem-per-doc,store,history] [--servers=ours,hocuspocus,...]
 *   [--readers=10,50,200] [--raw-readers=50,200]`
 *
 * Starts each server as a child pinned to core 1, drives the same load at each from
 * this process pinned to core 0, prints one table with ratios ours/reference and
 * writes bench/results.json at the repository root.
 */
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { type Plan, planFor } from './config.js'
import { installExitHandlers, pinSelf } from './lib/children.js'
import { cpuSnapshot, foreignCpuPct } from './lib/cpu.js'
import { raiseFileLimit } from './lib/file-limit.js'
import { quietWaitTotalMs, setQuietBudget } from './lib/quiet.js'
import { withTimeout } from './lib/time.js'
import { addRatios, printTable, sortRows, writeResults } from './report.js'
import type { Row } from './row.js'
import { connections } from './scenarios/connections.js'
import { fanout, fanoutRooms, fanoutScenario } from './scenarios/fanout.js'
import { history, historyScenarios } from './scenarios/history.js'
import { largeDoc } from './scenarios/large-doc.js'
import { memPerDoc } from './scenarios/mem-per-doc.js'
import { scaleout, scaleoutScenario } from './scenarios/scaleout.js'
import { storeEndToEnd } from './scenarios/store-e2e.js'
import { storeThroughput } from './scenarios/store-throughput.js'
import { startBareRelay } from './servers/bare-relay.js'
import { startHocuspocus } from './servers/hocuspocus.js'
import { oursExists, startOurs } from './servers/ours.js'
import type { ServerHandle, ServerName, StartServer } from './servers/types.js'
import { startYWebsocketServer } from './servers/y-websocket-server.js'
import { option } from './lib/args.js'

installExitHandlers()
pinSelf()
const openFiles = raiseFileLimit()
// Every stock y-websocket provider adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(10_000)

const args = process.argv.slice(2)
const optionList = (name: string): string[] | undefined => option(name)?.split(',')
const plan = planFor(args.includes('--quick') ? 'quick' : 'full')
// `--readers=10,50`: only these fan-out room sizes, for a closer look at one of them.
const readers = optionList('readers')
  ?.map(Number)
  .filter((n) => n > 0)
if (readers) plan.fanout.readers = readers
// `--raw-readers=200` (or `--raw-readers=` for none): the rooms measured again with raw readers.
const rawReaders = optionList('raw-readers')
  ?.map(Number)
  .filter((n) => n > 0)
if (rawReaders) plan.fanout.rawReaders = rawReaders
const only = optionList('only')
setQuietBudget(plan.quietTotalMs)
const serverFilter = optionList('servers')
const resultsFile = fileURLToPath(new URL('../../bench/results.json', import.meta.url))
/** A group starts only if its usual duration still fits: quick must end within two minutes. */
const budgetMs = plan.mode === 'quick' ? 112_000 : 20 * 60_000
const startedAt = Date.now()

const starters: Array<{ name: ServerName; start: StartServer }> = [
  { name: 'ours', start: () => startOurs() },
  { name: 'y-websocket-server', start: startYWebsocketServer },
  { name: 'hocuspocus', start: startHocuspocus },
  // The floor: only in the groups that measure forwarding (fan-out, connections), see `floor`.
  { name: 'bare-relay', start: startBareRelay },
]
const servers = starters.filter((s) => !serverFilter || serverFilter.includes(s.name))

/**
 * "each": a fresh server process per server and scenario group, so memory baselines are clean.
 * "together": all servers up at once (idle unless driven) and the scenario rotates
 * through them per repetition, so noise from other processes spreads evenly.
 * "ours-only": the scenario starts what it needs itself (store benchmarks).
 * "own": the scenario starts what it needs itself, for the servers it is given (scale-out pairs).
 */
interface Group {
  id: string
  kind: 'each' | 'together' | 'ours-only' | 'own'
  rowsFor(plan: Plan): string[]
  run(servers: ServerHandle[], plan: Plan): AsyncGenerator<Row>
  /** Usual duration on a quiet machine, for the time budget. */
  estimateMs: number
  timeoutMs: number
  /** The bare relay takes part: it only forwards frames, so it has no documents to sync, store or version. */
  floor?: boolean
}

const one = (scenario: string, fn: (server: ServerHandle) => Promise<Row>) =>
  async function* (servers: ServerHandle[]): AsyncGenerator<Row> {
    for (const server of servers) yield await safe(scenario, server.name, () => fn(server))
  }

const groups: Group[] = [
  {
    id: 'fanout',
    kind: 'together',
    rowsFor: (p) => fanoutRooms(p.fanout).map(({ readers, kind }) => fanoutScenario(readers, kind)),
    run: (servers, p) => fanout(servers, p.fanout, p.quietMaxMs),
    estimateMs: plan.mode === 'quick' ? 40_000 : 540_000,
    timeoutMs: plan.mode === 'quick' ? 100_000 : 840_000,
    floor: true,
  },
  {
    id: 'scaleout',
    kind: 'own',
    rowsFor: (p) => p.scaleout.readers.map(scaleoutScenario),
    run: (running, p) =>
      scaleout(
        running.map((s) => s.name),
        p,
        p.quietMaxMs,
      ),
    estimateMs: plan.mode === 'quick' ? 20_000 : 210_000,
    timeoutMs: plan.mode === 'quick' ? 90_000 : 400_000,
  },
  {
    id: 'connections',
    kind: 'each',
    rowsFor: (p) => [`connections-${p.connections.total}x${p.connections.docs}docs`],
    run: (servers, p) =>
      one(`connections-${p.connections.total}x${p.connections.docs}docs`, (s) =>
        connections(s, p.connections, p.quietMaxMs),
      )(servers),
    estimateMs: plan.mode === 'quick' ? 14_000 : 120_000,
    timeoutMs: 180_000,
    floor: true,
  },
  {
    id: 'large-doc',
    kind: 'together',
    rowsFor: (p) => [`large-doc-sync-${p.largeDoc.articleCopies}x-${p.largeDoc.claims}claims`],
    run: (servers, p) => largeDoc(servers, p.largeDoc, p.quietMaxMs),
    estimateMs: plan.mode === 'quick' ? 10_000 : 60_000,
    timeoutMs: 180_000,
  },
  {
    id: 'mem-per-doc',
    kind: 'each',
    rowsFor: (p) => [`mem-per-doc-${p.memPerDoc.docs}docs`],
    run: (servers, p) =>
      one(`mem-per-doc-${p.memPerDoc.docs}docs`, (s) => memPerDoc(s, p.memPerDoc, p.quietMaxMs))(servers),
    estimateMs: plan.mode === 'quick' ? 10_000 : 60_000,
    timeoutMs: 120_000,
  },
  {
    id: 'store',
    kind: 'ours-only',
    rowsFor: () => ['store-group-commit', 'store-e2e-sigterm'],
    async *run(_servers, p) {
      yield await safe('store-group-commit', 'ours', () => storeThroughput(p.store))
      yield await safe('store-e2e-sigterm', 'ours', () => storeEndToEnd(p.store))
    },
    estimateMs: plan.mode === 'quick' ? 8000 : 30_000,
    timeoutMs: 150_000,
  },
  {
    id: 'history',
    kind: 'ours-only',
    rowsFor: (p) => historyScenarios(p.history),
    async *run(_servers, p) {
      try {
        yield* await history(p.history)
      } catch (err) {
        for (const scenario of historyScenarios(p.history))
          yield { scenario, server: 'ours', p50Ms: null, p99Ms: null, error: (err as Error).message.split('\n')[0] }
      }
    },
    estimateMs: plan.mode === 'quick' ? 5000 : 40_000,
    timeoutMs: 150_000,
  },
]

async function safe(scenario: string, server: ServerName, fn: () => Promise<Row>): Promise<Row> {
  try {
    return await fn()
  } catch (err) {
    return { scenario, server, p50Ms: null, p99Ms: null, error: (err as Error).message.split('\n')[0] }
  }
}

const rows: Row[] = []
const notes = new Map<ServerName, string[]>()
const failedToStart = new Map<ServerName, string>()

console.log(
  `bench ${plan.mode}: node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB; servers on core 1, load on core 0; open files ${openFiles}`,
)
if (!oursExists()) failedToStart.set('ours', 'server/src/main.ts does not exist yet')

/** Starts what it can; a server that fails to start gets error rows and is not retried. */
async function startAll(group: Group, names: Array<(typeof servers)[number]>): Promise<ServerHandle[]> {
  const started: ServerHandle[] = []
  for (const { name, start } of names) {
    const skip = (error: string): void => {
      for (const scenario of group.rowsFor(plan))
        rows.push({ scenario, server: name, p50Ms: null, p99Ms: null, error, mode: plan.mode })
    }
    const previousFailure = failedToStart.get(name)
    if (previousFailure) {
      skip(previousFailure)
      continue
    }
    try {
      const server = await start()
      notes.set(name, server.notes)
      started.push(server)
    } catch (err) {
      const message = `did not start: ${(err as Error).message.split('\n')[0]}`
      console.error(`${name}: ${(err as Error).message}`)
      failedToStart.set(name, message)
      skip(message)
    }
  }
  return started
}

async function runGroup(group: Group, running: ServerHandle[]): Promise<void> {
  const before = rows.length
  try {
    const collect = async (): Promise<void> => {
      // One reading per scenario: interleaved groups yield all servers' rows of a scenario together.
      let cpu = cpuSnapshot()
      let scenario = ''
      let pct = 0
      for await (const row of group.run(running, plan)) {
        if (row.scenario !== scenario) {
          const now = cpuSnapshot()
          pct = foreignCpuPct(cpu, now)
          cpu = now
          scenario = row.scenario
        }
        // A scenario that measured its own windows (fan-out) knows better than this group-wide reading.
        rows.push({ foreignCpuPct: pct, ...row, mode: plan.mode })
        console.log(
          `  ${row.scenario} ${row.server}: p50 ${row.p50Ms} p99 ${row.p99Ms}${row.error ? ` ERROR ${row.error}` : ''}`,
        )
      }
    }
    await withTimeout(collect(), group.timeoutMs, `${group.id} on ${running.map((s) => s.name).join(', ')}`)
  } catch (err) {
    const done = new Set(rows.slice(before).map((r) => `${r.scenario} ${r.server}`))
    for (const server of running.length ? running : [{ name: 'ours' as const }]) {
      for (const scenario of group.rowsFor(plan)) {
        if (!done.has(`${scenario} ${server.name}`)) {
          rows.push({
            scenario,
            server: server.name,
            p50Ms: null,
            p99Ms: null,
            error: (err as Error).message,
            mode: plan.mode,
          })
        }
      }
    }
  }
}

const groupTimes: string[] = []
for (const group of groups) {
  if (only && !only.includes(group.id)) continue
  const groupStart = Date.now()
  await runOne(group)
  groupTimes.push(`${group.id} ${Math.round((Date.now() - groupStart) / 1000)} s`)
}

/** One group: skipped whole if its estimate no longer fits the budget, else run on its servers. */
async function runOne(group: Group): Promise<void> {
  const members =
    group.kind === 'ours-only'
      ? servers.filter((s) => s.name === 'ours')
      : group.kind === 'own'
        ? servers.filter((s) => s.name === 'ours' || s.name === 'hocuspocus')
        : servers.filter((s) => group.floor || s.name !== 'bare-relay')
  // Skipped as a whole, so a table never has a scenario measured for some servers only.
  if (Date.now() - startedAt + group.estimateMs > budgetMs) {
    for (const { name } of members) {
      for (const scenario of group.rowsFor(plan)) {
        rows.push({
          scenario,
          server: name,
          p50Ms: null,
          p99Ms: null,
          error: 'skipped: time budget spent',
          mode: plan.mode,
        })
      }
    }
    return
  }
  if (group.kind === 'ours-only') {
    if (!members.length) return
    const why = oursExists() ? undefined : failedToStart.get('ours')
    if (why) {
      for (const scenario of group.rowsFor(plan))
        rows.push({ scenario, server: 'ours', p50Ms: null, p99Ms: null, error: `TODO: ${why}`, mode: plan.mode })
    } else {
      await runGroup(group, [])
    }
    return
  }
  if (group.kind === 'own') {
    // Only names cross over: the scenario starts (and stops) its own instances of each.
    if (members.length)
      await runGroup(
        group,
        members.map((m) => ({ name: m.name }) as ServerHandle),
      )
    return
  }
  const batches = group.kind === 'together' ? [members] : members.map((s) => [s])
  for (const batch of batches) {
    const running = await startAll(group, batch)
    try {
      if (running.length) await runGroup(group, running)
    } finally {
      await Promise.all(running.map((s) => s.stop()))
    }
  }
}

const sorted = sortRows(rows)
addRatios(sorted)
console.log('')
printTable(sorted)
console.log('')
for (const [name, list] of notes) console.log(`${name}: ${list.join('; ')}`)
console.log(`groups: ${groupTimes.join(', ')}`)
console.log(`waited ${Math.round(quietWaitTotalMs() / 1000)} s in total for other processes to leave the cores alone`)
console.log(
  `ratios are ours/reference from this run (below 1 = ours better); mode ${plan.mode}; ${Math.round((Date.now() - startedAt) / 1000)} s`,
)
writeResults(sorted, resultsFile)
console.log(`wrote ${resultsFile}`)
process.exit(0)
