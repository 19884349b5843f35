import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { CLOSE_LOAD_FAILED, CLOSE_POLICY, CLOSE_REASONS, CLOSE_TRY_AGAIN, CLOSE_UNDECODABLE } from '@fc/shared'
import { log } from '../log.js'
import { holdAdmission } from './access/admission-hold.js'
import { type Admission, settleAccess } from './access/admission.js'
import { acquireAccess, releaseAccess } from './access/access-pool.js'
import { Connection, type Access, type Peer } from './connection.js'
import { isValidDocId } from './doc-id.js'
import type { HeaderReader, SocketGate } from './gate.js'
import { LimitExceeded, type SocketLimits } from './limits.js'
import { ProtocolError, decodeClientMessage } from './protocol.js'
import { RejectLog } from './reject-log.js'
import type { Room } from './room.js'
import type { RoomRegistry } from './rooms.js'
import { type SocketRates, takeMessage, takePresence } from './socket-rates.js'
import { SocketQuota } from './socket-quota.js'
import { frameOf } from './wire-frame.js'
import type { HeartbeatSocket } from './heartbeat.js'

export interface SocketServerDeps {
  registry: RoomRegistry
  gate: SocketGate
  maxMessageBytes: number
}

const PREFIX = '/collab/'

/** What every socket of one server shares: its bounds, who holds how many sockets, the refusal log. */
interface SocketPolicy {
  limits: SocketLimits
  quota: SocketQuota
  rejects: RejectLog
}

/**
 * `/collab/:docId`: the stock y-websocket protocol, behind the permission gate.
 *
 * Upgrades are taken straight from the HTTP server rather than through a Hono
 * route: @hono/node-ws keeps every socket's request context (and the Node
 * request under it) alive for the socket's lifetime, which tripled our memory
 * per connection against the reference servers. Everything else is Hono.
 */
export function attachSocketServer(
  server: Server,
  { registry, gate, maxMessageBytes }: SocketServerDeps,
): WebSocketServer {
  // ws enforces maxPayload per frame: a larger frame closes the socket with 1009 before any of it is read.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    perMessageDeflate: false,
    WebSocket: CollabSocket,
  })
  const limits = registry.limits
  const policy: SocketPolicy = {
    limits,
    quota: new SocketQuota(limits),
    rejects: new RejectLog(limits.rejectLogLines, limits.rejectLogWindowMs),
  }
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(PREFIX)) return refuse(socket, 404, 'Not Found')
    let docId: string
    try {
      docId = decodeURIComponent(url.pathname.slice(PREFIX.length))
    } catch {
      return refuse(socket, 400, 'Bad Request')
    }
    // Refused before the gate or storage sees it.
    if (!isValidDocId(docId)) return refuse(socket, 400, 'Bad Request')
    // A shared no-op, not an arrow: an arrow here would share this scope's context and keep
    // the request, its head buffer and URL alive for the socket's whole life.
    socket.on('error', ignoreError)
    // Noted before the gate reads anything: a change applied from here on may be missing from its decision.
    const epoch = registry.accessEpoch
    const request = { headers: new UpgradeHeaders(req.headers), url }
    void gate(request, docId).then(async (decision) => {
      await holdAdmission(url, docId, registry, epoch)
      if (socket.destroyed) return
      // The 101 and, for a document already open, its sync step 1 (sent as the socket joins,
      // a few microtasks later) leave in one write instead of two.
      socket.cork()
      process.nextTick(uncork, socket)
      wss.handleUpgrade(req, socket, head, (ws) => {
        wss.emit('connection', ws, req)
        if (!decision.ok) ws.close(decision.code, decision.reason)
        else if (!policy.quota.take(decision.access)) {
          policy.rejects.note('refusing socket: too many open', { docId, who: decision.access.userId ?? 'guest' })
          ws.close(CLOSE_TRY_AGAIN, CLOSE_REASONS.tooManySockets)
        } else attach(ws as CollabSocket, socket, policy, { registry, gate, request, docId, epoch, decision })
      })
    })
  })
  return wss
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/**
 * The upgrade request's headers as the gate reads them (`get`, as `Headers` answers it). Building
 * a `Headers` copied and validated every field of every upgrade; Node has parsed them already.
 * Holds the fields object only, not the request.
 */
class UpgradeHeaders implements HeaderReader {
  constructor(private readonly fields: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.fields[name.toLowerCase()]
    if (value === undefined) return null
    return Array.isArray(value) ? value.join(', ') : value
  }
}

/**
 * ws builds each socket from this class (the `WebSocket` server option). Its
 * fields are set in its constructor, not bolted on later, and ws's events are
 * handled in `emit` itself: per-socket listeners would each take room in every
 * socket's listener table, and memory per connection is a benchmark target.
 */
class CollabSocket extends WebSocket implements Peer, HeartbeatSocket {
  alive = true
  conn: SocketConnection | undefined = undefined
  /** The TCP socket under this WebSocket, for writing pre-framed broadcasts. */
  raw: Duplex | undefined = undefined

  /**
   * Peer.sendMessage: one write of a frame shared with the room's other sockets. A peer that
   * stops reading would have every broadcast and reply queued for it without end: once its
   * backlog is past the bound it is dropped instead (one frame alone, a large document's sync
   * step 2, always goes).
   */
  sendMessage(message: Uint8Array): void {
    if (this.readyState !== WebSocket.OPEN) return
    const raw = this.raw!
    if (this.conn && raw.writableLength > this.conn.policy.limits.outgoingBytes) return this.overflow(this.conn)
    raw.write(frameOf(message))
  }

  /** Closed as the bound says (the frame queues behind the backlog), then destroyed to free it now. */
  overflow(conn: SocketConnection): void {
    refuse1008(conn, CLOSE_REASONS.outgoingBufferLimit, { queuedBytes: this.raw!.writableLength })
    this.raw!.destroy()
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    switch (event) {
      case 'message':
        if (this.conn) onMessage(this.conn, args[0] as Buffer, args[1] as boolean)
        return true
      case 'pong':
        this.alive = true
        return true
      case 'error':
        // 'close' follows an error; an error alone must not crash the process.
        return true
      case 'close':
        if (this.conn) onClose(this.conn)
        return super.emit(event, ...args)
      default:
        return super.emit(event, ...args)
    }
  }
}

/** The room's view of a socket, plus what this route needs while the document opens. */
class SocketConnection extends Connection implements SocketRates {
  room: Room | undefined = undefined
  /** Frames that arrive while the document loads, handled in order afterwards. */
  early: Uint8Array[] | undefined = []
  messageTokens: number
  presenceTokens: number
  refilledAt = performance.now()

  constructor(
    peer: Peer,
    access: Access,
    public docId: string,
    readonly registry: RoomRegistry,
    readonly policy: SocketPolicy,
  ) {
    super(peer, access)
    this.messageTokens = policy.limits.messageBurst
    this.presenceTokens = policy.limits.presenceBurst
  }
}

/** The admission (request, first decision) is held only until the socket's access is settled. */
function attach(ws: CollabSocket, raw: Duplex, policy: SocketPolicy, admission: Admission): void {
  const { registry, docId } = admission
  ws.raw = raw
  const conn = new SocketConnection(ws, acquireAccess(admission.decision.access), docId, registry, policy)
  ws.conn = conn
  registry
    .join(docId, conn)
    .then(async (room) => {
      conn.room = room
      // The room's copy of the id: this socket's own string can go.
      conn.docId = room.docId
      // Its frames keep queuing (conn.early) until its access is known to be current.
      if (registry.accessEpoch !== admission.epoch && !(await settleAccess(admission, conn, room))) return
      const queued = conn.early ?? []
      conn.early = undefined
      for (const frame of queued) handle(conn, frame)
    })
    .catch((err: unknown) => {
      if (conn.closed) return
      log('could not open document', { docId, error: String(err) })
      conn.close(CLOSE_LOAD_FAILED, CLOSE_REASONS.loadFailed)
    })
}

function onMessage(conn: SocketConnection, data: Buffer, isBinary: boolean): void {
  if (conn.closed) return
  if (!isBinary) {
    conn.policy.rejects.note('closing socket: text frame', { docId: conn.docId })
    conn.close(CLOSE_UNDECODABLE, CLOSE_REASONS.binaryFramesOnly)
    return
  }
  // Counted on arrival, also while the document loads: frames queued then are handled later.
  if (!takeMessage(conn, conn.policy.limits, performance.now())) return refuse1008(conn, CLOSE_REASONS.messageRateLimit)
  if (conn.early) conn.early.push(data)
  else handle(conn, data)
}

function onClose(conn: SocketConnection): void {
  conn.closed = true
  conn.policy.quota.release(conn.access)
  releaseAccess(conn.access)
  if (conn.room) conn.registry.leave(conn.room, conn)
}

function handle(conn: SocketConnection, frame: Uint8Array): void {
  const { room } = conn
  if (conn.closed || !room) return
  const { limits } = conn.policy
  try {
    const message = decodeClientMessage(frame, limits, room.doc.store.clients.size)
    if ((message.kind === 'awareness' || message.kind === 'query-awareness') && !takePresence(conn)) {
      throw new LimitExceeded(CLOSE_REASONS.presenceRateLimit)
    }
    // Its reply (the whole document, for a new peer) is not built for a socket that reads nothing.
    if (message.kind === 'sync-step1' && (conn.peer as CollabSocket).raw!.writableLength > limits.outgoingBytes) {
      return (conn.peer as CollabSocket).overflow(conn)
    }
    room.receive(conn, message)
  } catch (err) {
    if (err instanceof LimitExceeded) return refuse1008(conn, err.reason)
    const reason = err instanceof ProtocolError ? err.message : `rejected update: ${String(err)}`
    conn.policy.rejects.note('closing socket: undecodable message', { docId: conn.docId, reason })
    conn.close(CLOSE_UNDECODABLE, CLOSE_REASONS.undecodable)
  }
}

/** A per-client bound broken: this socket alone is closed, with the bound's name; the stock client reconnects. */
function refuse1008(conn: SocketConnection, reason: string, fields: Record<string, unknown> = {}): void {
  if (conn.closed) return
  conn.policy.rejects.note('closing socket: limit', { docId: conn.docId, reason, ...fields })
  conn.close(CLOSE_POLICY, reason)
}

/** The raw socket may error before ws takes it over; an error alone must not crash the process. */
function ignoreError(): void {}

function uncork(socket: Duplex): void {
  socket.uncork()
}
