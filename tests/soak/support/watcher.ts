import { type ChildProcess, spawn } from 'node:child_process'
import os from 'node:os'
import readline from 'node:readline'
import { REPO_ROOT, type TestServer } from '../../integration/support/server.js'
import { sleep } from '../../integration/support/clients.js'

/** What the contract promises an honest user while someone attacks the server. */
export const HEALTH_WITHIN_MS = 500
export const EDIT_P99_WITHIN_MS = 200

export interface WindowStats {
  healthProbes: number
  /** Probes not answered 200 within HEALTH_WITHIN_MS. */
  healthLate: number
  healthMaxMs: number
  edits: number
  /** Edits made in the window that never reached the other honest client count as Infinity. */
  editP99Ms: number
  editsLost: number
  rssStartMb: number
  rssPeakMb: number
  /** The machine's 1-minute load average at the end (2 cores, shared): to judge timing noise. */
  load: number
}

interface Sample {
  k: 'health' | 'sent' | 'seen' | 'rss'
  t: number
  ms?: number
  ok?: boolean
  seq?: number
  kb?: number
}

/** An edit not seen this long after it was made is counted lost. */
const LOST_AFTER_MS = 2000
/** Windows shorter than this are widened, so each holds enough probes and edits to judge. */
const MIN_WINDOW_MS = 1000

/**
 * Health probes, honest edits and the server's RSS, measured by a separate process
 * (watcher-main.ts) every `everyMs`, kept here as samples to summarise any time window.
 */
export class Watcher {
  private readonly samples: Sample[] = []
  private readonly seenAt = new Map<number, number>()

  private constructor(private readonly child: ChildProcess) {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const sample = JSON.parse(line) as Sample
      if (sample.k === 'seen') this.seenAt.set(sample.seq!, sample.t)
      else this.samples.push(sample)
    })
  }

  static async start(server: TestServer, honest: { docId: string; token: string }, everyMs = 50): Promise<Watcher> {
    const config = {
      httpUrl: server.httpUrl,
      wsUrl: server.wsUrl,
      docId: honest.docId,
      token: honest.token,
      pid: server.pid(),
      everyMs,
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/soak/support/watcher-main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, WATCH_CONFIG: JSON.stringify(config) },
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    const watcher = new Watcher(child)
    const deadline = Date.now() + 20_000
    while (!watcher.samples.some((s) => s.k === 'sent')) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error('the watcher process did not start measuring')
      await sleep(50)
    }
    return watcher
  }

  /** After a restart the server is a new process. */
  follow(pid: number): void {
    this.child.stdin!.write(`${JSON.stringify({ pid })}\n`)
  }

  now(): number {
    return Date.now()
  }

  /** Waits until the edits of the window have had the time to arrive, then summarises it. */
  async stats(from: number, until: number): Promise<WindowStats> {
    const to = Math.max(until, from + MIN_WINDOW_MS)
    const wait = to + LOST_AFTER_MS - Date.now()
    if (wait > 0) await sleep(wait)
    const inWindow = this.samples.filter((s) => s.t >= from && s.t <= to)
    const health = inWindow.filter((s) => s.k === 'health')
    const latencies = inWindow
      .filter((s) => s.k === 'sent')
      .map((s) => {
        const seen = this.seenAt.get(s.seq!)
        return seen === undefined || seen - s.t > LOST_AFTER_MS ? Infinity : seen - s.t
      })
      .sort((a, b) => a - b)
    const rss = inWindow.filter((s) => s.k === 'rss').map((s) => s.kb! / 1024)
    const before = this.samples.filter((s) => s.k === 'rss' && s.t <= from).at(-1)
    return {
      healthProbes: health.length,
      healthLate: health.filter((s) => !s.ok || s.ms! > HEALTH_WITHIN_MS).length,
      healthMaxMs: Math.max(0, ...health.map((s) => s.ms!)),
      edits: latencies.length,
      editP99Ms:
        latencies.length === 0 ? NaN : latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!,
      editsLost: latencies.filter((l) => l === Infinity).length,
      rssStartMb: before ? before.kb! / 1024 : (rss[0] ?? NaN),
      rssPeakMb: Math.max(0, ...rss),
      load: os.loadavg()[0]!,
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return
    const exited = new Promise((r) => this.child.once('exit', r))
    this.child.stdin!.end(`${JSON.stringify({ stop: true })}\n`)
    await Promise.race([exited, sleep(3000)])
    if (this.child.exitCode === null) this.child.kill('SIGKILL')
  }
}
