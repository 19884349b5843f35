import { startPlainNode } from './plain-node.js'
import type { ServerHandle } from './types.js'

export function startYWebsocketServer(): Promise<ServerHandle> {
  return startPlainNode({
    name: 'y-websocket-server',
    protocol: 'y-websocket',
    main: 'y-websocket-server.main.mjs',
    // Unset, not empty: the reference turns LevelDB on for any string value.
    env: { YPERSISTENCE: undefined },
    notes: ['@y/websocket-server 0.1.1, in memory (no YPERSISTENCE)'],
  })
}
