import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Row } from './row.js'

/**
 * Ratios ours/reference from the same run, on the reference's row (so each line reads
 * "ours is X times this server"). Below 1 means ours is better for latency and memory.
 */
export function addRatios(rows: Row[]): void {
  for (const row of rows) {
    if (row.server === 'ours') continue
    const ours = rows.find((r) => r.server === 'ours' && r.scenario === row.scenario && !r.error)
    if (!ours || row.error) continue
    const p99 = ratio(ours.p99Ms, row.p99Ms)
    if (p99 !== undefined) row.oursOverRefP99 = p99
    const pooled = ratio(ours.p99PooledMs, row.p99PooledMs)
    if (pooled !== undefined) row.oursOverRefP99Pooled = pooled
    const mem = ratio(ours.memPerConnKiB ?? ours.memPerDocKiB, row.memPerConnKiB ?? row.memPerDocKiB)
    if (mem !== undefined) row.oursOverRefMem = mem
    const heap = ratio(ours.heapPerConnKiB ?? ours.heapPerDocKiB, row.heapPerConnKiB ?? row.heapPerDocKiB)
    if (heap !== undefined) row.oursOverRefHeap = heap
    // The floor's ratio again on ours' own row, so that row reads "X times the physical limit".
    if (row.server === 'bare-relay') {
      if (p99 !== undefined) ours.oursOverBareRelayP99 = p99
      if (mem !== undefined) ours.oursOverBareRelayMem = mem
    }
  }
}

function ratio(ours: unknown, ref: unknown): number | undefined {
  if (
    typeof ours !== 'number' ||
    typeof ref !== 'number' ||
    !Number.isFinite(ours) ||
    !Number.isFinite(ref) ||
    ref <= 0
  )
    return undefined
  return Math.round((ours / ref) * 100) / 100
}

/** The few extra fields that explain a row, per scenario kind. */
function extras(r: Row): string {
  const parts: string[] = []
  const add = (label: string, value: unknown, unit = ''): void => {
    if (value !== undefined && value !== null) parts.push(`${label} ${String(value)}${unit}`)
  }
  add('ours/bare-relay p99', r.oursOverBareRelayP99)
  add('ours/bare-relay mem', r.oursOverBareRelayMem)
  if (r.scenario.startsWith('fanout') || r.scenario.startsWith('scaleout')) {
    add('drops', r.drops)
    add('one-instance p99', r.oneInstanceP99Ms, 'ms')
    add('extra p99 over one instance', r.extraP99Ms, 'ms')
    add('pooled p99', r.p99PooledMs, 'ms')
    add('ours/ref pooled', r.oursOverRefP99Pooled)
    if (typeof r.socketCloses === 'number' && r.socketCloses > 0) add('socket closes', r.socketCloses)
    add('gen lag p99', r.genLagP99Ms, 'ms')
  } else if (r.scenario.startsWith('connections')) {
    add('heap', r.heapPerConnKiB, 'KiB/conn')
    add('errors', r.errors)
    add('live', r.liveFraction)
    add('rss', r.rssMiB, 'MiB')
  } else if (r.scenario.startsWith('large-doc')) {
    add('doc', r.docKiB, 'KiB')
    add('first', r.firstSyncMs, 'ms')
    add('server sync warm', r.serverSyncWarmMs, 'ms')
    add('cold', r.serverSyncColdMs, 'ms')
    add('other-doc p99', r.otherDocP99Ms, 'ms')
  } else if (r.scenario.startsWith('mem-per-doc')) {
    add('heap', r.heapPerDocKiB, 'KiB/doc')
    add('heap kept after close', r.heapRetainedAfterCloseKiBPerDoc, 'KiB/doc')
    add('rss', r.rssMiB, 'MiB')
  } else if (r.scenario === 'store-group-commit') {
    add('persisted', r.updatesPerSec, '/s')
    add('latency at', r.offeredPerSec, '/s')
    add('updates per commit there', r.updatesPerCommit)
  } else if (r.scenario === 'store-e2e-sigterm') {
    add('accepted via socket', r.updatesPerSec, '/s')
    add('offered', r.offeredPerSec, '/s')
    add('lost after SIGTERM+restart', r.lostAfterSigterm, `/${String(r.sent)}`)
  }
  add('ours/ref heap', r.oursOverRefHeap)
  if (typeof r.foreignCpuPct === 'number' && r.foreignCpuPct >= 5)
    parts.push(`NOISY: other processes ${r.foreignCpuPct}% CPU`)
  if (r.note) parts.push(r.note)
  if (r.error) parts.push(`ERROR: ${r.error}`)
  return parts.join(', ')
}

const fmt = (v: unknown): string =>
  v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v)) ? '-' : String(v)

const SERVER_ORDER = ['ours', 'y-websocket-server', 'hocuspocus', 'bare-relay']

/** Scenarios in the order they ran, and within one, ours first then the references. */
export function sortRows(rows: Row[]): Row[] {
  const firstSeen = new Map<string, number>()
  rows.forEach((r, i) => {
    if (!firstSeen.has(r.scenario)) firstSeen.set(r.scenario, i)
  })
  return [...rows].sort(
    (a, b) =>
      (firstSeen.get(a.scenario) ?? 0) - (firstSeen.get(b.scenario) ?? 0) ||
      SERVER_ORDER.indexOf(a.server) - SERVER_ORDER.indexOf(b.server),
  )
}

export function printTable(rows: Row[]): void {
  const header = [
    'scenario',
    'server',
    'conns',
    'p50 ms',
    'p99 ms',
    'p99.9 ms',
    'KiB/conn',
    'KiB/doc',
    'ours/ref p99',
    'ours/ref mem',
    'notes',
  ]
  const lines = rows.map((r) => [
    r.scenario,
    r.server,
    fmt(r.connections),
    fmt(r.p50Ms),
    fmt(r.p99Ms),
    fmt(r.p999Ms),
    fmt(r.memPerConnKiB),
    fmt(r.memPerDocKiB),
    fmt(r.oursOverRefP99),
    fmt(r.oursOverRefMem),
    extras(r),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)))
  const render = (cells: string[]): string =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? c : i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number),
      )
      .join('  ')
  console.log(render(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  let last = ''
  for (const [i, l] of lines.entries()) {
    const scenario = rows[i]?.scenario ?? ''
    if (last && scenario !== last) console.log('')
    last = scenario
    console.log(render(l))
  }
}

export function writeResults(rows: Row[], file: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`)
}
