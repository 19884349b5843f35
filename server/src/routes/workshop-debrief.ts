import { getBodyText, heatRuns, locateClaim, readClaims, resultsCsv } from '@fc/shared'
import { Hono } from 'hono'
import * as Y from 'yjs'
import { withDocument } from '../articles/doc-reader.js'
import { conflict, forbidden } from '../domain/errors.js'
import { listParticipants, type Participant } from '../domain/workshop-participants.js'
import { claimsForScoring, workshopResults } from '../domain/workshop-results.js'
import { getAnswerKey, type Workshop, workshopBodySnapshot } from '../domain/workshops.js'
import type { ApiDeps } from './http.js'
import { requireTrainer, workshopAccess } from './workshop-access.js'

/**
 * What the room did, read from each copy as it is now (the open room while someone edits it,
 * storage otherwise): scores against the key, the debrief beside it, the CSV, the heat map.
 * Mounted at /api/workshops.
 */
export function workshopDebriefRoutes({ db, store, registry, auth }: ApiDeps) {
  const eachParticipant = <T>(participants: Participant[], fn: (doc: Y.Doc) => T) =>
    Promise.all(participants.map((p) => withDocument(registry, store, p.docId, fn)))

  const score = async (workshop: Workshop) => {
    const key = await getAnswerKey(db, workshop.id)
    if (!key) throw conflict('the workshop has no answer key yet')
    const participants = await listParticipants(db, workshop.id)
    const claims = await eachParticipant(participants, claimsForScoring)
    return {
      key,
      results: workshopResults(
        key,
        participants.map((p, i) => ({ participant: p, claims: claims[i]! })),
      ),
    }
  }

  return (
    new Hono()
      // Trainers read results at any time; a participant only after the reveal, their own row and the key.
      .get('/:id/results', async (c) => {
        const { workshop, trainer, participant } = await workshopAccess(c, db, auth, c.req.param('id'))
        const revealed = workshop.revealedAt !== null
        if (!trainer && !revealed) throw forbidden('results are shown once the trainer reveals the key')
        const { key, results } = await score(workshop)
        if (trainer) return c.json({ workshopId: workshop.id, revealed, ...results })
        // Another participant's name or work is the trainer's to share, and so is how the room split.
        const { perKeyClaim: _trainersOnly, ...shared } = results
        return c.json({
          workshopId: workshop.id,
          revealed,
          ...shared,
          participants: results.participants.filter((r) => r.participantId === participant!.id),
          key: key.map(({ quote, verdict, rationale }) =>
            rationale ? { quote, verdict, rationale } : { quote, verdict },
          ),
        })
      })

      .get('/:id/results.csv', async (c) => {
        const { workshop } = await requireTrainer(c, db, auth, c.req.param('id'))
        const { results } = await score(workshop)
        const filename = `${workshop.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'workshop'}-results.csv`
        return c.body(resultsCsv(results.participants), 200, {
          'content-type': 'text/csv; charset=utf-8; header=present',
          'content-disposition': `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        })
      })

      // Where the room marked: every participant's claims located in the workshop's text by quote.
      .get('/:id/heatmap', async (c) => {
        const { workshop } = await requireTrainer(c, db, auth, c.req.param('id'))
        const snapshot = new Y.Doc()
        Y.applyUpdate(snapshot, await workshopBodySnapshot(db, workshop.id))
        const text = getBodyText(snapshot)
        snapshot.destroy()
        const participants = await listParticipants(db, workshop.id)
        const claimsOf = await eachParticipant(participants, (doc) =>
          readClaims(doc).map((cl) => ({
            quote: cl.quote,
            prefix: cl.prefix,
            suffix: cl.suffix,
            verdict: cl.verdict ?? null,
          })),
        )
        const marks = participants.flatMap((p, i) =>
          claimsOf[i]!.flatMap((claim) => {
            const at = locateClaim(text, claim)
            return at ? [{ participantId: p.id, ...at, verdict: claim.verdict }] : []
          }),
        )
        const spans = participants.map((p) => marks.filter((m) => m.participantId === p.id))
        return c.json({ text, counts: heatRuns(spans), marks })
      })
  )
}
