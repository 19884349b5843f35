import type { Queryable } from '../storage/db.js'
import { articleRefByDocId } from './articles.js'
import { participantByDocId } from './workshop-participants.js'
import { getWorkshop, hasEnded } from './workshops.js'

/**
 * What a collaboration document is, and whose: an article of a workspace, or a
 * workshop participant's copy (owned by that participant's guest session, watched
 * by the workshop's trainers). Every socket-openable document must be resolvable here.
 */
export type DocumentOwner =
  | { kind: 'article'; workspaceId: string; articleId: string }
  | {
      kind: 'workshop-copy'
      workspaceId: string
      workshopId: string
      workshopCreatedBy: string
      guestId: string
      revealed: boolean
      ended: boolean
    }

export async function ownerOfDocument(q: Queryable, docId: string): Promise<DocumentOwner | null> {
  const article = await articleRefByDocId(q, docId)
  if (article) return { kind: 'article', workspaceId: article.workspaceId, articleId: article.id }
  const participant = await participantByDocId(q, docId)
  if (!participant) return null
  const workshop = await getWorkshop(q, participant.workshopId)
  if (!workshop) return null
  return {
    kind: 'workshop-copy',
    workspaceId: workshop.workspaceId,
    workshopId: workshop.id,
    workshopCreatedBy: workshop.createdBy,
    guestId: participant.guestId,
    revealed: workshop.revealedAt !== null,
    ended: hasEnded(workshop),
  }
}
