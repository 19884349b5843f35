import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { log } from '../log.js';
import { Connection, type Access, type Peer } from './connection.js';
import { isValidDocId } from './doc-id.js';
import { CLOSE_LOAD_FAILED, CLOSE_UNDECODABLE, type SocketGate } from './gate.js';
import { ProtocolError, decodeClientMessage } from './protocol.js';
import type { Room } from './room.js';
import type { RoomRegistry } from './rooms.js';

export interface SocketServerDeps {
  registry: RoomRegistry;
  gate: SocketGate;
  maxMessageBytes: number;
}

const PREFIX = '/collab/';

/**
 * `/collab/:docId`: the stock y-websocket protocol, behind the permission gate.
 *
 * Upgrades are taken straight from the HTTP server rather than through a Hono
 * route: @hono/node-ws keeps every socket's request context (and the Node
 * request under it) alive for the socket's lifetime, which tripled our memory
 * per connection against the reference servers. Everything else is Hono.
 */
export function attachSocketServer(server: Server, { registry, gate, maxMessageBytes }: SocketServerDeps): WebSocketServer {
  // ws enforces maxPayload per frame: a larger frame closes the socket with 1009 before any of it is read.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(PREFIX)) return refuse(socket, 404, 'Not Found');
    let docId: string;
    try {
      docId = decodeURIComponent(url.pathname.slice(PREFIX.length));
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    // Refused before the gate or storage sees it.
    if (!isValidDocId(docId)) return refuse(socket, 400, 'Bad Request');
    // A shared no-op, not an arrow: an arrow here would share this scope's context and keep
    // the request, its head buffer and URL alive for the socket's whole life.
    socket.on('error', ignoreError);
    void gate({ headers: toHeaders(req), url }, docId).then((decision) => {
      if (socket.destroyed) return;
      wss.handleUpgrade(req, socket, head, (ws) => {
        wss.emit('connection', ws, req);
        if (!decision.ok) ws.close(decision.code, decision.reason);
        else attach(ws, docId, decision.access, registry);
      });
    });
  });
  return wss;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * Per-socket state and the connection's transport in one object, kept on the
 * socket itself so the listeners below are shared, not closures per socket.
 */
class SocketState implements Peer {
  readonly conn: Connection;
  room: Room | undefined;
  /** Frames that arrive while the document loads, handled in order afterwards. */
  early: Uint8Array[] | undefined = [];

  constructor(
    private readonly ws: WebSocket,
    readonly docId: string,
    readonly registry: RoomRegistry,
    access: Access,
  ) {
    this.conn = new Connection(this, access);
  }

  send(frame: Uint8Array): void {
    if (this.ws.readyState === 1) this.ws.send(frame);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}
const STATE = Symbol('collab');
type CollabSocket = WebSocket & { [STATE]: SocketState };

function attach(ws: WebSocket, docId: string, access: Access, registry: RoomRegistry): void {
  const state = new SocketState(ws, docId, registry, access);
  (ws as CollabSocket)[STATE] = state;
  ws.on('message', onMessage);
  ws.on('close', onClose);
  ws.on('error', ignoreError);
  registry.join(docId, state.conn).then(
    (room) => {
      state.room = room;
      const queued = state.early ?? [];
      state.early = undefined;
      for (const frame of queued) handle(state, frame);
    },
    (err: unknown) => {
      if (state.conn.closed) return;
      log('could not open document', { docId, error: String(err) });
      state.conn.close(CLOSE_LOAD_FAILED, 'could not load document');
    },
  );
}

function onMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
  const state = (this as CollabSocket)[STATE];
  if (!isBinary) {
    log('closing socket: text frame', { docId: state.docId });
    state.conn.close(CLOSE_UNDECODABLE, 'binary y-websocket frames only');
    return;
  }
  if (state.early) state.early.push(data);
  else handle(state, data);
}

function onClose(this: WebSocket): void {
  const state = (this as CollabSocket)[STATE];
  state.conn.closed = true;
  if (state.room) state.registry.leave(state.room, state.conn);
}

/** 'close' follows an error; an error alone must not crash the process. */
function ignoreError(): void {}

function handle(state: SocketState, frame: Uint8Array): void {
  const { conn, room } = state;
  if (conn.closed || !room) return;
  try {
    room.receive(conn, decodeClientMessage(frame));
  } catch (err) {
    const reason = err instanceof ProtocolError ? err.message : `rejected update: ${String(err)}`;
    log('closing socket: undecodable message', { docId: state.docId, reason });
    conn.close(CLOSE_UNDECODABLE, 'undecodable message');
  }
}
