import { fileURLToPath } from 'node:url';
import { spawnPinned } from '../lib/children.js';
import { INSPECT, measureMemory } from '../lib/memory.js';
import { freePort, localDocIds, waitForHttp } from './ready.js';
import type { ServerHandle } from './types.js';

export async function startHocuspocus(): Promise<ServerHandle> {
  const port = await freePort();
  const main = fileURLToPath(new URL('./hocuspocus.main.mjs', import.meta.url));
  const child = spawnPinned(process.execPath, [INSPECT, main], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    env: { PORT: String(port) },
    label: 'hocuspocus',
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, child, 10_000, 'hocuspocus');
  return {
    name: 'hocuspocus',
    protocol: 'hocuspocus',
    pid: child.pid,
    wsBase: `ws://127.0.0.1:${port}`,
    params: {},
    token: '',
    newDocIds: async (count, label) => localDocIds(count, label),
    notes: ['@hocuspocus/server 4.6.0, no extensions (nothing stored)'],
    inspectorUrl: () => child.inspectorUrl(),
    memory: () => measureMemory(child.pid, child.inspectorUrl()),
    stop: () => child.stop(),
  };
}
