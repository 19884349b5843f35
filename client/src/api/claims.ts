// Typed calls for the claims UI: the workspace's verdict scale, evidence attachments,
// similar claims ("seen before") and export downloads (docs/api.md), through api.ts's typed `client` and
// its one `call` (an upload's raw bytes by `request`); errors are the same ApiError.
// None of them treats a 401 as a lost session (`expectUnauthorized`): a workshop guest reads
// the scale too, and these calls never sent anyone to the login page.

import {
  ATTACHMENT_MIMES,
  DEFAULT_VERDICT_SCALE,
  isAttachmentMime,
  isVerdictId,
  type EvidenceAttachment,
  type VerdictId,
  type VerdictScale,
} from '@fc/shared/schema/index'
import { ApiError, type CallOptions, call, client, request } from './api'

const id = encodeURIComponent

/**
 * The workspace's verdict scale (`GET /api/workspaces/:id/verdicts`); the default scale
 * when the server has none to offer (404: an older server), so verdicts always work.
 * Entries with unknown ids are dropped: the ids are the contract.
 */
export function fetchVerdictScale(workspaceId: string): Promise<VerdictScale> {
  return scaleOf(call(client.api.workspaces[':id'].verdicts.$get({ param: { id: id(workspaceId) } }), quiet))
}

/**
 * The scale of a workshop's workspace (`GET /api/workshops/:id/verdicts`), which its
 * participants may read though they are no members: their copy shows the trainer's labels.
 */
export function fetchWorkshopVerdictScale(workshopId: string): Promise<VerdictScale> {
  return scaleOf(call(client.api.workshops[':id'].verdicts.$get({ param: { id: id(workshopId) } }), quiet))
}

const quiet: CallOptions = { expectUnauthorized: true }

async function scaleOf(answer: Promise<unknown>): Promise<VerdictScale> {
  try {
    const body = await answer
    if (!Array.isArray(body)) return DEFAULT_VERDICT_SCALE
    const scale = body.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return []
      const { id: verdictId, label, ratingValue } = entry as Record<string, unknown>
      if (!isVerdictId(verdictId) || typeof label !== 'string' || label.trim() === '') return []
      return [{ id: verdictId, label, ratingValue: typeof ratingValue === 'number' ? ratingValue : null }]
    })
    return scale.length > 0 ? scale : DEFAULT_VERDICT_SCALE
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return DEFAULT_VERDICT_SCALE
    throw error
  }
}

/** A claim of another article in the workspace much like the one asked about. */
export interface SimilarClaim {
  articleId: string
  articleTitle: string
  claimId: string
  quote: string
  verdict?: VerdictId
  /** Cosine similarity, 0..1. */
  score: number
}

/**
 * The claims of the workspace's other articles most like this claim's quote, best first
 * (`GET /api/articles/:id/claims/:claimId/similar`). Entries the client cannot show (no
 * ids, unknown verdict ids dropped to none) are left out rather than failing the list.
 */
export async function fetchSimilarClaims(articleId: string, claimId: string): Promise<SimilarClaim[]> {
  const body: unknown = await call(
    client.api.articles[':id'].claims[':claimId'].similar.$get({ param: { id: id(articleId), claimId: id(claimId) } }),
    quiet,
  )
  if (!Array.isArray(body)) return []
  return body.flatMap((entry: unknown): SimilarClaim[] => {
    if (typeof entry !== 'object' || entry === null) return []
    const {
      articleId: otherArticle,
      articleTitle,
      claimId: otherClaim,
      quote,
      verdict,
      score,
    } = entry as Record<string, unknown>
    if (typeof otherArticle !== 'string' || typeof otherClaim !== 'string' || typeof quote !== 'string') return []
    return [
      {
        articleId: otherArticle,
        articleTitle: typeof articleTitle === 'string' ? articleTitle : '',
        claimId: otherClaim,
        quote,
        ...(isVerdictId(verdict) ? { verdict } : {}),
        score: typeof score === 'number' ? score : 0,
      },
    ]
  })
}

export const ACCEPTED_ATTACHMENT_TYPES = ATTACHMENT_MIMES.join(',')

/**
 * Uploads one evidence file (`POST /api/articles/:id/attachments`, the raw bytes).
 * 413: too large; 415: not an allowed type (or the bytes are not what the type says).
 */
export async function uploadAttachment(articleId: string, file: File): Promise<EvidenceAttachment> {
  if (!isAttachmentMime(file.type)) {
    throw new ApiError('Only images (PNG, JPEG, GIF, WebP) and PDF files can be attached.', 415)
  }
  const body = await request<unknown>(`/api/articles/${id(articleId)}/attachments`, {
    method: 'POST',
    upload: { body: file, headers: { 'Content-Type': file.type, 'X-Filename': encodeURIComponent(file.name) } },
    expectUnauthorized: true,
  })
  const value = body as Partial<EvidenceAttachment> | null
  if (value === null || typeof value.id !== 'string' || !isAttachmentMime(value.mime)) {
    throw new ApiError('The server answered the upload with something unexpected.', 502)
  }
  return {
    id: value.id,
    url: typeof value.url === 'string' ? value.url : attachmentUrl(value.id),
    name: typeof value.name === 'string' ? value.name : file.name,
    mime: value.mime,
    size: typeof value.size === 'number' ? value.size : file.size,
  }
}

/** Where a stored file is served. Derived from the id, never from a URL someone wrote into the document. */
export function attachmentUrl(attachmentId: string): string {
  return `/api/attachments/${id(attachmentId)}`
}

/** A human sentence for an upload failure, shown under the file picker. */
export function describeUploadError(error: unknown, fileName: string): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return `“${fileName}” is too large to attach. ${capitalized(error.message)}`
    if (error.status === 415) return `“${fileName}” cannot be attached: ${error.message.replace(/\.$/, '')}.`
    if (error.status === 0) return error.message
    return `“${fileName}” could not be attached: ${error.message}`
  }
  return `“${fileName}” could not be attached.`
}

function capitalized(message: string): string {
  const m = message.trim()
  if (m === '') return ''
  const s = m[0]!.toUpperCase() + m.slice(1)
  return /[.!?]$/.test(s) ? s : `${s}.`
}

export type ExportKind = 'claimreview' | 'report' | 'annotations'

export const EXPORTS: ReadonlyArray<{ kind: ExportKind; label: string; detail: string }> = [
  {
    kind: 'claimreview',
    label: 'ClaimReview (JSON-LD)',
    detail: 'schema.org ClaimReview for the approved claims, once published',
  },
  { kind: 'report', label: 'Report (Markdown)', detail: 'Every claim with its verdict, rationale and evidence' },
  { kind: 'annotations', label: 'Web Annotations', detail: 'W3C annotations for Hypothesis- and Recogito-style tools' },
]

/** A download link (the server answers `?download` with Content-Disposition: attachment). */
export function exportUrl(articleId: string, kind: ExportKind): string {
  const path = kind === 'report' ? 'report.md' : kind
  return `/api/articles/${id(articleId)}/${path}?download`
}

/** The ClaimReview the article would publish now (its approved claims, undated): editors and owners. */
export function claimReviewPreviewUrl(articleId: string): string {
  return `/api/articles/${id(articleId)}/claimreview?preview=1`
}
