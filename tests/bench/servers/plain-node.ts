import { fileURLToPath } from 'node:url'
import { spawnPinned } from '../lib/children.js'
import { INSPECT, measureMemory } from '../lib/memory.js'
import { freePort, localDocIds, waitForHttp } from './ready.js'
import type { Protocol, ServerHandle, ServerName } from './types.js'

export interface PlainNodeServer {
  name: ServerName
  protocol: Protocol
  /** A `*.main.mjs` beside this file, run by plain node (no loader, so its RSS is its own). */
  main: string
  env?: NodeJS.ProcessEnv
  notes: string[]
}

/**
 * The servers that are one plain script and need no sign-in (the references, the bare relay,
 * Hocuspocus + Redis): started pinned on PORT, ready once `/` answers 200, doc ids made up locally.
 */
export async function startPlainNode(s: PlainNodeServer): Promise<ServerHandle> {
  const port = await freePort()
  const main = fileURLToPath(new URL(`./${s.main}`, import.meta.url))
  const child = spawnPinned(process.execPath, [INSPECT, main], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    env: { PORT: String(port), ...s.env },
    label: s.name,
  })
  await waitForHttp(`http://127.0.0.1:${port}/`, child, 10_000, s.name)
  return {
    name: s.name,
    protocol: s.protocol,
    pid: child.pid,
    wsBase: `ws://127.0.0.1:${port}`,
    params: {},
    token: '',
    newDocIds: async (count, label) => localDocIds(count, label),
    notes: s.notes,
    inspectorUrl: () => child.inspectorUrl(),
    memory: () => measureMemory(child.pid, child.inspectorUrl()),
    stop: () => child.stop(),
  }
}
