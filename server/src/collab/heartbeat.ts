import type { WebSocket, WebSocketServer } from 'ws';

const alive = new WeakSet<WebSocket>();

// Shared by every socket (ws calls it with the socket as `this`): no closure per connection.
function markAlive(this: WebSocket): void {
  alive.add(this);
}

/**
 * One timer for all sockets: a peer that misses a ping round is gone (laptop lid
 * closed, network dropped) and is terminated so its presence disappears.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs = 30_000): () => void {
  wss.on('connection', (ws) => {
    alive.add(ws);
    ws.on('pong', markAlive);
  });
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
