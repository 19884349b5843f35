import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { cpuCore } from '../config.js'

/**
 * Every server under test runs as a child pinned to its own core. The registry
 * exists so that no exit path (error, Ctrl-C, a thrown scenario) leaves one running.
 */
const live = new Set<ChildProcess>()

export interface PinnedChild {
  proc: ChildProcess
  pid: number
  /** Last lines of output, for error messages when a server dies or never gets ready. */
  tail(): string
  /** The inspector's ws:// URL once the child printed it (children started with --inspect=127.0.0.1:0). */
  inspectorUrl(): string | undefined
  exited: Promise<number | null>
  stop(graceMs?: number): Promise<void>
}

export function spawnPinned(
  command: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; label: string },
): PinnedChild {
  // `taskset` execs the command, so the child's pid is the server's pid (needed for /proc/<pid>/status).
  // BENCH_SERVER_WRAP: a command the server runs under (instructions.ts: valgrind's callgrind).
  const wrap = process.env.BENCH_SERVER_WRAP?.split(' ').filter(Boolean) ?? []
  const proc = spawn('taskset', ['-c', String(cpuCore.server), ...wrap, command, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (proc.pid === undefined) throw new Error(`could not spawn ${opts.label}`)
  live.add(proc)
  const lines: string[] = []
  let inspector: string | undefined
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue
      inspector ??= /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1]
      // BENCH_SERVER_LOG=1 shows what the servers say (diagnosing drops and disconnects).
      if (process.env.BENCH_SERVER_LOG) process.stderr.write(`[${opts.label}] ${line}\n`)
      lines.push(line)
      if (lines.length > 40) lines.shift()
    }
  }
  proc.stdout?.on('data', keep)
  proc.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => {
    proc.once('exit', (code) => {
      live.delete(proc)
      resolve(code)
    })
  })
  const pid = proc.pid
  return {
    proc,
    pid,
    tail: () => lines.join('\n'),
    inspectorUrl: () => inspector,
    exited,
    async stop(graceMs = 3000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return
      // SIGTERM first: ours flushes its group commit on SIGTERM, and a clean stop keeps DATA_DIR consistent.
      proc.kill('SIGTERM')
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Temp directories (e.g. ours' DATA_DIR) removed on every way out, after the children are gone. */
const tempDirs = new Set<string>()

export function removeOnExit(dir: string): () => void {
  tempDirs.add(dir)
  return () => {
    tempDirs.delete(dir)
    rmSync(dir, { recursive: true, force: true })
  }
}

function killAll(): void {
  for (const proc of live) {
    try {
      proc.kill('SIGKILL')
    } catch {
      // already gone
    }
  }
  live.clear()
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

let installed = false

/** Kills every child on any way out of the harness. Call once, first thing. */
export function installExitHandlers(): void {
  if (installed) return
  installed = true
  process.on('exit', killAll)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAll()
      process.exit(130)
    })
  }
  process.on('uncaughtException', (err) => {
    console.error('bench: uncaught', err)
    killAll()
    process.exit(1)
  })
  process.on('unhandledRejection', (err) => {
    console.error('bench: unhandled rejection', err)
    killAll()
    process.exit(1)
  })
}

/** The load generator takes the other core, all of its threads included. */
export function pinSelf(): void {
  execFileSync('taskset', ['-a', '-cp', String(cpuCore.generator), String(process.pid)], { stdio: 'ignore' })
}
