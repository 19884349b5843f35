import { readdirSync, readFileSync } from 'node:fs'
import { cpuCore } from '../config.js'

/**
 * How much CPU *other* processes took on our two cores while a server was measured.
 * The machine is shared (other engineers run builds and browsers on it); a number
 * taken while something else ate the server's core is not comparable, and this says so.
 */
interface Snapshot {
  at: number
  coreBusy: [number, number]
  own: number
}

const TICK_MS = 10 // USER_HZ is 100 on Linux

function coreBusyTicks(core: number): number {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`cpu${core} `))
  if (!line) return 0
  // user nice system idle iowait irq softirq steal
  const f = line.trim().split(/\s+/).slice(1).map(Number)
  return (f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0)
}

/** utime+stime+cutime+cstime of every process in the tree under `root` (reaped children included). */
function treeTicks(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after the parenthesised command name: state ppid ... utime(12) stime(13) cutime(14) cstime(15).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      stats.set(Number(entry), {
        ppid: Number(f[1]),
        ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
      })
    } catch {
      // exited while we looked
    }
  }
  const children = new Map<number, number[]>()
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid])
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop() as number
    total += stats.get(pid)?.ticks ?? 0
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Everything this run started (servers, probes, store child) counts as ours. */
export function cpuSnapshot(): Snapshot {
  return {
    at: Date.now(),
    coreBusy: [coreBusyTicks(cpuCore.generator), coreBusyTicks(cpuCore.server)],
    own: treeTicks(process.pid),
  }
}

/** Percent of the two cores' time spent by processes outside this run between the snapshots. */
export function foreignCpuPct(before: Snapshot, after: Snapshot): number {
  const elapsedTicks = (after.at - before.at) / TICK_MS
  if (elapsedTicks <= 0) return 0
  const busy = after.coreBusy[0] - before.coreBusy[0] + (after.coreBusy[1] - before.coreBusy[1])
  const foreign = Math.max(0, busy - (after.own - before.own))
  return Math.round((foreign / (2 * elapsedTicks)) * 1000) / 10
}
