/**
 * `pnpm --filter @fc/tests bench:connect-tail [--servers=ours,y-websocket-server] [--total=10000] [--docs=1000]
 *   [--profile=DIR]`
 *
 * Where the connections ramp's handshake + sync tail comes from (issue 19): the same ramp as
 * scenarios/connections.ts (raw clients, 5 steps, 50 in flight, socket i on document i mod docs),
 * one server at a time, and per socket its step, whether it was its document's first socket,
 * and when it started. Over the server's inspector it also records the server's GC pauses
 * (PerformanceObserver 'gc' entries) and event-loop delay during the ramp, and with `--profile`
 * a CPU profile. It prints the p50/p99 of first sockets and of later ones, per step, how many
 * of the slowest 1 % overlapped a server GC pause, and the pauses by kind. A diagnostic, not a
 * table row: run it under the bench lock, servers one after the other.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { type RawClient, connectRaw } from './clients/raw.js'
import { installExitHandlers, pinSelf } from './lib/children.js'
import { raiseFileLimit } from './lib/file-limit.js'
import { openInspector } from './lib/inspector.js'
import { median, round, summarize } from './lib/stats.js'
import { mapLimit, sleep } from './lib/time.js'
import { startBareRelay } from './servers/bare-relay.js'
import { startHocuspocus } from './servers/hocuspocus.js'
import { startOurs } from './servers/ours.js'
import type { ServerHandle, StartServer } from './servers/types.js'
import { startYWebsocketServer } from './servers/y-websocket-server.js'
import { option } from './lib/args.js'

installExitHandlers()
pinSelf()
raiseFileLimit()

const total = Number(option('total') ?? 10_000)
const docs = Number(option('docs') ?? 1000)
const steps = 5
const concurrency = 50
const profileDir = option('profile')
/** `--warm=1000`: as scenarios/connections.ts, that many sockets over a tenth as many documents of their own first. */
const warmSockets = Number(option('warm') ?? 1000)
const p99s = new Map<string, number[]>()
const starters: Record<string, StartServer> = {
  ours: () => startOurs(),
  // A copy of an earlier build beside server/dist, as server-cost.ts's `--base=dist-base`.
  'ours-base': () => startOurs({ distDir: 'dist-base' }),
  'y-websocket-server': startYWebsocketServer,
  hocuspocus: startHocuspocus,
  'bare-relay': startBareRelay,
}
const names = (option('servers') ?? 'ours,y-websocket-server').split(',')

interface Sample {
  ms: number
  /** Wall-clock start (ms since the epoch), to line up with the server's GC entries. */
  at: number
  step: number
  first: boolean
}

/** Installed in the server over the inspector: GC entries and an event-loop delay histogram. */
const INSTALL = `(() => {
  const { PerformanceObserver, monitorEventLoopDelay, performance } = process.getBuiltinModule('perf_hooks');
  const gc = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc.push([performance.timeOrigin + e.startTime, e.duration, e.detail?.kind ?? 0]);
  });
  obs.observe({ entryTypes: ['gc'] });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  globalThis.__tail = { gc, obs, loop };
  return true;
})()`
const COLLECT = `(() => {
  const t = globalThis.__tail;
  t.obs.disconnect();
  t.loop.disable();
  const ms = (ns) => ns / 1e6;
  return JSON.stringify({ ct: globalThis.__ct ?? [], cl: globalThis.__cl ?? [], gc: t.gc, loop: { p50: ms(t.loop.percentile(50)), p99: ms(t.loop.percentile(99)), max: ms(t.loop.max) } });
})()`
/** PerformanceGC kinds (perf_hooks constants). */
const GC_KIND: Record<number, string> = { 1: 'minor', 4: 'major', 8: 'incremental', 16: 'weakcb' }

async function ramp(server: ServerHandle, label: string, baseline: boolean): Promise<void> {
  const ids = await server.newDocIds(docs, 'tail')
  const warmIds = await server.newDocIds(Math.max(1, Math.round(warmSockets / 10)), 'tail-warm')
  const warm: RawClient[] = []
  await mapLimit(
    Array.from({ length: Math.max(1, warmSockets) }, (_, i) => i),
    concurrency,
    async (i) => {
      const c = connectRaw(server, warmIds[i % warmIds.length] as string)
      warm.push(c)
      await c.synced.catch(() => undefined)
    },
  )
  for (const c of warm) c.close()
  await sleep(1000)
  // As scenarios/connections.ts: a memory baseline (a forced full GC) right before the ramp.
  if (baseline) await server.memory()
  const url = server.inspectorUrl()
  const inspector = url ? await openInspector(url) : undefined
  await inspector?.call('Runtime.evaluate', { expression: INSTALL })
  if (profileDir) {
    await inspector?.call('Profiler.enable')
    await inspector?.call('Profiler.setSamplingInterval', { interval: 200 })
    await inspector?.call('Profiler.start')
  }
  const clients: RawClient[] = []
  const samples: Sample[] = []
  const opened = new Set<string>()
  let errors = 0
  const cpu: string[] = []
  for (let step = 1; step <= steps; step++) {
    const target = Math.round((total * step) / steps)
    const from = clients.length
    const serverBefore = threadsMs(server.pid)
    const genBefore = process.cpuUsage()
    const wallBefore = performance.now()
    await mapLimit(
      Array.from({ length: target - from }, (_, i) => from + i),
      concurrency,
      async (i) => {
        const docId = ids[i % ids.length] as string
        const first = !opened.has(docId)
        opened.add(docId)
        const at = Date.now()
        const c = connectRaw(server, docId)
        clients.push(c)
        try {
          samples.push({ ms: await c.synced, at, step, first })
        } catch {
          errors++
        }
      },
    )
    const n = target - from
    const serverAfter = threadsMs(server.pid)
    const gen = process.cpuUsage(genBefore)
    cpu.push(
      `step ${step}: ${round(performance.now() - wallBefore)} ms wall; server µs/socket main ${round(((serverAfter.main - serverBefore.main) * 1000) / n)} all threads ${round(((serverAfter.all - serverBefore.all) * 1000) / n)}; generator µs/socket ${round((gen.user + gen.system) / n)}`,
    )
  }
  if (profileDir && inspector) {
    const { profile } = await inspector.call('Profiler.stop')
    mkdirSync(profileDir, { recursive: true })
    writeFileSync(path.join(profileDir, `${label}-ramp.cpuprofile`), JSON.stringify(profile))
  }
  const collected = await inspector?.call('Runtime.evaluate', { expression: COLLECT, returnByValue: true })
  inspector?.close()
  for (const c of clients) c.close()
  await sleep(1000)
  for (const c of cpu) console.log(`  ${c}`)
  report(label, samples, errors, collected ? JSON.parse((collected.result as { value: string }).value) : null)
}

/** CPU time (ms) of the server's main thread and of all its threads (/proc schedstat, as server-cost.ts). */
function threadsMs(pid: number): { main: number; all: number } {
  let main = 0
  let all = 0
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const ms = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6
      all += ms
      if (tid === String(pid)) main += ms
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return { main, all }
}

function line(label: string, ms: number[]): string {
  const s = summarize(ms)
  return `${label} n ${s.n} p50 ${round(s.p50)} p99 ${round(s.p99)} max ${round(s.max)}`
}

function report(
  name: string,
  samples: Sample[],
  errors: number,
  server: { gc: Array<[number, number, number]>; loop: { p50: number; p99: number; max: number } } | null,
): void {
  console.log(`\n${name}: errors ${errors}`)
  const key = name.replace(/-nobase$/, '')
  p99s.set(key, [...(p99s.get(key) ?? []), summarize(samples.map((s) => s.ms)).p99])
  console.log(
    `  ${line(
      'all',
      samples.map((s) => s.ms),
    )}`,
  )
  console.log(
    `  ${line(
      'first of doc',
      samples.filter((s) => s.first).map((s) => s.ms),
    )}`,
  )
  console.log(
    `  ${line(
      'later',
      samples.filter((s) => !s.first).map((s) => s.ms),
    )}`,
  )
  for (let step = 1; step <= steps; step++) {
    console.log(
      `  ${line(
        `step ${step}`,
        samples.filter((s) => s.step === step).map((s) => s.ms),
      )}`,
    )
  }
  if (!server) return
  const ct = (server as any).ct as number[][]
  if (ct?.length) {
    // [upgrade, gate done, 101 (handleUpgrade cb), joined, first?, step2 sent]
    const d = (f: (t: number[]) => boolean, a: number, b: number) =>
      ct.filter((t) => t.length > Math.max(a, b) && f(t)).map((t) => (t[b] as number) - (t[a] as number))
    for (const [lab, f] of [
      ['first', (t: number[]) => t[4] === 1],
      ['later', (t: number[]) => t[4] === 0],
    ] as const) {
      console.log(
        `  server ${lab}: ${line('gate', d(f, 0, 1))} | ${line('gate->101', d(f, 1, 2))} | ${line('101->joined', d(f, 2, 3))} | ${line('joined->step2', d(f, 3, 5))} | ${line('upgrade->step2', d(f, 0, 5))}`,
      )
    }
    const cl = (server as any).cl as number[][]
    const e = (a: number, b: number) => cl.filter((t) => t.length > b).map((t) => (t[b] as number) - (t[a] as number))
    console.log(`  load: ${line('attach', e(0, 1))} | ${line('store.load', e(1, 2))} | ${line('apply', e(2, 3))}`)
  }
  const p99 = summarize(samples.map((s) => s.ms)).p99
  const slow = samples.filter((s) => s.ms >= p99)
  const overlapsGc = slow.filter((s) => server.gc.some(([at, d]) => at < s.at + s.ms && at + d > s.at)).length
  console.log(
    `  slowest 1 % (${slow.length}): ${overlapsGc} overlapped a server GC; ${slow.filter((s) => s.first).length} were first of doc`,
  )
  const byKind = new Map<string, number[]>()
  for (const [, d, kind] of server.gc) {
    const k = GC_KIND[kind] ?? String(kind)
    byKind.set(k, [...(byKind.get(k) ?? []), d])
  }
  for (const [k, ds] of byKind) {
    const sum = ds.reduce((a, b) => a + b, 0)
    console.log(`  gc ${k}: ${ds.length} pauses, ${round(sum)} ms total, max ${round(Math.max(...ds))} ms`)
  }
  console.log(
    `  server event-loop delay p50 ${round(server.loop.p50)} p99 ${round(server.loop.p99)} max ${round(server.loop.max)} ms`,
  )
  // The slowest sockets in time order: bursts (many at once) point at a pause, spread ones at queueing.
  const t0 = Math.min(...samples.map((s) => s.at))
  const buckets = new Map<number, number>()
  for (const s of slow)
    buckets.set(Math.floor((s.at - t0) / 250), (buckets.get(Math.floor((s.at - t0) / 250)) ?? 0) + 1)
  console.log(
    `  slowest 1 % by 250 ms window of start: ${Array.from(buckets)
      .sort((a, b) => a[0] - b[0])
      .map(([w, n]) => `${round((w * 250) / 1000, 2)}s:${n}`)
      .join(' ')}`,
  )
}

// `ours:nobase`: without the forced-GC memory baseline the scenario takes right before its ramp.
for (const label of names) {
  const [name = '', variant] = label.split(':')
  const start = starters[name]
  if (!start) throw new Error(`unknown server ${name}`)
  const server = await start()
  try {
    await ramp(server, label.replace(':', '-'), variant !== 'nobase')
  } finally {
    await server.stop()
  }
}
console.log('')
for (const [name, list] of p99s) {
  console.log(`p99 ${name}: median ${round(median(list))} ms (${list.map((v) => round(v)).join(' / ')})`)
}
process.exit(0)
