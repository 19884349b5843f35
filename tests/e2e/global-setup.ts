import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BASE_URL_ENV } from './env'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const HEALTH_TIMEOUT_MS = 60_000

/**
 * Starts the real server (as `pnpm start` would, minus the client build) on a free port with an
 * empty data directory, so every run begins from the seed article. Set FC_E2E_BASE_URL to
 * point the tests at a server you already run instead.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env[BASE_URL_ENV]) return async () => {}

  buildClientIfStale()
  const port = await freePort()
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fc-e2e-'))
  const logDir = path.join(repoRoot, 'test-results')
  await mkdir(logDir, { recursive: true })
  const logPath = path.join(logDir, 'e2e-server.log')
  const log = createWriteStream(logPath)

  // Every spec signs its people up from 127.0.0.1: the whole suite is far more than one address's
  // sign-up budget (50 an hour), which its integration tests prove on their own.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SIGNUP_RATE_PER_ADDRESS: '10000',
    LOGIN_RATE_PER_ADDRESS: '10000',
  }
  // The embedded store, always: these tests are about the browser, not the database.
  delete env.DATABASE_URL
  delete env.REDIS_URL

  // The compiled server, started the way server/package.json's start script does, so the
  // browser tests cover what production runs. Compiled here (a fraction of a second) so an
  // edited server is never tested from a stale build.
  execFileSync(process.execPath, ['server/scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' })
  const server = spawn(process.execPath, ['--conditions=fc-dist', '--no-memory-reducer', 'server/dist/main.js'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.pipe(log)
  server.stderr?.pipe(log)

  const baseUrl = `http://127.0.0.1:${port}`
  try {
    await waitForHealth(baseUrl, server, logPath)
  } catch (error) {
    await stop(server)
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
  // Workers start after global setup and inherit this environment.
  process.env[BASE_URL_ENV] = baseUrl

  return async () => {
    await stop(server)
    log.end()
    await rm(dataDir, { recursive: true, force: true })
  }
}

/**
 * The browser tests must see the client as it is in the tree: `pnpm test` builds it first,
 * but `pnpm test:e2e` alone after an edit would otherwise test yesterday's bundle (or fail
 * when there is none). Built here only when a source is newer than the bundle.
 */
export function buildClientIfStale(): void {
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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port)
        else reject(new Error('could not find a free port'))
      })
    })
  })
}

export async function waitForHealth(baseUrl: string, server: ChildProcess, logPath: string): Promise<void> {
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

export async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}
