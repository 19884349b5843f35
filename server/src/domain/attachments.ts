import type { Queryable } from '../storage/db.js'
import { toBytes } from '../storage/db.js'
import { DomainError } from './errors.js'
import { newId } from './ids.js'

/** The only files evidence may carry: images a browser shows inertly, and PDFs. */
const SIGNATURES: Array<{ mime: string; matches: (b: Uint8Array) => boolean }> = [
  { mime: 'image/png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/gif', matches: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  { mime: 'image/webp', matches: (b) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && ascii(b, 8, 4) === 'WEBP' },
  { mime: 'application/pdf', matches: (b) => ascii(b, 0, 5) === '%PDF-' },
]
export const ALLOWED_ATTACHMENT_TYPES = SIGNATURES.map((s) => s.mime)

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((v, i) => bytes[i] === v)
}
function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length))
}

export interface AttachmentMeta {
  id: string
  articleId: string
  workspaceId: string
  name: string
  mime: string
  size: number
  createdBy: string
  createdAt: string
}

/**
 * The declared type must be allowed AND the bytes must be that type: a
 * renamed HTML file or SVG (script-capable) never gets served from our origin.
 */
export function checkAttachment(declaredType: string, bytes: Uint8Array, maxBytes: number): string {
  if (bytes.byteLength > maxBytes) throw new DomainError('too_large', `attachment larger than ${maxBytes} bytes`)
  const mime = declaredType.split(';')[0]!.trim().toLowerCase()
  const signature = SIGNATURES.find((s) => s.mime === mime)
  if (!signature)
    throw new DomainError('unsupported_media', `attachments must be one of ${ALLOWED_ATTACHMENT_TYPES.join(', ')}`)
  if (bytes.byteLength === 0 || !signature.matches(bytes))
    throw new DomainError('unsupported_media', `the file is not a valid ${mime}`)
  return mime
}

export function cleanFileName(raw: string | undefined): string {
  let name = 'attachment'
  try {
    name = decodeURIComponent(raw ?? '') || name
  } catch {
    // keep the default for a malformed encoding
  }
  return name.replace(/[\u0000-\u001f\u007f/\\"]/g, '_').slice(0, 200)
}

export async function insertAttachment(
  q: Queryable,
  input: { articleId: string; workspaceId: string; name: string; mime: string; data: Uint8Array; createdBy: string },
): Promise<AttachmentMeta> {
  const id = newId()
  const createdAt = Date.now()
  await q.query(
    `INSERT INTO attachments (id, article_id, workspace_id, name, mime, size, data, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      input.articleId,
      input.workspaceId,
      input.name,
      input.mime,
      input.data.byteLength,
      input.data,
      input.createdBy,
      createdAt,
    ],
  )
  return {
    id,
    articleId: input.articleId,
    workspaceId: input.workspaceId,
    name: input.name,
    mime: input.mime,
    size: input.data.byteLength,
    createdBy: input.createdBy,
    createdAt: new Date(createdAt).toISOString(),
  }
}

interface AttachmentRow {
  id: string
  article_id: string
  workspace_id: string
  name: string
  mime: string
  size: number
  created_by: string
  created_at: number
}

const META_COLUMNS = 'id, article_id, workspace_id, name, mime, size, created_by, created_at'

function metaFromRow(r: AttachmentRow): AttachmentMeta {
  return {
    id: r.id,
    articleId: r.article_id,
    workspaceId: r.workspace_id,
    name: r.name,
    mime: r.mime,
    size: Number(r.size),
    createdBy: r.created_by,
    createdAt: new Date(Number(r.created_at)).toISOString(),
  }
}

export async function getAttachment(q: Queryable, id: string): Promise<(AttachmentMeta & { data: Uint8Array }) | null> {
  const rows = await q.query<AttachmentRow & { data: unknown }>(
    `SELECT ${META_COLUMNS}, data FROM attachments WHERE id = $1`,
    [id],
  )
  const r = rows[0]
  return r ? { ...metaFromRow(r), data: toBytes(r.data) } : null
}

export async function listAttachments(q: Queryable, articleId: string): Promise<AttachmentMeta[]> {
  const rows = await q.query<AttachmentRow>(
    `SELECT ${META_COLUMNS} FROM attachments WHERE article_id = $1 ORDER BY created_at`,
    [articleId],
  )
  return rows.map(metaFromRow)
}
