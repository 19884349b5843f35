import { readClaims } from '@fc/shared'
import type * as Y from 'yjs'
import { DocumentMemo } from '../../articles/document-memo.js'
import type { DocStore } from '../../storage/doc-store.js'
import type { Article } from '../articles.js'
import { iso } from './review-records.js'
import type { ReviewDeps } from './review-commands.js'

/** An article of the workspace list, as the desk's overview (docs/api.md, `GET /api/workspaces/:id/articles`). */
export interface ArticleOverview extends Article {
  counts: { claims: number; withVerdict: number; inReview: number; approved: number }
  published: boolean
  factCheckPublishedAt: string | null
  lastPublishedAt: string | null
}

interface ClaimTally {
  id: string
  hasVerdict: boolean
}

const tally = (doc: Y.Doc): ClaimTally[] =>
  readClaims(doc).map((c) => ({ id: c.id, hasVerdict: c.verdict !== undefined }))

/** One memo per store (a server has one; tests start several in a process). */
const memos = new WeakMap<DocStore, DocumentMemo<ClaimTally[]>>()

function memoFor(store: DocStore): DocumentMemo<ClaimTally[]> {
  let memo = memos.get(store)
  if (!memo) memos.set(store, (memo = new DocumentMemo(tally)))
  return memo
}

/** Counts read from each document (claims, verdicts) and from the review record (in review, approved). */
export async function articleOverviews(
  deps: Pick<ReviewDeps, 'db' | 'registry' | 'store'>,
  workspaceId: string,
  articles: Article[],
): Promise<ArticleOverview[]> {
  const [reviews, publications] = await Promise.all([
    deps.db.query<{ article_id: string; claim_id: string; state: string }>(
      `SELECT r.article_id, r.claim_id, r.state FROM claim_reviews r JOIN articles a ON a.id = r.article_id WHERE a.workspace_id = $1 AND r.state IN ('in-review', 'approved')`,
      [workspaceId],
    ),
    deps.db.query<{ article_id: string; first_at: number | string; last_at: number | string }>(
      `SELECT p.article_id, MIN(p.at) AS first_at, MAX(p.at) AS last_at FROM article_publications p JOIN articles a ON a.id = p.article_id WHERE a.workspace_id = $1 GROUP BY p.article_id`,
      [workspaceId],
    ),
  ])
  const stateOf = new Map(reviews.map((r) => [`${r.article_id}/${r.claim_id}`, r.state]))
  const publishedOf = new Map(publications.map((p) => [p.article_id, p]))
  const tallies = await memoFor(deps.store).readAll(
    deps.registry,
    deps.store,
    articles.map((a) => a.docId),
  )
  const out: ArticleOverview[] = []
  for (const article of articles) {
    const claims = tallies.get(article.docId) ?? []
    const counts = { claims: claims.length, withVerdict: 0, inReview: 0, approved: 0 }
    for (const claim of claims) {
      if (claim.hasVerdict) counts.withVerdict++
      const state = stateOf.get(`${article.id}/${claim.id}`)
      if (state === 'in-review') counts.inReview++
      else if (state === 'approved') counts.approved++
    }
    const p = publishedOf.get(article.id)
    out.push({
      ...article,
      counts,
      published: p !== undefined,
      factCheckPublishedAt: p ? iso(p.first_at) : null,
      lastPublishedAt: p ? iso(p.last_at) : null,
    })
  }
  return out
}
