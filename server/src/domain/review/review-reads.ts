import {
  type ArticleReview,
  type Claim,
  type PersonRef,
  readClaims,
  type ReportReview,
  type ReviewQueueItem,
} from '@fc/shared'
import { withDocument } from '../../articles/doc-reader.js'
import type { Article } from '../articles.js'
import {
  approvedIds,
  changedSincePublish,
  correctionsOf,
  currentFingerprints,
  publicationsOf,
  publicationState,
} from './publishing.js'
import { peopleByIds } from './people.js'
import { decisionsOf, iso, reviewsOf, type ReviewRow, verdictSettersOf } from './review-records.js'
import type { ReviewDeps } from './review-commands.js'

type ReadDeps = Pick<ReviewDeps, 'db' | 'registry' | 'store'>

const person = (people: Map<string, PersonRef>, id: string | null): PersonRef | null =>
  id ? (people.get(id) ?? { id, name: '' }) : null

/** `GET /api/articles/:id/review`: every claim of the document with its review state, the decisions, the publication. */
export async function articleReview(deps: ReadDeps, article: Article): Promise<ArticleReview> {
  const [rows, decisions, setters, publications, current] = await Promise.all([
    reviewsOf(deps.db, article.id),
    decisionsOf(deps.db, article.id),
    verdictSettersOf(deps.db, article.docId),
    publicationsOf(deps.db, article.id),
    currentFingerprints(deps, article),
  ])
  const byClaim = new Map(rows.map((r) => [r.claim_id, r]))
  const setterOf = new Map(setters.map((s) => [s.claim_id, s]))
  const people = await peopleByIds(deps.db, [
    ...rows.map((r) => r.approved_by),
    ...decisions.map((d) => d.by_user),
    ...setters.map((s) => s.set_by),
  ])
  return {
    claims: current.claims.map((claim) => {
      const row = byClaim.get(claim.id)
      const item: ArticleReview['claims'][number] = {
        claimId: claim.id,
        state: row?.state ?? 'unreviewed',
        verdict: claim.verdict ?? null,
      }
      // The record counts only while it names the verdict the claim has now.
      const setter = setterOf.get(claim.id)
      if (setter && claim.verdict !== undefined && setter.verdict === claim.verdict) {
        const by = person(people, setter.set_by)
        if (by) item.verdictSetBy = by
        item.verdictSetAt = iso(setter.set_at)
      }
      if (row?.state === 'approved' && row.approved_by && row.approved_at !== null) {
        item.approvedBy = person(people, row.approved_by)!
        item.approvedAt = iso(row.approved_at)
      }
      return item
    }),
    decisions: decisions.map((d) => ({
      id: d.id,
      claimId: d.claim_id,
      decision: d.decision,
      note: d.note,
      by: person(people, d.by_user)!,
      at: iso(d.at),
    })),
    ...publicationState(publications),
    updatedAfterPublish: changedSincePublish(publications.latest, current.fingerprints),
  }
}

interface QueueRow extends ReviewRow {
  title: string
  doc_id: string
}

/** `GET /api/workspaces/:id/review-queue`: claims in review over the workspace's articles, oldest request first. */
export async function reviewQueue(deps: ReadDeps, workspaceId: string): Promise<ReviewQueueItem[]> {
  const rows = await deps.db.query<QueueRow>(
    `SELECT r.*, a.title, a.doc_id FROM claim_reviews r JOIN articles a ON a.id = r.article_id
      WHERE a.workspace_id = $1 AND r.state = 'in-review' ORDER BY r.requested_at, r.article_id, r.claim_id`,
    [workspaceId],
  )
  const claimsByDoc = new Map<string, Map<string, Claim>>()
  for (const docId of new Set(rows.map((r) => r.doc_id))) {
    const claims = await withDocument(deps.registry, deps.store, docId, (doc) => readClaims(doc))
    claimsByDoc.set(docId, new Map(claims.map((c) => [c.id, c])))
  }
  const people = await peopleByIds(
    deps.db,
    rows.map((r) => r.requested_by),
  )
  return rows.flatMap((r) => {
    // A claim removed from its document has nothing left to review.
    const claim = claimsByDoc.get(r.doc_id)?.get(r.claim_id)
    if (!claim) return []
    return [
      {
        articleId: r.article_id,
        articleTitle: r.title,
        claimId: r.claim_id,
        quote: claim.quote,
        verdict: claim.verdict ?? null,
        rationale: claim.rationale ?? null,
        evidenceCount: claim.evidence.length,
        requestedBy: person(people, r.requested_by),
        requestedAt: iso(r.requested_at ?? 0),
        reason: r.reason ?? 'requested',
      },
    ]
  })
}

/** What the Markdown report shows of the review record, with people by name. */
export async function reportReview(deps: Pick<ReviewDeps, 'db'>, article: Article): Promise<ReportReview> {
  const [rows, decisions, publications, corrections] = await Promise.all([
    reviewsOf(deps.db, article.id),
    decisionsOf(deps.db, article.id),
    publicationsOf(deps.db, article.id),
    correctionsOf(deps.db, article.id),
  ])
  const people = await peopleByIds(
    deps.db,
    decisions.map((d) => d.by_user),
  )
  const { factCheckPublishedAt, publishedUrl } = publicationState(publications)
  return {
    states: new Map(rows.map((r) => [r.claim_id, r.state])),
    decisions: decisions.map((d) => ({
      claimId: d.claim_id,
      decision: d.decision,
      note: d.note,
      by: people.get(d.by_user)?.name ?? '',
      at: iso(d.at),
    })),
    corrections: corrections.map((c) => ({ at: c.at, by: c.by.name, note: c.note, claims: c.claims })),
    factCheckPublishedAt,
    publishedUrl,
  }
}

/** The ClaimReview export's view of an article: which claims are published, where, and when. */
export interface PublishedReviews {
  published: boolean
  approved: Set<string>
  factCheckPublishedAt: string | null
  publishedUrl: string | null
  /** Claim id → the latest correction that touched it. */
  modifiedAt: Map<string, string>
}

export async function publishedReviews(deps: Pick<ReviewDeps, 'db'>, article: Article): Promise<PublishedReviews> {
  const [approved, publications] = await Promise.all([
    approvedIds(deps.db, article.id),
    publicationsOf(deps.db, article.id),
  ])
  const modifiedAt = new Map<string, string>()
  for (const c of publications.corrections)
    for (const id of JSON.parse(c.claims) as string[]) modifiedAt.set(id, iso(c.at))
  return { published: publications.first !== undefined, approved, ...publicationState(publications), modifiedAt }
}
