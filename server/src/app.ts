import type { Hono } from 'hono'
import type { AuthService } from './auth/service.js'
import type { Attribution } from './collab/attribution/attribution.js'
import type { RoomRegistry } from './collab/rooms.js'
import type { Config } from './config/index.js'
import type { AccessEvents } from './domain/access-events.js'
import { WorkshopClock } from './domain/workshop-clock.js'
import type { EventBus } from './events/event-bus.js'
import { getArticle } from './domain/articles.js'
import { reviewFollowsChanges } from './domain/review/review-commands.js'
import { withDocument } from './articles/doc-reader.js'
import { activityListener } from './domain/history/activity-recorder.js'
import { log } from './log.js'
import { apiRoutes } from './routes/api.js'
import { healthRoutes } from './routes/health.js'
import { errorResponse } from './routes/http.js'
import { refuseMalformedUrls } from './routes/malformed-url.js'
import { securityHeaders } from './routes/security-headers.js'
import { staticRoutes } from './routes/static.js'
import type { Db } from './storage/db.js'
import type { DocStore } from './storage/doc-store.js'
import { isStorageFull } from './storage/storage-errors.js'

export interface AppDeps {
  config: Config
  db: Db
  store: DocStore
  registry: RoomRegistry
  auth: AuthService
  events: EventBus
  attribution: Attribution
}

/** What buildApp started besides the routes: stopped when the server closes. */
export interface BuiltApp {
  stop(): void
}

/** Mounts every route module on the app; order matters only for the SPA fallback, which is last. */
export function buildApp(app: Hono, deps: AppDeps): BuiltApp {
  app.onError((err, c) => {
    const known = errorResponse(err, c) // bad input, auth and role refusals: {error} with their 4xx
    if (known) return known
    if (isStorageFull(err)) {
      log('request refused: storage full', { path: c.req.path, error: String(err) })
      return c.json({ error: 'storage full: the server cannot store this now, try again later' }, 507)
    }
    log('request failed', { path: c.req.path, error: err instanceof Error ? (err.stack ?? err.message) : String(err) })
    return c.json({ error: 'internal error' }, 500)
  })
  // First: the headers reach every answer, the 400 for a bad URL included.
  app.use('*', securityHeaders(), refuseMalformedUrls())
  app.route('/', healthRoutes(deps.store))
  // The one place access changes from the domain commands reach the open sockets (and other instances).
  const access: AccessEvents = {
    changed: (change) => deps.registry.changeAccess(change),
    settled: () => deps.registry.unloaded(),
  }
  // Review state follows attributed changes (verdict setters, changed-after-approval), never document fields.
  deps.attribution.onClaimChanges(reviewFollowsChanges(deps, (id) => getArticle(deps.db, id)))
  // Activity and notifications from the attributed claim changes of every room (domain/history).
  deps.attribution.onClaimChanges(
    activityListener({
      db: deps.db,
      readDoc: (docId, read) => withDocument(deps.registry, deps.store, docId, read),
      pushed: (userId, item) => deps.events.publish({ type: 'notification', data: item }, { users: [userId] }),
    }),
  )
  // Workshops' end times, on every instance: each locks its own open copies at the end.
  const clock = new WorkshopClock({
    db: deps.db,
    access,
    events: deps.events,
    lockHere: (workshopId) => deps.registry.applyAccess({ kind: 'workshop-ended', workshopId }),
  })
  clock.start()
  app.route(
    '/',
    apiRoutes({
      config: deps.config,
      db: deps.db,
      store: deps.store,
      registry: deps.registry,
      auth: deps.auth,
      events: deps.events,
      attribution: deps.attribution,
      access,
      clock,
    }),
  )
  app.route('/', staticRoutes(deps.config.server.clientDist))
  return { stop: () => clock.stop() }
}
