import * as Y from 'yjs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { connectRaw } from '../clients/raw.js'
import { type StockClient, connectStock } from '../clients/stock.js'
import type { Plan } from '../config.js'
import { cpuSnapshot, foreignCpuPct } from '../lib/cpu.js'
import { makeMarker, scanMarkers } from '../lib/marker.js'
import { waitForQuiet } from '../lib/quiet.js'
import { rotate } from '../lib/rotate.js'
import { median, round, summarize } from '../lib/stats.js'
import { mapLimit, sleep, waitFor, withTimeout } from '../lib/time.js'
import type { Row } from '../row.js'
import type { ServerHandle } from '../servers/types.js'

/** The histogram's samples include the sampling period itself; it is subtracted to get the lag. */
const LAG_RESOLUTION_MS = 5
/** Late is not lost: wait this long at most for stragglers before counting a drop. */
const MAX_DRAIN_MS = 3000

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.()

/** What one short measurement window saw. */
interface Slice {
  latencies: number[]
  drops: number
  lagP99: number
  foreignPct: number
}

function pool(slices: Slice[]): Rep {
  const latencies = slices.flatMap((x) => x.latencies)
  return {
    latencies,
    ...summarize(latencies),
    drops: slices.reduce((n, x) => n + x.drops, 0),
    lagP99: Math.max(...slices.map((x) => x.lagP99)),
    foreignPct: slices.reduce((n, x) => n + x.foreignPct, 0) / Math.max(1, slices.length),
  }
}

export interface Rep {
  latencies: number[]
  p50: number
  p99: number
  p999: number
  n: number
  drops: number
  lagP99: number
  foreignPct: number
}

/**
 * Stock readers each apply every update to a full Y.Doc on the generator's one core; with
 * 50 or 200 of them that work, as much as the server, decides the slowest readers' latency
 * (the generator's own loop lag nears the p99). Raw readers (clients/raw.ts) only decode
 * and timestamp, as the bench method (tests/bench/README.md) asks where the generator becomes the bottleneck, so the
 * same room measured with them shows the server's own fan-out cost. The writer stays stock.
 */
export type ReaderKind = 'stock' | 'raw'

export const fanoutScenario = (readers: number, kind: ReaderKind): string =>
  kind === 'raw' ? `fanout-raw-${readers}` : `fanout-${readers}`

/** The rooms a plan measures, in order: stock readers for each size in `readers`, then raw ones for `rawReaders`. */
export const fanoutRooms = (plan: Plan['fanout']): Array<{ readers: number; kind: ReaderKind }> => [
  ...plan.readers.map((n) => ({ readers: n, kind: 'stock' as const })),
  ...plan.rawReaders.map((n) => ({ readers: n, kind: 'raw' as const })),
]

/**
 * One writer, N readers in one document, stock clients (presence off, see
 * clients/stock.ts), then raw ones for the rooms in `plan.rawReaders`. The writer sends
 * ~30 B updates on a fixed schedule and stamps each with its *scheduled* time, so a
 * stalled server shows up as latency instead of silently slowing the writer (coordinated
 * omission).
 *
 * Every server gets its readers first; then measurement windows rotate through the
 * servers, in short slices pooled per repetition, so a burst of noise from other
 * processes (or the host under this VM) lands on every server alike rather than on
 * one server's numbers. Idle client sets
 * send nothing, so a server that is not being measured stays idle.
 */
export async function* fanout(servers: ServerHandle[], plan: Plan['fanout'], quietMaxMs: number): AsyncGenerator<Row> {
  for (const { readers, kind } of fanoutRooms(plan)) {
    const sessions: Session[] = []
    const failed: Row[] = []
    try {
      for (const server of servers) {
        try {
          sessions.push(await openSession(server, readers, kind, plan))
        } catch (err) {
          failed.push(row(server, readers, kind, plan, [], (err as Error).message))
        }
      }
      await measureSessions(sessions, readers, plan, quietMaxMs)
      for (const s of sessions)
        yield { ...row(s.server, readers, kind, plan, s.reps, s.error), socketCloses: s.socketCloses() }
      yield* failed
    } finally {
      for (const s of sessions) s.close()
      await sleep(300)
    }
  }
}

/**
 * One repetition = `slices` short windows per session, interleaved with the other sessions'
 * and pooled into `s.reps`. A session that fails keeps its error and is skipped from then on.
 */
export async function measureSessions(
  sessions: Session[],
  readers: number,
  plan: Plan['fanout'],
  quietMaxMs: number,
): Promise<void> {
  const sliceTicks = Math.round(((plan.measureMs[readers] ?? 4000) / 1000 / plan.slices) * plan.rateHz)
  for (let r = 0; r < plan.reps; r++) {
    // One repetition = `slices` short windows per server, interleaved with the other servers'
    // and pooled: a burst of noise from the (virtual) machine lasting a few seconds then lands
    // on every server's repetition alike instead of on one server's whole window.
    const slices = new Map<Session, Slice[]>()
    for (let k = 0; k < plan.slices; k++) {
      for (const s of rotate(sessions, r * plan.slices + k + readers)) {
        if (s.error) continue
        // Stock providers drop a socket that hears nothing for 30 s. Parked sessions get a tiny
        // update now, between windows, so they do not reconnect en masse during this window.
        for (const other of sessions) if (other !== s) other.touch()
        // Every session's readers, the next measured one's too: a Hocuspocus socket silent
        // for 30 s is terminated, and its stock reader would reconnect inside some window.
        for (const any of sessions) any.keepAlive()
        // The generator's own full GC (it holds every reader's Y.Doc: 600+ at 200 readers) would
        // otherwise land inside some window and add ~20 ms to whichever server is measured.
        // Only this process: a server's own GC pauses are part of what is measured.
        collectGarbage()
        await sleep(100)
        await waitForQuiet(quietMaxMs)
        try {
          slices.set(s, [...(slices.get(s) ?? []), await s.measure(sliceTicks)])
        } catch (err) {
          s.error = (err as Error).message
        }
      }
    }
    for (const s of sessions) if (!s.error) s.reps.push(pool(slices.get(s) ?? []))
  }
}

export function row(
  server: ServerHandle,
  readers: number,
  kind: ReaderKind,
  plan: Plan['fanout'],
  reps: Rep[],
  error?: string,
): Row {
  const med = (pick: (r: Rep) => number): number | undefined =>
    reps.length ? round(median(reps.map(pick))) : undefined
  return {
    scenario: fanoutScenario(readers, kind),
    server: server.name,
    p50Ms: med((r) => r.p50) ?? null,
    p99Ms: med((r) => r.p99) ?? null,
    p999Ms: med((r) => r.p999),
    // The same windows as one sample: its p99 rests on every repetition's slowest ticks at once,
    // where the median above rests on one repetition's four or five. Both are kept to judge spread.
    p99PooledMs: reps.length ? round(summarize(reps.flatMap((r) => r.latencies)).p99) : undefined,
    p99RepsMs: reps.map((r) => round(r.p99)),
    connections: readers + 1,
    drops: reps.length ? Math.max(...reps.map((r) => r.drops)) : undefined,
    samples: reps.reduce((n, r) => n + r.n, 0),
    reps: reps.length,
    rateHz: plan.rateHz,
    // If the generator's own loop lags, the latencies above include the generator, not just the server.
    genLagP99Ms: med((r) => r.lagP99),
    foreignCpuPct: reps.length ? round(median(reps.map((r) => r.foreignPct)), 1) : undefined,
    ...(error ? { error } : {}),
  }
}

export interface Session {
  server: ServerHandle
  reps: Rep[]
  error?: string
  /**
   * Socket closes of this session's stock clients (they reconnect by themselves). Should be 0:
   * ours and the bare relay never answer a client that only writes, and a stock writer that
   * hears nothing for 30 s reconnects (y-websocket's messageReconnectTimeout), so `keepAlive`
   * has a reader write too; the references echo or acknowledge anyway.
   */
  socketCloses(): number
  measure(ticks: number): Promise<Slice>
  touch(): void
  keepAlive(): void
  close(): void
}

/** A reader as the scenario needs it, whichever client holds the socket. */
interface Reader {
  synced: Promise<unknown>
  /** Called with the bytes of every update the reader receives. */
  listen(onUpdate: (update: Uint8Array) => void): void
  /** Socket closes after the first sync. */
  drops(): number
  keepAlive(): void
  /** Writes a tiny update of its own (no marker), which the server relays to the writer. */
  poke(): void
  destroy(): void
}

/** A fresh one-item update each time: a repeated one would change nothing and need no relaying. */
function pokeUpdate(): Uint8Array {
  const scratch = new Y.Doc()
  scratch.getArray<string>('bench').push(['poke'])
  const update = Y.encodeStateAsUpdate(scratch)
  scratch.destroy()
  return update
}

function stockReader(c: StockClient): Reader {
  return {
    synced: c.synced,
    listen: (fn) => c.doc.on('update', fn),
    drops: () => c.drops(),
    keepAlive: () => c.keepAlive(),
    poke: () => c.doc.getArray<string>('bench').push(['poke']),
    destroy: () => c.destroy(),
  }
}

function rawReader(server: ServerHandle, docId: string): Reader {
  const c = connectRaw(server, docId, 30_000)
  let synced = false
  void c.synced.then(
    () => (synced = true),
    () => undefined,
  )
  return {
    synced: c.synced,
    listen: (fn) => (c.onUpdate = fn),
    // A raw client does not reconnect: a socket lost after the sync counts once, and its updates as drops.
    drops: () => (synced && !c.isOpen() ? 1 : 0),
    keepAlive: () => c.keepAlive(),
    poke: () => c.sendUpdate(pokeUpdate()),
    destroy: () => c.close(),
  }
}

/**
 * Readers on `server`, the writer on `writerServer` (another instance of the same server in the
 * scale-out rows; by default the same one). `docId` defaults to a new document of `server`.
 */
export async function openSession(
  server: ServerHandle,
  readers: number,
  kind: ReaderKind,
  plan: Plan['fanout'],
  writerServer: ServerHandle = server,
  docId?: string,
): Promise<Session> {
  docId ??= ((await server.newDocIds(1, `fan${kind}${readers}`)) as [string])[0]
  const clients: Reader[] = []
  const close = (): void => {
    for (const c of clients) c.destroy()
  }
  try {
    const readerClients = await mapLimit(
      Array.from({ length: readers }, (_, i) => i),
      25,
      async () => {
        const c =
          kind === 'raw'
            ? rawReader(server, docId)
            : stockReader(connectStock(server, docId, undefined, { awareness: false }))
        clients.push(c)
        await withTimeout(c.synced, 30_000, `reader sync (${server.name})`)
        return c
      },
    )
    const writer = connectStock(writerServer, docId, undefined, { awareness: false })
    clients.push(stockReader(writer))
    await withTimeout(writer.synced, 30_000, `writer sync (${server.name})`)

    // Per reader: which seqs of the current window arrived (drops) and when (latency).
    let window = { from: 0, to: 0 }
    let latencies: number[] = []
    let received = 0
    const seen = readerClients.map(() => new Set<number>())
    readerClients.forEach((c, i) => {
      c.listen((update: Uint8Array) => {
        const now = performance.now()
        scanMarkers(update, (seq, scheduled) => {
          if (seq < window.from || seq >= window.to || seen[i]?.has(seq)) return
          seen[i]?.add(seq)
          received++
          latencies.push(now - scheduled)
        })
      })
    })

    // Appended, never overwritten: a server that merges queued updates into one broadcast
    // (Hocuspocus does) would otherwise deliver only the last of an overwritten value, and
    // the reader's own GC would drop the earlier markers before we could see them.
    const bench = writer.doc.getArray<string>('bench')
    const intervalMs = 1000 / plan.rateHz
    let seq = 0
    const send = async (count: number): Promise<void> => {
      const t0 = performance.now() + 20
      for (let i = 0; i < count; i++, seq++) {
        const scheduled = t0 + i * intervalMs
        const wait = scheduled - performance.now()
        if (wait > 0) await sleep(wait)
        bench.push([makeMarker(seq, scheduled)])
      }
    }

    await send(Math.round((plan.warmupMs / 1000) * plan.rateHz))
    await sleep(plan.drainMs)

    const measure = async (measureCount: number): Promise<Slice> => {
      window = { from: seq, to: seq + measureCount }
      latencies = []
      received = 0
      for (const s of seen) s.clear()
      const expected = measureCount * readers
      const cpu = cpuSnapshot()
      const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS })
      lag.enable()
      await send(measureCount)
      lag.disable()
      await sleep(plan.drainMs)
      await waitFor(() => received >= expected, MAX_DRAIN_MS, 20)
      if (process.env.BENCH_DEBUG && received < expected) {
        const short = seen.filter((x) => x.size < measureCount).length
        console.log(
          `debug ${server.name} ${fanoutScenario(readers, kind)}: ${expected - received} drops over ${short} readers, writer connected=${writer.connected()}, socket closes so far: writer ${writer.drops()}, readers ${clients.reduce((n, c) => n + c.drops(), 0) - writer.drops()}`,
        )
      }
      return {
        latencies,
        drops: expected - received,
        lagP99: lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS,
        foreignPct: foreignCpuPct(cpu, cpuSnapshot()),
      }
    }
    const touch = (): void => bench.push(['keepalive'])
    const keepAlive = (): void => {
      for (const c of clients) c.keepAlive()
      // The writer hears the server at least once per slice, so it never times out inside a window.
      readerClients[0]?.poke()
    }
    return {
      server,
      reps: [],
      measure,
      touch,
      keepAlive,
      close,
      socketCloses: () => clients.reduce((n, c) => n + c.drops(), 0),
    }
  } catch (err) {
    close()
    throw err
  }
}
