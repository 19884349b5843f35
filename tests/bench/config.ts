/** Which core does what (tests/bench/README.md, method): the server under test never competes with the load. */
export const cpuCore = { generator: 0, server: 1 } as const

export type Mode = 'quick' | 'full'

/**
 * All sizes in one place, so `--quick` is visibly the same table, only smaller.
 * Quick must stay well under two minutes for all servers together (about 100 s on a loaded
 * 2-core VM); full about 20 minutes (fan-out with the bare relay is half of it: 3 repetitions).
 */
export interface Plan {
  mode: Mode
  /** Longest wait for other processes to calm down before one measurement (lib/quiet.ts). */
  quietMaxMs: number
  /** All such waits together, per run. */
  quietTotalMs: number
  /**
   * `measureMs` per reader count. One slow tick of the writer reaches every reader at once, so a
   * window's p99 rests on its slowest ~1 % of *ticks*, not samples: small rooms get longer
   * windows (10 s = 400 ticks at 40 Hz) so that one hiccup of the machine cannot decide it.
   * Each repetition's window is cut into `slices` interleaved with the other servers' (fanout.ts).
   */
  fanout: {
    readers: number[]
    /** The same rooms again with raw readers (scenarios/fanout.ts says why): `fanout-raw-N`. */
    rawReaders: number[]
    rateHz: number
    warmupMs: number
    measureMs: Record<number, number>
    slices: number
    drainMs: number
    reps: number
  }
  /**
   * Cross-instance fan-out (scenarios/scaleout.ts): the fan-out method with raw readers, shorter
   * windows (each room is measured twice per server: across the pair and on one instance).
   */
  scaleout: { readers: number[]; measureMs: Record<number, number>; slices: number; reps: number }
  connections: {
    total: number
    docs: number
    steps: number
    concurrency: number
    holdMs: number
    /** Sockets opened and closed before the baseline (over `warmDocs` documents of their own), unmeasured. */
    warmSockets: number
    warmDocs: number
  }
  largeDoc: { articleCopies: number; claims: number; reps: number }
  memPerDoc: { docs: number; concurrency: number }
  store: { writers: number; seconds: number }
  /** History on the large article (scenarios/history.ts): the same size in both modes, fewer repetitions in quick. */
  history: { articleCopies: number; claims: number; reps: number }
}

export function planFor(mode: Mode): Plan {
  if (mode === 'quick') {
    return {
      mode,
      quietMaxMs: 300,
      quietTotalMs: 8000,
      fanout: {
        readers: [10, 50, 200],
        rawReaders: [50, 200],
        rateHz: 40,
        warmupMs: 200,
        measureMs: { 10: 600, 50: 500, 200: 500 },
        slices: 1,
        drainMs: 200,
        reps: 1,
      },
      scaleout: { readers: [10, 50, 200], measureMs: { 10: 400, 50: 400, 200: 400 }, slices: 1, reps: 1 },
      connections: { total: 600, docs: 60, steps: 2, concurrency: 50, holdMs: 1000, warmSockets: 100, warmDocs: 10 },
      largeDoc: { articleCopies: 10, claims: 400, reps: 2 },
      memPerDoc: { docs: 60, concurrency: 25 },
      store: { writers: 20, seconds: 1 },
      history: { articleCopies: 50, claims: 2000, reps: 3 },
    }
  }
  return {
    mode,
    quietMaxMs: 5000,
    quietTotalMs: 90_000,
    fanout: {
      readers: [10, 50, 200],
      rawReaders: [50, 200],
      rateHz: 40,
      warmupMs: 1000,
      measureMs: { 10: 10_000, 50: 6000, 200: 4000 },
      slices: 4,
      drainMs: 300,
      reps: 3,
    },
    scaleout: { readers: [10, 50, 200], measureMs: { 10: 6000, 50: 4000, 200: 3000 }, slices: 2, reps: 3 },
    connections: {
      total: 10_000,
      docs: 1000,
      steps: 5,
      concurrency: 50,
      holdMs: 5000,
      warmSockets: 1000,
      warmDocs: 100,
    },
    largeDoc: { articleCopies: 50, claims: 2000, reps: 5 },
    memPerDoc: { docs: 500, concurrency: 25 },
    store: { writers: 50, seconds: 5 },
    history: { articleCopies: 50, claims: 2000, reps: 7 },
  }
}
