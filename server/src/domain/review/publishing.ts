import type { Claim, CorrectionItem } from '@fc/shared'
import * as Y from 'yjs'
import { withDocument } from '../../articles/doc-reader.js'
import type { Queryable } from '../../storage/db.js'
import type { Article } from '../articles.js'
import { DomainError } from '../errors.js'
import { articlePublished } from '../history/review-activity.js'
import { newId } from '../ids.js'
import { changedClaims, type Fingerprints, fingerprintsOf } from './fingerprints.js'
import { peopleByIds } from './people.js'
import { iso, reviewsOf } from './review-records.js'
import type { ReviewDeps } from './review-commands.js'

interface PublicationRow {
  id: string
  at: number | string
  by_user: string
  url: string
  note: string | null
  claims: string
  fingerprints: string
}

/** An article's publications, oldest first: the first publish, then its corrections. */
export interface Publications {
  first: PublicationRow | undefined
  latest: PublicationRow | undefined
  corrections: PublicationRow[]
}

export async function publicationsOf(q: Queryable, articleId: string): Promise<Publications> {
  const rows = await q.query<PublicationRow>(
    'SELECT id, at, by_user, url, note, claims, fingerprints FROM article_publications WHERE article_id = $1 ORDER BY at, id',
    [articleId],
  )
  return { first: rows[0], latest: rows.at(-1), corrections: rows.slice(1) }
}

/** The publication fields of `GET .../review` and of the article list. */
export interface PublicationState {
  factCheckPublishedAt: string | null
  lastPublishedAt: string | null
  publishedUrl: string | null
}

export function publicationState(p: Publications): PublicationState {
  return {
    factCheckPublishedAt: p.first ? iso(p.first.at) : null,
    lastPublishedAt: p.latest ? iso(p.latest.at) : null,
    publishedUrl: p.latest?.url ?? null,
  }
}

/** An approved claim or the body text changed after the latest publish. */
export function changedSincePublish(latest: PublicationRow | undefined, now: Fingerprints): boolean {
  if (!latest) return false
  const published = JSON.parse(latest.fingerprints) as Fingerprints
  return published.body !== now.body || changedClaims(published, now).length > 0
}

/** The ids of the claims the server considers approved now. */
export async function approvedIds(q: Queryable, articleId: string): Promise<Set<string>> {
  return new Set((await reviewsOf(q, articleId)).filter((r) => r.state === 'approved').map((r) => r.claim_id))
}

/** The document's fingerprints over its approved claims, with every claim. */
export async function currentFingerprints(
  deps: Pick<ReviewDeps, 'db' | 'registry' | 'store'>,
  article: Article,
): Promise<{ fingerprints: Fingerprints; claims: Claim[]; approved: Set<string> }> {
  const approved = await approvedIds(deps.db, article.id)
  const read = await withDocument(deps.registry, deps.store, article.docId, (doc) =>
    fingerprintsOf(doc, (c) => approved.has(c.id)),
  )
  return { ...read, approved }
}

export class UnapprovedClaims extends DomainError {
  constructor(readonly unapproved: string[]) {
    super(
      'conflict',
      `${unapproved.length} claim${unapproved.length === 1 ? '' : 's'} with a verdict ${unapproved.length === 1 ? 'is' : 'are'} not approved`,
    )
  }
}

/**
 * `POST /api/articles/:id/publish`. Refused (409, with the claim ids) while any claim with a
 * verdict is not approved. The first publish needs the public `url`; a later one with changes is
 * a correction and needs a `note`; one with nothing changed records nothing. A recorded publish
 * makes a `publish` version of the document as published and a `published` activity item.
 */
export async function publishArticle(
  deps: Pick<ReviewDeps, 'db' | 'registry' | 'store'>,
  input: { article: Article; userId: string; url: string | undefined; note: string | undefined },
): Promise<PublicationState & { recorded: boolean }> {
  const { article } = input
  // Read before the transaction: loading a stored document needs the database too (SQLite has one writer).
  // One read for both: the version is the very document whose fingerprints were published.
  const approved = await approvedIds(deps.db, article.id)
  const { fingerprints, claims, state } = await withDocument(deps.registry, deps.store, article.docId, (doc) => ({
    ...fingerprintsOf(doc, (c) => approved.has(c.id)),
    state: Y.encodeStateAsUpdate(doc),
  }))
  const result = await record(deps, input, { fingerprints, claims, approved })
  if (result.recordedAt !== null)
    await articlePublished(deps, {
      article,
      actorId: input.userId,
      at: result.recordedAt,
      state,
      correction: result.correction,
      note: input.note,
    })
  const { recordedAt: _at, correction: _correction, ...answer } = result
  return answer
}

async function record(
  deps: Pick<ReviewDeps, 'db'>,
  input: { article: Article; userId: string; url: string | undefined; note: string | undefined },
  now: { fingerprints: Fingerprints; claims: Claim[]; approved: Set<string> },
): Promise<PublicationState & { recorded: boolean; recordedAt: number | null; correction: boolean }> {
  const { article } = input
  const { fingerprints, claims, approved } = now
  const unapproved = claims.filter((c) => c.verdict !== undefined && !approved.has(c.id)).map((c) => c.id)
  if (unapproved.length > 0) throw new UnapprovedClaims(unapproved)
  return deps.db.txLocked(`publish:${article.id}`, async (q) => {
    const before = await publicationsOf(q, article.id)
    const previous = before.latest ? (JSON.parse(before.latest.fingerprints) as Fingerprints) : undefined
    let touched: string[]
    if (!previous) {
      if (!input.url)
        throw new DomainError('invalid', 'url: the public address of the fact-check is required the first time')
      touched = Object.keys(fingerprints.claims).sort()
    } else {
      touched = changedClaims(previous, fingerprints)
      // A new public address is a change too: the correction says why it moved.
      const changed =
        touched.length > 0 ||
        previous.body !== fingerprints.body ||
        (input.url !== undefined && input.url !== before.latest!.url)
      if (!changed) return { ...publicationState(before), recorded: false, recordedAt: null, correction: false }
      if (changed && !input.note)
        throw new DomainError(
          'invalid',
          'note: publishing again after changes records a correction, which needs a note',
        )
    }
    const at = Math.max(Date.now(), before.latest ? Number(before.latest.at) + 1 : 0)
    await q.query(
      'INSERT INTO article_publications (id, article_id, at, by_user, url, note, claims, fingerprints) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        newId(),
        article.id,
        at,
        input.userId,
        input.url ?? before.latest!.url,
        input.note ?? null,
        JSON.stringify(touched),
        JSON.stringify(fingerprints),
      ],
    )
    return {
      ...publicationState(await publicationsOf(q, article.id)),
      recorded: true,
      recordedAt: at,
      correction: previous !== undefined,
    }
  })
}

/** `GET .../corrections`: every publish after the first, oldest first. */
export async function correctionsOf(q: Queryable, articleId: string): Promise<CorrectionItem[]> {
  const { corrections } = await publicationsOf(q, articleId)
  const people = await peopleByIds(
    q,
    corrections.map((c) => c.by_user),
  )
  return corrections.map((c) => ({
    at: iso(c.at),
    by: people.get(c.by_user) ?? { id: c.by_user, name: '' },
    note: c.note ?? '',
    claims: JSON.parse(c.claims) as string[],
  }))
}
