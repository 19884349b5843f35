import { type Block, docUpdateFromBlocks } from '../articles/body.js'
import type { Queryable } from '../storage/db.js'
import type { DocStore } from '../storage/doc-store.js'
import { newId } from './ids.js'

/** How the body was given: the import path it took, or the seeded demo. */
export type ArticleFormat = 'text' | 'markdown' | 'html' | 'empty' | 'demo'

export interface Article {
  id: string
  docId: string
  title: string
  workspaceId: string
  sourceUrl: string | null
  format: ArticleFormat
  createdBy: string
  createdAt: string
}

interface ArticleRow {
  id: string
  doc_id: string
  title: string
  workspace_id: string
  source_url: string | null
  origin: ArticleFormat
  created_by: string
  created_at: number
}

const COLUMNS = 'id, doc_id, title, workspace_id, source_url, origin, created_by, created_at'

function fromRow(r: ArticleRow): Article {
  return {
    id: r.id,
    docId: r.doc_id,
    title: r.title,
    workspaceId: r.workspace_id,
    sourceUrl: r.source_url,
    format: r.origin,
    createdBy: r.created_by,
    createdAt: new Date(Number(r.created_at)).toISOString(),
  }
}

export interface NewArticle {
  workspaceId: string
  title: string
  sourceUrl?: string | undefined
  createdBy: string
  format: ArticleFormat
  /** The body as blocks, or an already-encoded document update (the demo copy, an import encoded on its worker). */
  blocks?: Block[]
  initialUpdate?: Uint8Array
}

/**
 * A new article gets a fresh random document id. Its initial content is
 * committed to the DocStore before the row exists, so any docId a client can
 * learn already has its body on disk. Not for use inside `db.tx`: the store's
 * flush needs the database too (on SQLite it would wait for the open transaction).
 */
export async function createArticle(q: Queryable, store: DocStore, input: NewArticle): Promise<Article> {
  const id = newId()
  const docId = newId()
  const update =
    input.initialUpdate ?? (input.blocks && input.blocks.length > 0 ? docUpdateFromBlocks(input.blocks) : undefined)
  if (update) {
    store.appendUpdate(docId, update)
    await store.flush()
  }
  const now = Date.now()
  await q.query(
    `INSERT INTO articles (id, workspace_id, doc_id, title, source_url, origin, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, input.workspaceId, docId, input.title, input.sourceUrl ?? null, input.format, input.createdBy, now],
  )
  return {
    id,
    docId,
    title: input.title,
    workspaceId: input.workspaceId,
    sourceUrl: input.sourceUrl ?? null,
    format: input.format,
    createdBy: input.createdBy,
    createdAt: new Date(now).toISOString(),
  }
}

export async function listArticles(q: Queryable, workspaceId: string): Promise<Article[]> {
  const rows = await q.query<ArticleRow>(
    `SELECT ${COLUMNS} FROM articles WHERE workspace_id = $1 ORDER BY created_at, id`,
    [workspaceId],
  )
  return rows.map(fromRow)
}

export async function getArticle(q: Queryable, id: string): Promise<Article | null> {
  const rows = await q.query<ArticleRow>(`SELECT ${COLUMNS} FROM articles WHERE id = $1`, [id])
  return rows[0] ? fromRow(rows[0]) : null
}

export async function getArticleByDocId(q: Queryable, docId: string): Promise<Article | null> {
  const rows = await q.query<ArticleRow>(`SELECT ${COLUMNS} FROM articles WHERE doc_id = $1`, [docId])
  return rows[0] ? fromRow(rows[0]) : null
}

/**
 * Which article a document is and whose workspace it belongs to, without the rest of the row:
 * the first socket of every document asks (socket gate, attribution), and dates are not needed there.
 */
export async function articleRefByDocId(
  q: Queryable,
  docId: string,
): Promise<{ id: string; workspaceId: string } | null> {
  const rows = await q.query<{ id: string; workspace_id: string }>(
    'SELECT id, workspace_id FROM articles WHERE doc_id = $1',
    [docId],
  )
  const row = rows[0]
  return row ? { id: row.id, workspaceId: row.workspace_id } : null
}

/** The caller's demo copy: the oldest demo article in the workspaces they belong to. */
export async function findDemoArticleFor(q: Queryable, userId: string): Promise<Article | null> {
  const rows = await q.query<ArticleRow>(
    `SELECT a.id, a.doc_id, a.title, a.workspace_id, a.source_url, a.origin, a.created_by, a.created_at
       FROM articles a JOIN memberships m ON m.workspace_id = a.workspace_id
      WHERE m.user_id = $1 AND a.origin = 'demo'
      ORDER BY m.created_at, a.created_at LIMIT 1`,
    [userId],
  )
  return rows[0] ? fromRow(rows[0]) : null
}
