import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import { log } from '../log.js';
import { Connection, type Access, type Peer } from './connection.js';
import { isValidDocId } from './doc-id.js';
import { CLOSE_LOAD_FAILED, CLOSE_UNDECODABLE, type SocketGate } from './gate.js';
import { ProtocolError, decodeClientMessage } from './protocol.js';
import type { Room } from './room.js';
import type { RoomRegistry } from './rooms.js';

export interface SocketRouteDeps {
  upgradeWebSocket: UpgradeWebSocket<WebSocket>;
  registry: RoomRegistry;
  gate: SocketGate;
}

/** `/collab/:docId`: the stock y-websocket protocol, behind the permission gate. */
export function socketRoutes({ upgradeWebSocket, registry, gate }: SocketRouteDeps): Hono {
  const app = new Hono();
  app.get(
    '/collab/:docId',
    async (c, next) => {
      // Refused before the gate or storage sees it.
      if (!isValidDocId(c.req.param('docId'))) return c.json({ error: 'malformed document id' }, 400);
      await next();
    },
    upgradeWebSocket(async (c) => {
      const docId = c.req.param('docId')!;
      const decision = await gate(c, docId);
      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocket;
          if (!decision.ok) {
            raw.close(decision.code, decision.reason);
            return;
          }
          attach(raw, docId, decision.access, registry);
        },
      };
    }),
  );
  return app;
}

function wsPeer(raw: WebSocket): Peer {
  return {
    send(frame) {
      if (raw.readyState === raw.OPEN) raw.send(frame);
    },
    close(code, reason) {
      raw.close(code, reason);
    },
  };
}

function attach(raw: WebSocket, docId: string, access: Access, registry: RoomRegistry): void {
  const conn = new Connection(wsPeer(raw), access);
  let room: Room | undefined;
  // Frames that arrive while the document loads are kept and handled in order afterwards.
  let early: Uint8Array[] | undefined = [];

  const handle = (frame: Uint8Array): void => {
    if (conn.closed || !room) return;
    try {
      room.receive(conn, decodeClientMessage(frame));
    } catch (err) {
      const reason = err instanceof ProtocolError ? err.message : `rejected update: ${String(err)}`;
      log('closing socket: undecodable message', { docId, reason });
      conn.close(CLOSE_UNDECODABLE, 'undecodable message');
    }
  };

  raw.on('message', (data, isBinary) => {
    const frame = data as Buffer; // ws hands out one Buffer per frame with its default binaryType
    if (!isBinary) {
      log('closing socket: text frame', { docId });
      conn.close(CLOSE_UNDECODABLE, 'binary y-websocket frames only');
      return;
    }
    if (early) early.push(frame);
    else handle(frame);
  });
  raw.on('close', () => {
    conn.closed = true;
    if (room) registry.leave(room, conn);
  });
  raw.on('error', () => undefined); // 'close' follows; an error alone must not crash the process

  registry.join(docId, conn).then(
    (joined) => {
      room = joined;
      const queued = early ?? [];
      early = undefined;
      for (const frame of queued) handle(frame);
    },
    (err: unknown) => {
      if (conn.closed) return;
      log('could not open document', { docId, error: String(err) });
      conn.close(CLOSE_LOAD_FAILED, 'could not load document');
    },
  );
}
