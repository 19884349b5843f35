import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../integration/support/ports'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const HEALTH_TIMEOUT_MS = 60_000

export interface CompiledServer {
  baseUrl: string
  dataDir: string
  /** Stops the server, closes its log and removes its data directory. */
  close(): Promise<void>
}

/**
 * The real server as production runs it: the client bundle rebuilt when its sources are newer,
 * the server compiled (a fraction of a second, so an edited server is never run from a stale
 * build) and started the way server/package.json's start script does, on a free port with the
 * embedded store in a fresh data directory (these runs are about the browser, not the
 * database), its output in `logPath`. Used by the browser tests (global-setup.ts) and the
 * client benchmark (tests/bench/client/server.ts).
 */
export async function startCompiledServer(options: {
  /** Prefix of the data directory's name under the system's temporary directory. */
  dataDirPrefix: string
  logPath: string | ((dataDir: string) => string)
  /** Variables on top of this process's environment. */
  env?: Record<string, string>
}): Promise<CompiledServer> {
  buildClientIfStale()
  execFileSync(process.execPath, ['server/scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' })
  const port = await freePort()
  const dataDir = await mkdtemp(path.join(tmpdir(), options.dataDirPrefix))
  const logPath = typeof options.logPath === 'string' ? options.logPath : options.logPath(dataDir)
  const log = createWriteStream(logPath)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...options.env,
  }
  delete env.DATABASE_URL
  delete env.REDIS_URL
  const server = spawn(process.execPath, ['--conditions=fc-dist', '--no-memory-reducer', 'server/dist/main.js'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.pipe(log)
  server.stderr?.pipe(log)
  const baseUrl = `http://127.0.0.1:${port}`
  const close = async () => {
    await stop(server)
    log.end()
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    await waitForHealth(baseUrl, server, logPath)
  } catch (error) {
    await close()
    throw error
  }
  return { baseUrl, dataDir, close }
}

/**
 * The browser tests must see the client as it is in the tree: `pnpm test` builds it first,
 * but `pnpm test:e2e` alone after an edit would otherwise test yesterday's bundle (or fail
 * when there is none). Built here only when a source is newer than the bundle.
 */
function buildClientIfStale(): void {
  const bundle = path.join(repoRoot, 'client/dist/index.html')
  const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : 0
  const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'client/package.json', 'shared/src']
  if (builtAt > 0 && !sources.some((s) => newerThan(path.join(repoRoot, s), builtAt))) return
  console.log(
    builtAt === 0
      ? 'e2e: building the client (no bundle yet)'
      : 'e2e: building the client (sources changed since the last build)',
  )
  const vite = path.join(repoRoot, 'client/node_modules/vite/bin/vite.js')
  execFileSync(process.execPath, [vite, 'build'], { cwd: path.join(repoRoot, 'client'), stdio: 'inherit' })
}

function newerThan(file: string, time: number): boolean {
  const stat = statSync(file)
  if (!stat.isDirectory()) return stat.mtimeMs > time
  return readdirSync(file).some((name) => newerThan(path.join(file, name), time))
}

async function waitForHealth(baseUrl: string, server: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the server exited with code ${server.exitCode} before it was healthy; see ${logPath}`)
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`)
      if (response.ok) {
        const body = (await response.json()) as { ok?: unknown }
        if (body.ok === true) return
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`the server was not healthy within ${HEALTH_TIMEOUT_MS / 1000} s; see ${logPath}`)
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}
