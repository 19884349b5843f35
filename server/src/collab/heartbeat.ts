import type { WebSocket, WebSocketServer } from 'ws';

const alive = new WeakSet<WebSocket>();

/**
 * One timer for all sockets: a peer that misses a ping round is gone (laptop lid
 * closed, network dropped) and is terminated so its presence disappears.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs = 30_000): () => void {
  wss.on('connection', (ws) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
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
