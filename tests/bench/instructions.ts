/**
 * Server work per fanned-out update, counted in CPU instructions with valgrind's callgrind,
 * and a profile of where it goes. A diagnostic beside `pnpm bench`, not part of its table.
 *
 *   pnpm --filter @fc/tests bench:instructions [--readers=50] [--updates=300] [--servers=ours,y-websocket-server]
 *   KEEP=1 …   keeps the dumps (path printed) for `callgrind_annotate --inclusive=no <file>`
 *
 * Each server runs under `valgrind --tool=callgrind` with instrumentation off; it is switched on
 * (callgrind_control) only while the writer sends its updates at 10 Hz and every reader receives
 * them, after a warm-up and a forced full GC, so start-up, sync and connection set-up are not
 * counted. All threads of the server count (ours: its SQLite log writer and checkpointer too).
 * Stock clients, as in fanout.ts. Needs valgrind.
 *
 * Counts are not as repeatable as for native code: V8's GC and JIT work that lands in the window
 * is counted, and under valgrind its timing shifts. Runs of the same server differed by up to
 * 40 % (2026-11-25): compare profiles, or several runs, not one number.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type StockClient, connectStock } from './clients/stock.js'
import { makeMarker, scanMarkers } from './lib/marker.js'
import { mapLimit, sleep, waitFor, withTimeout } from './lib/time.js'
import { startBareRelay } from './servers/bare-relay.js'
import { startHocuspocus } from './servers/hocuspocus.js'
import { startOurs } from './servers/ours.js'
import type { ServerHandle, ServerName } from './servers/types.js'
import { startYWebsocketServer } from './servers/y-websocket-server.js'
import { option } from './lib/args.js'

process.setMaxListeners(10_000)
const readers = Number(option('readers') ?? 50)
const updates = Number(option('updates') ?? 300)
const only = option('servers')?.split(',')
/** Slow enough that a server under valgrind keeps up: each update is counted on its own. */
const RATE_HZ = 10

const starters: Record<ServerName, () => Promise<ServerHandle>> = {
  ours: startOurs,
  'y-websocket-server': startYWebsocketServer,
  hocuspocus: startHocuspocus,
  'bare-relay': startBareRelay,
}

async function countFor(name: ServerName): Promise<{ instructions: number; perUpdate: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fc-callgrind-'))
  process.env.BENCH_SERVER_WRAP = `valgrind --tool=callgrind --instr-atstart=no --vgdb=yes --callgrind-out-file=${dir}/cg.%p`
  process.env.BENCH_SLOW_START = '30'
  const server = await starters[name]()
  delete process.env.BENCH_SERVER_WRAP
  const clients: StockClient[] = []
  try {
    const [docId] = (await server.newDocIds(1, 'instr')) as [string]
    const readerClients = await mapLimit(
      Array.from({ length: readers }, (_, i) => i),
      10,
      async () => {
        const c = connectStock(server, docId, undefined, { awareness: false })
        clients.push(c)
        await withTimeout(c.synced, 120_000, `reader sync (${name})`)
        return c
      },
    )
    const writer = connectStock(server, docId, undefined, { awareness: false })
    clients.push(writer)
    await withTimeout(writer.synced, 120_000, `writer sync (${name})`)

    let received = 0
    for (const c of readerClients) c.doc.on('update', (u: Uint8Array) => scanMarkers(u, () => received++))
    const bench = writer.doc.getArray<string>('bench')
    const send = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        bench.push([makeMarker(i, performance.now())])
        await sleep(1000 / RATE_HZ)
      }
    }
    const deliver = async (count: number): Promise<void> => {
      const target = received + count * readers
      await send(count)
      if (!(await waitFor(() => received >= target, 120_000, 50))) throw new Error(`${name}: updates not delivered`)
    }
    // Warm-up: the JIT has compiled the hot path before counting starts. Then a full GC in the
    // server (over its inspector, as the memory scenarios do), so that whether a major GC of
    // what set-up left behind lands in the window is not down to luck; the window's own
    // allocations are still collected, and counted, as they come.
    await deliver(200)
    await server.memory()
    await sleep(500)
    const control = (...command: string[]): void => {
      // vgdb finds the server by a file name that includes $HOST as the server saw it (ours sets HOST).
      execFileSync('callgrind_control', [...command, String(server.pid)], {
        stdio: 'ignore',
        env: { ...process.env, HOST: envOf(server.pid).HOST },
      })
    }
    control('-i', 'on')
    await deliver(updates)
    control('-i', 'off')
    control('-d')
    const instructions = readTotals(dir)
    if (instructions === 0) throw new Error(`${name}: callgrind counted nothing (is valgrind's vgdb reachable?)`)
    return { instructions, perUpdate: Math.round(instructions / updates) }
  } finally {
    for (const c of clients) c.destroy()
    await server.stop()
    if (process.env.KEEP) console.log(`  ${name}: dumps kept in ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

function envOf(pid: number): Record<string, string> {
  const pairs = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean)
  return Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]))
}

/** Sum of `totals:` over the dump files (`summary:` is not the dumped interval). */
function readTotals(dir: string): number {
  let total = 0
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8')
    const m = /^totals: (\d+)/m.exec(text)
    if (m) total += Number(m[1])
  }
  return total
}

const names = (Object.keys(starters) as ServerName[]).filter((n) => !only || only.includes(n))
const results: { server: ServerName; instructions: number; perUpdate: number }[] = []
for (const name of names) {
  const r = await countFor(name)
  console.log(`  ${name}: ${r.perUpdate.toLocaleString('en')} instructions per update (${readers} readers)`)
  results.push({ server: name, ...r })
}
const ours = results.find((r) => r.server === 'ours')
console.log(`\ninstructions per fanned-out update, 1 writer -> ${readers} readers, ${updates} updates counted`)
for (const r of results) {
  const ratio = ours && r !== ours ? `  ours/ref ${(ours.perUpdate / r.perUpdate).toFixed(2)}` : ''
  console.log(`${r.server.padEnd(20)} ${r.perUpdate.toLocaleString('en').padStart(14)}${ratio}`)
}
process.exit(0)
