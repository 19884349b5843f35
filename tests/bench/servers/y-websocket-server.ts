import { fileURLToPath } from 'node:url';
import { spawnPinned } from '../lib/children.js';
import { INSPECT, measureMemory } from '../lib/memory.js';
import { freePort, localDocIds, waitForHttp } from './ready.js';
import type { ServerHandle } from './types.js';

export async function startYWebsocketServer(): Promise<ServerHandle> {
  const port = await freePort();
  const main = fileURLToPath(new URL('./y-websocket-server.main.mjs', import.meta.url));
  const child = spawnPinned(process.execPath, [INSPECT, main], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    // Unset, not empty: the reference turns LevelDB on for any string value.
    env: { PORT: String(port), YPERSISTENCE: undefined },
    label: 'y-websocket-server',
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, child, 10_000, 'y-websocket-server');
  return {
    name: 'y-websocket-server',
    protocol: 'y-websocket',
    pid: child.pid,
    wsBase: `ws://127.0.0.1:${port}`,
    params: {},
    token: '',
    newDocIds: async (count, label) => localDocIds(count, label),
    notes: ['@y/websocket-server 0.1.1, in memory (no YPERSISTENCE)'],
    inspectorUrl: () => child.inspectorUrl(),
    memory: () => measureMemory(child.pid, child.inspectorUrl()),
    stop: () => child.stop(),
  };
}
