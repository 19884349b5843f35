import { loadConfig } from './config.js';
import { log } from './log.js';
import { startServer } from './server.js';

const config = loadConfig();
const server = await startServer(config);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('shutting down', { signal });
  try {
    await server.close();
    process.exit(0);
  } catch (err) {
    log('shutdown failed', { error: String(err) });
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
