import { createWorkshopBody, joinWorkshopBody, workshopKeyBody } from '@fc/shared'
import { Hono } from 'hono'
import type * as Y from 'yjs'
import { bodyCopyUpdate } from '../articles/body-copy.js'
import { withDocument } from '../articles/doc-reader.js'
import { endCredential } from '../domain/access-events.js'
import { getArticle } from '../domain/articles.js'
import { conflict, notFound, unauthenticated } from '../domain/errors.js'
import { normalizeJoinCode } from '../domain/join-codes.js'
import {
  countParticipants,
  joinWorkshop,
  listParticipants,
  type Participant,
  participantOf,
} from '../domain/workshop-participants.js'
import { workshopTrainerIds } from '../domain/workshop-audience.js'
import { progressOf } from '../domain/workshop-results.js'
import {
  createWorkshop,
  findWorkshopByCode,
  getAnswerKey,
  hasEnded,
  isTrainer,
  listWorkshops,
  revealWorkshop,
  setAnswerKey,
  workshopBodySnapshot,
} from '../domain/workshops.js'
import { requireWorkspaceRole, workspaceRole } from './access.js'
import { type ApiDeps, limitBody } from './http.js'
import { refuseWhenLimited } from './throttled.js'
import { jsonBody } from './validate.js'
import { requireTrainer, trainerOf, workshopAccess } from './workshop-access.js'
import { workshopSummary } from './workshop-summary.js'

/**
 * Workshops: a trainer hands a room the same article with a hidden answer key;
 * each participant (a guest, no account) marks claims in their own copy; the
 * trainer watches progress, reveals, and reads scores and agreement. The key lives
 * in the database only (domain/workshops.ts), never in a document. Mounted at /api/workshops;
 * a workspace's workshops (create, list) at /api/workspaces.
 */
export function workspaceWorkshopRoutes({ config, db, store, registry }: ApiDeps) {
  const json = limitBody(config.http.jsonMaxBytes)

  return new Hono()
    .post('/:id/workshops', json, workspaceRole(db, 'editor'), jsonBody(createWorkshopBody), async (c) => {
      const { workspace, userId } = c.var.workspaceAccess
      const input = c.req.valid('json')
      const article = await getArticle(db, input.articleId)
      // Another workspace's article reads as unknown: its existence is none of this workspace's business.
      if (!article || article.workspaceId !== workspace.id) throw notFound('articleId: article in this workspace')
      const bodySnapshot = await withDocument(registry, store, article.docId, bodyCopyUpdate)
      const workshop = await createWorkshop(db, {
        workspaceId: workspace.id,
        articleId: article.id,
        title: input.title,
        createdBy: userId,
        bodySnapshot,
      })
      return c.json(workshopSummary(workshop), 201)
    })
    .get('/:id/workshops', async (c) => {
      const { workspace, role, userId } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer')
      const mine = (await listWorkshops(db, workspace.id)).filter((w) => isTrainer(role, userId, w))
      const counts = await countParticipants(
        db,
        mine.map((w) => w.id),
      )
      return c.json(mine.map((w) => ({ ...workshopSummary(w), participants: counts.get(w.id) ?? 0 })))
    })
}

export function workshopRoutes({ config, db, store, registry, auth, access, events }: ApiDeps) {
  const json = limitBody(config.http.jsonMaxBytes)
  const eachParticipant = <T>(participants: Participant[], fn: (doc: Y.Doc) => T) =>
    Promise.all(participants.map((p) => withDocument(registry, store, p.docId, fn)))

  return (
    new Hono()
      .post('/join', json, jsonBody(joinWorkshopBody), async (c) => {
        const input = c.req.valid('json')
        const admission = await auth.joins.admit(auth.rateLimitKey(c))
        refuseWhenLimited(c, admission.waitMs, 'too many join attempts from this address; try again later')
        const code = normalizeJoinCode(input.code)
        const workshop = code ? await findWorkshopByCode(db, code) : null
        if (!workshop) throw notFound('workshop with this code')
        refuseWhenLimited(
          c,
          await admission.codeMatched(workshop.id),
          'too many people are joining this workshop at once; try again in a moment',
        )
        const knownGuest = await auth.guests.guestId(c.req.raw.headers)
        // After the reveal or the end time the answers are final: someone new would only get an
        // empty, locked copy. A participant coming back (reload, second tab) still gets theirs.
        const closed =
          workshop.revealedAt !== null
            ? 'the trainer has revealed the answers'
            : hasEnded(workshop)
              ? 'the workshop has ended'
              : null
        if (closed && !(knownGuest && (await participantOf(db, workshop.id, knownGuest)))) {
          throw conflict(`${closed}; this workshop takes no new participants`)
        }
        const guestId = knownGuest ?? (await auth.guests.create(c, auth.isHttps(c)))
        const { participant, created } = await joinWorkshop(db, store, {
          workshopId: workshop.id,
          guestId,
          name: input.name,
          bodySnapshot: () => workshopBodySnapshot(db, workshop.id),
        })
        // Someone new in the room: the trainers' dashboards list them at once (nothing polls).
        if (created)
          events.publish(
            {
              type: 'workshop',
              data: { workshopId: workshop.id, participantId: participant.id, claims: 0, verdicts: 0 },
            },
            { users: await workshopTrainerIds(db, workshop) },
          )
        return c.json({
          participantId: participant.id,
          docId: participant.docId,
          workshopId: workshop.id,
          title: workshop.title,
          name: participant.name,
        })
      })

      // A participant leaving (a shared computer, the next person's turn): the session ends on
      // every instance, open sockets close 4401; what they did stays for the trainer.
      .post('/leave', async (c) => {
        const guestId = await endCredential(access, () => auth.guests.end(c))
        if (!guestId) throw unauthenticated('no workshop session in this browser')
        return c.body(null, 204)
      })
      .get('/:id', async (c) => {
        const { workshop, trainer, participant } = await workshopAccess(c, db, auth, c.req.param('id'))
        const article = await getArticle(db, workshop.articleId)
        if (!trainer) {
          return c.json({
            id: workshop.id,
            title: workshop.title,
            revealed: workshop.revealedAt !== null,
            endsAt: workshop.endsAt,
            // The copy's body carries no headline when the article kept it outside (the seed
            // article): the participant's screen shows this one above the text instead.
            articleTitle: article?.title ?? null,
            participant: { participantId: participant!.id, name: participant!.name, docId: participant!.docId },
          })
        }
        const participants = await listParticipants(db, workshop.id)
        const progress = await eachParticipant(participants, progressOf)
        return c.json({
          ...workshopSummary(workshop),
          article: article ? { id: article.id, title: article.title, docId: article.docId } : null,
          participants: participants.map((p, i) => ({
            participantId: p.id,
            name: p.name,
            docId: p.docId,
            joinedAt: p.joinedAt,
            ...progress[i]!,
          })),
        })
      })

      .get('/:id/key', async (c) => {
        const { workshop } = await requireTrainer(c, db, auth, c.req.param('id'))
        return c.json({ claims: (await getAnswerKey(db, workshop.id)) ?? [] })
      })

      .put('/:id/key', json, trainerOf(db, auth), jsonBody(workshopKeyBody), async (c) => {
        const { workshop } = c.var.trainerAccess
        const { claims } = c.req.valid('json')
        await setAnswerKey(db, workshop.id, claims)
        return c.body(null, 204)
      })

      .post('/:id/reveal', async (c) => {
        const { workshop } = await requireTrainer(c, db, auth, c.req.param('id'))
        if (!workshop.hasKey) throw conflict('set the answer key before revealing')
        // Answers are final from now on: open participant sockets turn read-only (revealWorkshop tells access).
        await revealWorkshop(db, access, workshop.id)
        return c.body(null, 204)
      })
  )
}
