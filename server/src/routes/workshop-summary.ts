import type { Workshop } from '../domain/workshops.js'

/** A workshop as its trainers read it everywhere (create, list, rename, the full view). */
export const workshopSummary = (w: Workshop) => ({
  id: w.id,
  title: w.title,
  workspaceId: w.workspaceId,
  articleId: w.articleId,
  joinCode: w.joinCode,
  hasKey: w.hasKey,
  revealed: w.revealedAt !== null,
  revealedAt: w.revealedAt,
  endsAt: w.endsAt,
  createdBy: w.createdBy,
  createdAt: w.createdAt,
})
