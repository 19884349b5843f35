import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startCompiledServer } from './compiled-server'
import { BASE_URL_ENV } from './env'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Starts the real server (compiled-server.ts, as `pnpm start` runs it) on a free port with an
 * empty data directory, so every run begins from the seed article. Set FC_E2E_BASE_URL to
 * point the tests at a server you already run instead.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env[BASE_URL_ENV]) return async () => {}

  const logDir = path.join(repoRoot, 'test-results')
  await mkdir(logDir, { recursive: true })
  const server = await startCompiledServer({
    dataDirPrefix: 'fc-e2e-',
    logPath: path.join(logDir, 'e2e-server.log'),
    // Every spec signs its people up from 127.0.0.1: the whole suite is far more than one address's
    // sign-up budget (50 an hour), which its integration tests prove on their own.
    env: { SIGNUP_RATE_PER_ADDRESS: '10000', LOGIN_RATE_PER_ADDRESS: '10000' },
  })
  // Workers start after global setup and inherit this environment.
  process.env[BASE_URL_ENV] = server.baseUrl
  return () => server.close()
}
