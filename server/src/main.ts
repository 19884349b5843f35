import { ConfigError, EXIT_CONFIG, loadConfig } from './config/index.js'
import { log, setLogSilent } from './log.js'
import { startServer } from './server.js'
import {
  EXIT_NEWER_SCHEMA,
  EXIT_UNREADABLE_STORE,
  NewerSchemaError,
  UnreadableStoreError,
} from './storage/storage-errors.js'

const config = (() => {
  try {
    return loadConfig(process.env)
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    // Every bad variable at once, without a stack trace, whatever LOG_LEVEL says.
    process.stderr.write(`${err.message}\n`)
    process.exit(EXIT_CONFIG)
  }
})()
setLogSilent(config.server.logLevel === 'silent')
const server = await startServer(config).catch((err: unknown) => {
  if (!(err instanceof UnreadableStoreError) && !(err instanceof NewerSchemaError)) throw err
  // Written whatever LOG_LEVEL says: the operator must learn why the server did not start.
  process.stderr.write(`${err.message}\n`)
  process.exit(err instanceof NewerSchemaError ? EXIT_NEWER_SCHEMA : EXIT_UNREADABLE_STORE)
})

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  log('shutting down', { signal })
  try {
    await server.close()
    process.exit(0)
  } catch (err) {
    log('shutdown failed', { error: String(err) })
    process.exit(1)
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
