import { Hono } from 'hono'
import { articleGuard } from './access.js'
import { articleActivityRoutes, notificationRoutes, workspaceActivityRoutes } from './activity.js'
import { articleRoutes, workspaceArticleRoutes } from './articles.js'
import { articleAttachmentRoutes, attachmentRoutes } from './attachments.js'
import { authRoutes, meRoutes } from './auth.js'
import { demoRoutes } from './demo.js'
import { eventRoutes } from './events.js'
import { exportRoutes } from './exports.js'
import { historyRoutes } from './history.js'
import { type ApiDeps, callerResolver, jsonBodyLimit, originGuard } from './http.js'
import { publishingRoutes } from './publishing.js'
import { reviewQueueRoutes, reviewRoutes } from './review.js'
import { similarRoutes } from './similar.js'
import { tokenRoutes } from './tokens.js'
import { verdictRoutes } from './verdicts.js'
import { workshopDebriefRoutes } from './workshop-debrief.js'
import { workshopManageRoutes } from './workshop-manage.js'
import { workshopRoutes, workspaceWorkshopRoutes } from './workshops.js'
import { inviteRoutes, workspaceRoutes } from './workspaces.js'

/**
 * The authenticated API. For every `/api/*` request (after /api/health): every JSON body is
 * capped at JSON_MAX_BYTES unless the route sets its own (limitBody), the CSRF origin check runs
 * on state-changing requests, then the caller is resolved; `/api/articles/:id` and everything
 * under it is guarded (articleGuard: signed in, the article exists, the caller is a member)
 * before any article module is reached. Each module is mounted at the prefix of its paths and
 * validates what it reads with validate.ts' middleware; the chain's type is the client's
 * (`ApiRoutes`, read by client/src/api through `hc`).
 */
export function apiRoutes(deps: ApiDeps) {
  return new Hono()
    .use('/api/*', jsonBodyLimit(deps.config.http.jsonMaxBytes))
    .use('/api/*', originGuard(deps.auth), callerResolver(deps.auth))
    .use('/api/articles/:id/*', articleGuard(deps.db))
    .route('/api/auth', authRoutes(deps))
    .route('/api/me', meRoutes())
    .route('/api/me', notificationRoutes(deps))
    .route('/api/tokens', tokenRoutes(deps))
    .route('/api/events', eventRoutes(deps))
    .route('/api/demo', demoRoutes(deps))
    .route('/api/invites', inviteRoutes(deps))
    .route('/api/workspaces', workspaceRoutes(deps))
    .route('/api/workspaces', workspaceArticleRoutes(deps))
    .route('/api/workspaces', reviewQueueRoutes(deps))
    .route('/api/workspaces', workspaceActivityRoutes(deps))
    .route('/api/workspaces', verdictRoutes(deps))
    .route('/api/workspaces', workspaceWorkshopRoutes(deps))
    .route('/api/articles', articleRoutes())
    .route('/api/articles', exportRoutes(deps))
    .route('/api/articles', reviewRoutes(deps))
    .route('/api/articles', publishingRoutes(deps))
    .route('/api/articles', similarRoutes(deps))
    .route('/api/articles', historyRoutes(deps))
    .route('/api/articles', articleActivityRoutes(deps))
    .route('/api/articles', articleAttachmentRoutes(deps))
    .route('/api/attachments', attachmentRoutes(deps))
    .route('/api/workshops', workshopRoutes(deps))
    .route('/api/workshops', workshopManageRoutes(deps))
    .route('/api/workshops', workshopDebriefRoutes(deps))
}

/** The API's routes as types: paths, methods, validated inputs and JSON answers, for `hc<ApiRoutes>` in the client. */
export type ApiRoutes = ReturnType<typeof apiRoutes>
