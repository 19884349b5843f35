import type { WebSocket, WebSocketServer } from 'ws'

/**
 * A socket that sets `alive` when a pong arrives (a field, not a listener or a
 * WeakSet entry per socket: memory per connection is a benchmark target).
 */
export interface HeartbeatSocket extends WebSocket {
  alive: boolean
}

/**
 * One timer for all sockets: a peer that misses a ping round is gone (laptop lid
 * closed, network dropped) and is terminated so its presence disappears.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs = 30_000): () => void {
  const timer = setInterval(() => {
    for (const ws of wss.clients as Set<HeartbeatSocket>) {
      if (!ws.alive) {
        ws.terminate()
        continue
      }
      ws.alive = false
      ws.ping()
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
