import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from './ports.js'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export interface TestServer {
  readonly port: number
  readonly httpUrl: string
  /** Base for WebsocketProvider: `${wsUrl}` + '/' + docId is the socket. */
  readonly wsUrl: string
  readonly dataDir: string
  /** The PostgreSQL it stores in; undefined on the embedded store (a file in dataDir). */
  readonly databaseUrl: string | undefined
  /** Everything the process wrote to stderr so far (the server logs one line per event). */
  logs(): string
  /** The current process's id (a restart changes it), to read its memory in /proc. */
  pid(): number
  /** SIGTERM and wait for a clean exit; resolves with the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL: no chance to flush. */
  kill(): Promise<void>
  /** A new process on the same port, data directory and database. */
  restart(): Promise<void>
}

export interface StartOptions {
  databaseUrl?: string
  env?: Record<string, string>
  dataDir?: string
}

/** A real server process on a random port with a fresh data directory (or the given database). */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const port = await freePort()
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fc-it-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  }
  if (!options.databaseUrl) delete env.DATABASE_URL
  let stderr = ''
  let child: ChildProcess

  async function launch(): Promise<void> {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    await waitForHealth(`http://127.0.0.1:${port}`, child, () => stderr)
  }
  function exited(): Promise<number | null> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
    return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  }
  await launch()

  return {
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    dataDir,
    databaseUrl: options.databaseUrl,
    logs: () => stderr,
    pid: () => child.pid!,
    async stop() {
      const done = exited()
      child.kill('SIGTERM')
      return done
    },
    async kill() {
      const done = exited()
      child.kill('SIGKILL')
      await done
    },
    async restart() {
      await launch()
    },
  }
}

async function waitForHealth(base: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready:\n${logs()}`)
    try {
      const res = await fetch(`${base}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`server not healthy within 30 s:\n${logs()}`)
}

/**
 * Starts the server and waits for it to exit by itself (a server that refuses to start): its exit
 * code and stderr. SIGKILL after 30 s, should it start after all.
 */
export async function runUntilExit(options: {
  dataDir: string
  databaseUrl?: string
}): Promise<{ code: number | null; stderr: string }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'silent',
      DATABASE_URL: options.databaseUrl ?? '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
  clearTimeout(timer)
  return { code, stderr }
}
