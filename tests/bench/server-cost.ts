/**
 * Server CPU time per handshake and per fanned-out update, and where ours spends it. A
 * diagnostic beside `pnpm bench`, not a table row: on a machine that other work loads, latency
 * percentiles measure the neighbours, while the CPU time the server's own threads used for a
 * known amount of work barely moves (it counts only while the server runs).
 *
 *   pnpm --filter @fc/tests bench:cost [--servers=ours,bare-relay] [--sockets=2000] [--docs=200]
 *     [--readers=200] [--updates=400] [--reps=3] [--profile=/tmp/prof]
 *
 * - connect: `sockets` raw clients over `docs` documents, 50 handshakes in flight (the connections
 *   ramp's shape), then all closed; CPU of the server's threads from the first upgrade to the last
 *   step 2, per socket.
 * - fanout: one raw writer and `readers` raw readers in one document, `updates` ~30-byte updates at
 *   100 Hz; CPU from the first send until every reader has every update, per update.
 * - scaleout (`--only=scaleout`, ours and hocuspocus): the same with two instances on one backplane
 *   (ours: PostgreSQL + Redis, Hocuspocus: its Redis extension), the writer on A and the readers on
 *   B, as scenarios/scaleout.ts runs them; CPU of both instances together, per update.
 *
 * CPU is the sum over the server's threads of /proc/<pid>/task/<tid>/schedstat (run time in ns),
 * so ours' SQLite log writer thread counts. Each repetition starts a fresh server and the servers
 * take turns, so that ratios compare numbers from the same minutes. `--profile=DIR` also records
 * a V8 CPU profile of each measured window over the inspector (ours and every reference run with
 * `--inspect=127.0.0.1:0`) and prints its top functions (client/top-functions.ts reads it again).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as Y from 'yjs'
import { type RawClient, connectRaw } from './clients/raw.js'
import { installExitHandlers, pinSelf } from './lib/children.js'
import { openInspector } from './lib/inspector.js'
import { raiseFileLimit } from './lib/file-limit.js'
import { makeMarker, scanMarkers } from './lib/marker.js'
import { median, round, summarize } from './lib/stats.js'
import { mapLimit, sleep, waitFor, withTimeout } from './lib/time.js'
import { startBareRelay } from './servers/bare-relay.js'
import { freshDatabase } from '../integration/support/postgres.js'
import { TEST_REDIS_URL } from '../integration/support/redis.js'
import { startHocuspocus, startHocuspocusRedis } from './servers/hocuspocus.js'
import { startOurs } from './servers/ours.js'
import type { ServerHandle } from './servers/types.js'
import { startYWebsocketServer } from './servers/y-websocket-server.js'
import { option } from './lib/args.js'

installExitHandlers()
pinSelf()
raiseFileLimit()
const sockets = Number(option('sockets') ?? 2000)
const docs = Number(option('docs') ?? 200)
const readers = Number(option('readers') ?? 200)
const updates = Number(option('updates') ?? 400)
const reps = Number(option('reps') ?? 3)
const profileDir = option('profile')
const only = option('servers')?.split(',') ?? ['ours', 'bare-relay', 'y-websocket-server', 'hocuspocus']
const scenarios = option('only')?.split(',') ?? ['connect', 'fanout']
/** `--base=dist-base`: also runs that copy of an earlier build (a directory beside server/dist) as `ours-base`. */
const base = option('base')

const starters: Record<string, () => Promise<ServerHandle>> = {
  ours: () => startOurs(),
  'ours-base': () => startOurs({ distDir: base }),
  'y-websocket-server': startYWebsocketServer,
  hocuspocus: startHocuspocus,
  'bare-relay': startBareRelay,
}

/** Run time of all the process's threads so far, in ms. */
function cpuMs(pid: number): number {
  let ms = 0
  for (const value of threadCpuMs(pid).values()) ms += value
  return ms
}

/** Run time per thread name (`node`: the event loop; `node` workers and V8/libuv helpers by their names). */
function threadCpuMs(pid: number): Map<string, number> {
  const byName = new Map<string, number>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      const name = tid === String(pid) ? 'main' : readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()
      byName.set(name, (byName.get(name) ?? 0) + ns / 1e6)
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return byName
}

/** Where the CPU of one window went, by thread, per unit of work (µs). */
function threadShares(before: Map<string, number>, after: Map<string, number>, units: number): string {
  return Array.from(after)
    .map(([name, ms]) => [name, (ms - (before.get(name) ?? 0)) / units] as const)
    .filter(([, ms]) => ms * units >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${round(ms * 1000)}`)
    .join(', ')
}

/** The inspector's Profiler, around one window. */
async function profiler(url: string | undefined): Promise<{ stop(file: string): Promise<void> } | undefined> {
  if (!url || !profileDir) return undefined
  const { call, close } = await openInspector(url)
  await call('Profiler.enable')
  await call('Profiler.setSamplingInterval', { interval: 200 })
  await call('Profiler.start')
  return {
    async stop(file) {
      const { profile } = await call('Profiler.stop')
      close()
      mkdirSync(profileDir, { recursive: true })
      writeFileSync(file, JSON.stringify(profile))
    },
  }
}

async function connectCost(server: ServerHandle, label: string): Promise<number> {
  const ids = await server.newDocIds(docs, 'cost')
  const warm = connectRaw(server, ids[0] as string)
  await warm.synced
  warm.close()
  await sleep(500)
  const prof = await profiler(server.inspectorUrl())
  const clients: RawClient[] = []
  const threadsBefore = threadCpuMs(server.pid)
  const before = cpuMs(server.pid)
  let errors = 0
  // Where the wall time of a handshake goes (a loaded machine stretches both parts): the upgrade
  // (TCP, the gate, the 101) and open -> step 2 (joining the room, sync).
  const upgradeMs: number[] = []
  const joinMs: number[] = []
  await mapLimit(
    Array.from({ length: sockets }, (_, i) => i),
    50,
    async (i) => {
      const c = connectRaw(server, ids[i % ids.length] as string)
      clients.push(c)
      try {
        const total = await c.synced
        const join = await c.openToStep2
        upgradeMs.push(total - join)
        joinMs.push(join)
      } catch {
        errors++
      }
    },
  )
  const used = cpuMs(server.pid) - before
  console.log(
    `    ${label} connect, µs per socket by thread: ${threadShares(threadsBefore, threadCpuMs(server.pid), sockets)}`,
  )
  await prof?.stop(path.join(profileDir ?? '', `${label}-connect.cpuprofile`))
  for (const c of clients) c.close()
  await sleep(1000)
  if (errors > 0) console.log(`    ${server.name}: ${errors} of ${sockets} sockets failed`)
  const up = summarize(upgradeMs)
  const join = summarize(joinMs)
  console.log(
    `    ${label} wall ms p50/p99: upgrade ${round(up.p50)}/${round(up.p99)}, open -> step 2 ${round(join.p50)}/${round(join.p99)}`,
  )
  return used / sockets
}

/**
 * `writerAt`: the instance the writer is on (scale-out: A, readers on B); the CPU counted is
 * both instances' together.
 */
async function fanoutCost(server: ServerHandle, label: string, writerAt: ServerHandle = server): Promise<number> {
  const [docId] = (await writerAt.newDocIds(1, 'cost-fanout')) as [string]
  const room = await mapLimit(
    Array.from({ length: readers }, (_, i) => i),
    25,
    async () => {
      const c = connectRaw(server, docId)
      await withTimeout(c.synced, 30_000, `${server.name} reader sync`)
      return c
    },
  )
  const writer = connectRaw(writerAt, docId)
  await withTimeout(writer.synced, 30_000, `${writerAt.name} writer sync`)
  const pids = Array.from(new Set([server.pid, writerAt.pid]))
  const cpuAll = (): number => pids.reduce((sum, pid) => sum + cpuMs(pid), 0)
  let received = 0
  for (const c of room) c.onUpdate = (u) => scanMarkers(u, () => received++)
  // The writer's updates come from one scratch document, so each builds on the previous one.
  const scratch = new Y.Doc()
  let pending: Uint8Array | undefined
  scratch.on('update', (u: Uint8Array) => (pending = u))
  const bench = scratch.getArray<string>('bench')
  const send = async (count: number): Promise<void> => {
    const target = received + count * readers
    for (let i = 0; i < count; i++) {
      bench.push([makeMarker(i, performance.now())])
      if (pending) writer.sendUpdate(pending)
      await sleep(10)
    }
    if (!(await waitFor(() => received >= target, 30_000, 10))) throw new Error(`${server.name}: updates not delivered`)
  }
  try {
    await send(100) // warm-up: the hot path is compiled before counting
    await sleep(300)
    const prof = await profiler(server.inspectorUrl())
    const writerProf = writerAt === server ? undefined : await profiler(writerAt.inspectorUrl())
    const threadsBefore = threadCpuMs(server.pid)
    const writerBefore = writerAt === server ? undefined : threadCpuMs(writerAt.pid)
    const before = cpuAll()
    await send(updates)
    const used = cpuAll() - before
    const writerShare = writerBefore
      ? `; writer's instance: ${threadShares(writerBefore, threadCpuMs(writerAt.pid), updates)}`
      : ''
    console.log(
      `    ${label} fanout, µs per update by thread (readers' instance): ${threadShares(threadsBefore, threadCpuMs(server.pid), updates)}${writerShare}`,
    )
    await prof?.stop(path.join(profileDir ?? '', `${label}-fanout.cpuprofile`))
    await writerProf?.stop(path.join(profileDir ?? '', `${label}-fanout-writer-instance.cpuprofile`))
    return used / updates
  } finally {
    for (const c of [...room, writer]) c.close()
    scratch.destroy()
    await sleep(500)
  }
}

/** Two instances of ours (PostgreSQL + Redis) or of Hocuspocus (Redis), as scenarios/scaleout.ts starts them. */
async function startPair(name: string): Promise<{ a: ServerHandle; b: ServerHandle; stop(): Promise<void> }> {
  if (name === 'hocuspocus') {
    const prefix = `hocuspocus-cost-${process.pid}-${Date.now()}`
    const a = await startHocuspocusRedis(TEST_REDIS_URL, prefix)
    const b = await startHocuspocusRedis(TEST_REDIS_URL, prefix)
    return { a, b, stop: async () => void (await Promise.all([a.stop(), b.stop()])) }
  }
  const db = await freshDatabase()
  const env = { databaseUrl: db.url, redisUrl: TEST_REDIS_URL, ...(name === 'ours-base' ? { distDir: base } : {}) }
  const a = await startOurs(env)
  const b = await startOurs({ ...env, session: { params: a.params, token: a.token } })
  return {
    a,
    b,
    async stop() {
      await Promise.all([a.stop(), b.stop()])
      await db.drop().catch(() => undefined)
    },
  }
}

const names = Object.keys(starters).filter((n) => only.includes(n) || (n === 'ours-base' && base))
const results = new Map<string, number[]>()
for (let rep = 1; rep <= reps; rep++) {
  if (scenarios.includes('scaleout')) {
    for (const name of names.filter((n) => n === 'ours' || n === 'ours-base' || n === 'hocuspocus')) {
      const pair = await startPair(name)
      try {
        const value = await fanoutCost(pair.b, `${name}-${rep}`, pair.a)
        const key = `scaleout ${name}`
        results.set(key, [...(results.get(key) ?? []), value])
        console.log(`  rep ${rep} ${key}: ${round(value * 1000)} µs CPU (both instances)`)
      } finally {
        await pair.stop()
      }
    }
  }
  for (const name of names) {
    if (!scenarios.some((s) => s !== 'scaleout')) break
    const server = await (starters[name] as () => Promise<ServerHandle>)()
    try {
      for (const scenario of scenarios.filter((s) => s !== 'scaleout')) {
        const label = `${name}-${rep}`
        const value = scenario === 'connect' ? await connectCost(server, label) : await fanoutCost(server, label)
        const key = `${scenario} ${name}`
        results.set(key, [...(results.get(key) ?? []), value])
        console.log(`  rep ${rep} ${key}: ${round(value * 1000)} µs CPU`)
      }
    } finally {
      await server.stop()
    }
  }
}

console.log(
  `\nserver CPU per unit (median of ${reps}; connect: ${sockets} sockets over ${docs} docs; fanout: 1 -> ${readers} readers)`,
)
for (const scenario of scenarios) {
  const ours = median(results.get(`${scenario} ours`) ?? [])
  for (const name of names) {
    const values = results.get(`${scenario} ${name}`) ?? []
    const m = median(values)
    const spread = values.map((v) => round(v * 1000)).join(' / ')
    const ratio = name !== 'ours' && ours ? `  ours/this ${(ours / m).toFixed(2)}` : ''
    console.log(
      `${scenario.padEnd(8)} ${name.padEnd(20)} ${String(round(m * 1000)).padStart(8)} µs  (${spread})${ratio}`,
    )
  }
}
if (profileDir) console.log(`\nprofiles in ${profileDir}: node --import tsx bench/client/top-functions.ts FILE 30`)
process.exit(0)
