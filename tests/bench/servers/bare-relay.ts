import { startPlainNode } from './plain-node.js'
import type { ServerHandle } from './types.js'

/** The floor (bare-relay.main.mjs): what forwarding frames alone costs on this machine. */
export function startBareRelay(): Promise<ServerHandle> {
  return startPlainNode({
    name: 'bare-relay',
    protocol: 'y-websocket',
    main: 'bare-relay.main.mjs',
    notes: ['plain ws: forwards each frame to the room, answers step 1 with an empty step 2; no Yjs, no storage'],
  })
}
