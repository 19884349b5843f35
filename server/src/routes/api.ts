import { Hono } from 'hono'
import { activityRoutes } from './activity.js'
import { articleRoutes } from './articles.js'
import { authRoutes } from './auth.js'
import { demoRoutes } from './demo.js'
import { eventRoutes } from './events.js'
import { attachmentRoutes } from './attachments.js'
import { exportRoutes } from './exports.js'
import { publishingRoutes } from './publishing.js'
import { reviewRoutes } from './review.js'
import { historyRoutes } from './history.js'
import { similarRoutes } from './similar.js'
import { verdictRoutes } from './verdicts.js'
import { type ApiDeps, callerResolver, jsonBodyLimit, originGuard } from './http.js'
import { tokenRoutes } from './tokens.js'
import { workshopDebriefRoutes } from './workshop-debrief.js'
import { workshopManageRoutes } from './workshop-manage.js'
import { workshopRoutes } from './workshops.js'
import { workspaceRoutes } from './workspaces.js'

/**
 * The authenticated API. For every `/api/*` request (after /api/health):
 * the CSRF origin check on state-changing requests, then the caller is resolved.
 * Route modules mounted after this one (exports, workshops) get both for free, and every
 * JSON body they read is capped at JSON_MAX_BYTES unless the route sets its own (limitBody).
 */
export function apiRoutes(deps: ApiDeps): Hono {
  const app = new Hono()
  app.use('/api/*', jsonBodyLimit(deps.config.http.jsonMaxBytes))
  app.use('/api/*', originGuard(deps.auth), callerResolver(deps.auth))
  app.route('/', authRoutes(deps))
  app.route('/', tokenRoutes(deps))
  app.route('/', eventRoutes(deps))
  app.route('/', workspaceRoutes(deps))
  app.route('/', articleRoutes(deps))
  // After articleRoutes: its guard on /api/articles/:id/* admits the caller first.
  app.route('/', exportRoutes(deps))
  app.route('/', reviewRoutes(deps))
  app.route('/', publishingRoutes(deps))
  app.route('/', similarRoutes(deps))
  app.route('/', historyRoutes(deps))
  app.route('/', activityRoutes(deps))
  app.route('/', attachmentRoutes(deps))
  app.route('/', verdictRoutes(deps))
  app.route('/', demoRoutes(deps))
  app.route('/', workshopRoutes(deps))
  app.route('/', workshopManageRoutes(deps))
  app.route('/', workshopDebriefRoutes(deps))
  return app
}
