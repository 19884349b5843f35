import { changesQuery, createVersionBody, pageQuery, restoreVersionBody } from '@fc/shared'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import * as Y from 'yjs'
import { withDocument } from '../articles/doc-reader.js'
import { changeDocument } from '../articles/doc-writer.js'
import { DomainError, notFound } from '../domain/errors.js'
import { attribute, docContent } from '../domain/history/changes.js'
import { compare, type VersionSide, versionContent } from '../domain/history/version-content.js'
import { actorsBetween, recordActivity } from '../domain/history/activity.js'
import { restoreOneClaim, restoreWhole } from '../domain/history/restore.js'
import { withVersionDoc } from '../domain/history/version-doc.js'
import {
  getVersion,
  listVersions,
  saveVersion,
  type Version,
  versionAtOrBefore,
  versionState,
} from '../domain/history/version-store.js'
import { lastVisitEnd } from '../domain/history/visits.js'
import { lastDecisionAt, resetReviews } from '../domain/review/review-records.js'
import { listMembers } from '../domain/workspaces.js'
import { articleAccess, articleRole, requireArticleRole } from './access.js'
import type { ApiDeps } from './http.js'
import { jsonBody, queryOf } from './validate.js'

/** Versions and the changes view of an article (docs/api.md, "History"); mounted at /api/articles, under articleGuard. */
export function historyRoutes({ db, store, registry, events }: ApiDeps) {
  // An editor's restore finds the version (404) before its body is read.
  const versionToRestore = createMiddleware<{ Variables: { version: Version; then: Uint8Array } }>(async (c, next) => {
    const { article } = requireArticleRole(c, 'editor')
    const versionId = c.req.param('versionId') ?? ''
    const version = await getVersion(db, article.id, versionId)
    const then = version && (await versionState(db, article.id, versionId))
    if (!version || !then) throw notFound('version')
    c.set('version', version)
    c.set('then', then)
    await next()
  })

  return new Hono()
    .get('/:id/versions', queryOf(pageQuery), async (c) => {
      const { article } = articleAccess(c)
      const versions = await listVersions(db, article.id, c.req.valid('query'))
      if (!versions) throw notFound('version')
      return c.json(versions)
    })
    .post('/:id/versions', articleRole('checker'), jsonBody(createVersionBody), async (c) => {
      const { article, userId } = articleAccess(c)
      const { label } = c.req.valid('json')
      const state = await withDocument(registry, store, article.docId, (doc) => Y.encodeStateAsUpdate(doc))
      return c.json(
        await saveVersion(db, { articleId: article.id, kind: 'named', label, byUserId: userId, state }),
        201,
      )
    })
    .get('/:id/versions/:versionId', async (c) => {
      const { article } = articleAccess(c)
      const versionId = c.req.param('versionId')
      const version = await getVersion(db, article.id, versionId)
      const side = version && (await versionContent(db, article.id, versionId))
      if (!version || !side) throw notFound('version')
      return c.json({ ...version, ...side.content })
    })
    .get('/:id/changes', queryOf(changesQuery), async (c) => {
      const { article, userId } = articleAccess(c)
      const query = c.req.valid('query')
      let fromVersion: Version | null
      if (query.from === 'my-last-review') {
        // The caller's own latest decision here; for someone who made none, the end of their previous visit.
        const since = (await lastDecisionAt(db, article.id, userId)) ?? (await lastVisitEnd(db, article.id, userId))
        fromVersion = since === null ? null : await versionAtOrBefore(db, article.id, since)
        if (!fromVersion) throw new DomainError('not_found', 'no earlier review')
      } else {
        fromVersion = await getVersion(db, article.id, query.from)
        if (!fromVersion) throw notFound('version')
      }
      const toVersion = query.to === 'current' ? null : await getVersion(db, article.id, query.to)
      if (query.to !== 'current' && !toVersion) throw notFound('version')
      const from = await contentOfVersion(article.id, fromVersion.id)
      const to = toVersion
        ? await contentOfVersion(article.id, toVersion.id)
        : await withDocument(registry, store, article.docId, docContent)
      // Who: the activity recorded between the two (attributed by the server), never a document field.
      const actors = await actorsBetween(
        db,
        article.id,
        Date.parse(fromVersion.at),
        toVersion ? Date.parse(toVersion.at) : Date.now(),
      )
      const { text, claims } = compare(from, to)
      return c.json({
        from: fromVersion.id,
        to: query.to,
        text,
        // Copies: the comparison is kept for the next view, `by` depends on this one's actors.
        claims: attribute(
          claims.map((change) => ({ ...change })),
          actors,
        ),
      })
    })

    .post('/:id/versions/:versionId/restore', versionToRestore, jsonBody(restoreVersionBody), async (c) => {
      const { article, userId } = articleAccess(c)
      const { version, then } = c.var
      const { claimId } = c.req.valid('json')
      let returned: string[] = []
      // Applied to the live document as one server change: every open client receives it, history keeps both sides.
      const state = await changeDocument(registry, store, article.docId, (doc) =>
        withVersionDoc(then, (old) => {
          // The claims that come back (absent now, there then): their review starts over.
          const present = doc.getMap('claims')
          returned =
            claimId === undefined ? [...old.getMap('claims').keys()].filter((id) => !present.has(id)) : [claimId]
          if (claimId === undefined) restoreWhole(doc, old)
          else if (!restoreOneClaim(doc, old, claimId)) return null
          return Y.encodeStateAsUpdate(doc)
        }),
      )
      if (!state) throw notFound('claim')
      await resetReviews(db, article.id, returned)
      if (returned.length > 0) {
        const users = (await listMembers(db, article.workspaceId)).map((m) => m.userId)
        for (const id of returned)
          events.publish(
            { type: 'review', data: { articleId: article.id, claimId: id, state: 'unreviewed' } },
            { users },
          )
      }
      // A readable name for the feed: the version's label, else its time to the minute.
      const which =
        version.label !== undefined
          ? `“${version.label}”`
          : `the version of ${version.at.slice(0, 16).replace('T', ' ')} UTC`
      const made = await saveVersion(db, {
        articleId: article.id,
        kind: 'restore',
        byUserId: userId,
        state,
        label: `restored ${version.label ?? version.at}`,
      })
      await recordActivity(db, [
        {
          workspaceId: article.workspaceId,
          articleId: article.id,
          actorId: userId,
          kind: 'restored',
          ...(claimId === undefined
            ? { summary: `restored ${which}` }
            : { claimId, summary: `restored a claim from ${which}` }),
        },
      ])
      return c.json({ versionId: made.id })
    })

  async function contentOfVersion(articleId: string, versionId: string): Promise<VersionSide> {
    const side = await versionContent(db, articleId, versionId)
    if (!side) throw notFound('version')
    return side
  }
}
