import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { Server } from 'node:http'
import { Hono } from 'hono'
import { CLOSE_GOING_AWAY, CLOSE_REASONS } from '@fc/shared'
import { buildApp } from './app.js'
import { cachedDocumentOwners } from './auth/article-owners.js'
import { GateCache } from './auth/gate-cache.js'
import { AuthService } from './auth/service.js'
import { createSocketGate } from './auth/socket-gate.js'
import { enableAdmissionHold } from './collab/access/admission-hold.js'
import { startHeartbeat } from './collab/heartbeat.js'
import { RoomRegistry } from './collab/rooms.js'
import { attachSocketServer } from './collab/socket-route.js'
import { Attribution } from './collab/attribution/attribution.js'
import { threadResolvePolicy } from './domain/threads.js'
import type { Config } from './config/index.js'
import { HistoryRecorder } from './domain/history/recorder.js'
import { WorkshopProgressFeed } from './domain/workshop-live.js'
import { EventBus } from './events/event-bus.js'
import { log } from './log.js'
import { SqlDocStore } from './storage/doc-store.js'
import { openDb } from './storage/open.js'

export interface RunningServer {
  port: number
  /** Stops accepting, closes sockets, commits every queued update, closes storage. */
  close(): Promise<void>
}

/** Wires config → storage → rooms → HTTP + socket, and starts listening. */
export async function startServer(config: Config): Promise<RunningServer> {
  enableAdmissionHold(config.test.holdAdmission)
  const db = await openDb(config.storage)
  const store = new SqlDocStore(db, config.storage)
  // Several instances share one set of sign-in limits through Redis, or the budget would grow with each.
  const limits = config.scale.redisUrl
    ? new (await import('./scale/redis-rate-limit.js')).RedisRateLimits(
        config.scale.redisUrl,
        config.storage.databaseUrl ?? config.storage.dataDir,
      )
    : undefined
  await limits
    ?.connect()
    .catch((err: unknown) =>
      log('rate limits: Redis not reachable at start, counting per instance', { error: String(err) }),
    )
  // Accounts, sessions and roles; the socket gate resolves the caller with the same service.
  const auth = new AuthService(db, config.auth, limits?.factory)

  // ioredis is loaded only with REDIS_URL: ~2 MB of heap a single instance does not need.
  const fanout = config.scale.redisUrl
    ? new (await import('./scale/redis-fanout.js')).RedisFanout(config.scale.redisUrl, store)
    : undefined
  await fanout?.connect()
  // What each document is: the socket gate asks first, the room its first socket opens asks again (attribution).
  const documents = cachedDocumentOwners()
  // Who did what, from who sent it: every room's socket updates are attributed before anyone reads them.
  const attribution = new Attribution(db, (docId) => documents.articleId(db, docId), threadResolvePolicy(db))
  // Auto versions and visits (domain/history): fed by the rooms, the documents read from them.
  const history = new HistoryRecorder(db, (docId) => registry.openRooms.get(docId)?.doc)

  // Live events (GET /api/events) reach the streams held by every instance through Redis.
  const relay = config.scale.redisUrl
    ? new (await import('./scale/redis-events.js')).RedisEventRelay(config.scale.redisUrl)
    : undefined
  await relay?.connect()
  const events = new EventBus(relay)
  // Trainers' dashboards follow their participants' copies as the updates arrive here.
  const progress = new WorkshopProgressFeed(db, events, (docId) => registry.openRooms.get(docId)?.doc)

  const registry = new RoomRegistry(
    store,
    {
      attach: (room) => attribution.attach(room),
      detach: (room) => attribution.detach(room),
      relayUpdate: fanout ? (docId, update) => fanout.publishUpdate(docId, update) : undefined,
      onLocalUpdate(docId, update) {
        store.appendUpdate(docId, update)
        history.changed(docId)
        progress.changed(docId)
      },
      onLocalAwareness: fanout ? (docId, update) => fanout.publishAwareness(docId, update) : undefined,
      onWaiting: fanout ? (docId) => fanout.healDoc(docId, 'socket update waits on missing structs') : undefined,
      canStore: () => !store.storageFull,
    },
    config.socket.limits,
  )
  store.onStorageFull = (full) => registry.storageWritable(!full)
  // Alone, this instance wrote every logged row from its open rooms; with Redis, others write too.
  if (!fanout) store.liveDoc = (docId) => registry.openRooms.get(docId)?.doc
  registry.events = {
    joined: (room, conn) => history.joined(room.docId, conn.access),
    left: (room, conn) => history.left(room.docId, conn.access),
    closing: async (room) => {
      await history.closing(room.docId, room.doc)
      await fanout?.closing(room)
    },
  }
  if (fanout) {
    registry.events.opening = (room) => fanout.opening(room)
    registry.events.accessChanged = (change) => fanout.publishAccess(change)
    fanout.onRemoteAccess = (change) => registry.applyAccess(change)
  }

  const app = new Hono()
  const built = buildApp(app, { config, db, store, registry, auth, events, attribution })

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.server.port, hostname: config.server.host }, () => resolve(s))
  })
  // Alone, every access change is applied here, synchronously, before its request is answered:
  // the gate's token and role answers hold until the next one. With other instances a change made
  // there arrives over Redis a moment later, and an upgrade here in that moment must already be
  // refused (tests/integration/scale/gate-cache.test.ts): the gate then reads storage every time.
  const gateCache = new GateCache(db, () => (fanout ? undefined : registry.accessEpoch))
  const wss = attachSocketServer(server as Server, {
    registry,
    gate: createSocketGate(auth, gateCache, documents),
    maxMessageBytes: config.socket.maxMessageBytes,
  })
  const stopHeartbeat = startHeartbeat(wss, config.socket.heartbeatMs)
  const port = (server.address() as AddressInfo).port
  log('listening', {
    port,
    storage: config.storage.databaseUrl ? 'postgres' : `sqlite:${config.storage.dataDir}`,
    fanout: fanout ? 'redis' : 'none',
  })

  return {
    port,
    async close() {
      stopHeartbeat()
      built.stop()
      progress.stop()
      auth.close()
      server.close()
      // Frames already on their way (in socket buffers) are still applied before the sockets close.
      await new Promise((resolve) => setTimeout(resolve, config.socket.shutdownDrainMs))
      await registry.closeAll(CLOSE_GOING_AWAY, CLOSE_REASONS.shuttingDown)
      await history.settled()
      await fanout?.close()
      await events.close()
      await limits?.close()
      await store.close()
      await db.close()
    },
  }
}
