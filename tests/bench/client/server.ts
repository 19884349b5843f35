import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildClientIfStale, freePort, stop, waitForHealth } from '../../e2e/global-setup.js'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

export interface RunningServer {
  baseUrl: string
  logPath: string
  close(): Promise<void>
}

/**
 * The real server as the browser tests start it (global-setup.ts): the client bundle rebuilt
 * when its sources are newer, the server compiled and run as `pnpm start` runs it, the
 * embedded store in a fresh data directory, quiet logs (one line per event would be measured).
 */
export async function startServer(): Promise<RunningServer> {
  buildClientIfStale()
  execFileSync(process.execPath, ['server/scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' })
  const port = await freePort()
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fc-bench-client-'))
  const logPath = path.join(dataDir, 'server.log')
  const log = createWriteStream(logPath)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  }
  delete env.DATABASE_URL
  delete env.REDIS_URL
  const server: ChildProcess = spawn(
    process.execPath,
    ['--conditions=fc-dist', '--no-memory-reducer', 'server/dist/main.js'],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  server.stdout?.pipe(log)
  server.stderr?.pipe(log)
  const baseUrl = `http://127.0.0.1:${port}`
  try {
    await waitForHealth(baseUrl, server, logPath)
  } catch (error) {
    await stop(server)
    throw error
  }
  return {
    baseUrl,
    logPath,
    async close() {
      await stop(server)
      log.end()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
