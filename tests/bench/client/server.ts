import path from 'node:path'
import { startCompiledServer } from '../../e2e/compiled-server.js'

export interface RunningServer {
  baseUrl: string
  logPath: string
  close(): Promise<void>
}

/**
 * The real server as the browser tests start it (e2e/compiled-server.ts): the client bundle
 * rebuilt when its sources are newer, the server compiled and run as `pnpm start` runs it, the
 * embedded store in a fresh data directory, quiet logs (one line per event would be measured).
 */
export async function startServer(): Promise<RunningServer> {
  let logPath = ''
  const server = await startCompiledServer({
    dataDirPrefix: 'fc-bench-client-',
    logPath: (dataDir) => {
      logPath = path.join(dataDir, 'server.log')
      return logPath
    },
    env: { LOG_LEVEL: 'silent' },
  })
  return { baseUrl: server.baseUrl, logPath, close: () => server.close() }
}
