import type { VerdictId } from './verdicts.js'

export const CLAIM_STATUSES = ['open', 'researching', 'needs-review', 'done'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const STANCES = ['supports', 'refutes', 'context'] as const
export type Stance = (typeof STANCES)[number]

/**
 * What kind of source an evidence entry is (docs/api.md, "Evidence kinds"): a web page, a
 * document (the file is the source), or an interview or call (a person at a time). An entry
 * written without `kind` is a link.
 */
export const EVIDENCE_KINDS = ['link', 'document', 'interview'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

/** Image and document types an evidence attachment may have (the server enforces the same list). */
export const ATTACHMENT_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number]

/**
 * A file stored by the server (`POST /api/articles/:id/attachments`) and referenced from an
 * evidence entry. Stored as a plain object inside the evidence's `attachments` Y.Array.
 */
export interface EvidenceAttachment {
  id: string
  /** Where the server serves it (`/api/attachments/:id`), members only. */
  url: string
  name: string
  mime: AttachmentMime
  /** Bytes. */
  size: number
}

/** Plain (non-Yjs) view of one evidence entry, as stored under a claim's `evidence`. */
export interface Evidence {
  id: string
  kind: EvidenceKind
  /** Required for a link; optional for a document or an interview ('' when absent). */
  url: string
  title: string
  /** The passage of the source that matters, as the checker copied it. */
  quote: string
  stance: Stance
  addedBy: string
  addedAt: string
  sourceName?: string
  accessedAt?: string
  /** Interviews and calls: who was asked. */
  interviewee?: string
  /** Interviews and calls: when (an ISO date, or date and time). */
  interviewedAt?: string
  /** Files attached to this evidence; absent when none was ever attached. */
  attachments?: EvidenceAttachment[]
}

export interface Comment {
  id: string
  author: string
  text: string
  at: string
  /** User ids mentioned in `text` (which carries them as `@Name`); absent when none. */
  mentions?: string[]
  /** The id of the comment answered; absent on a thread's first comment. */
  replyTo?: string
  /** On a thread's first comment: whether the thread is resolved, by whom and when (last set). */
  resolved?: boolean
  resolvedBy?: string
  resolvedAt?: string
}

/** Plain view of one claim. `start`/`end` are base64 of `Y.encodeRelativePosition`. */
export interface Claim {
  id: string
  start?: string
  end?: string
  quote: string
  prefix: string
  suffix: string
  status: ClaimStatus
  verdict?: VerdictId
  rationale?: string
  /** Who made the claim (a person or an organisation): ClaimReview's `itemReviewed.author`. */
  claimant?: string
  assignee?: string
  createdBy: string
  createdAt: string
  evidence: Evidence[]
  comments: Comment[]
}

const STATUS_SET: ReadonlySet<string> = new Set(CLAIM_STATUSES)
const STANCE_SET: ReadonlySet<string> = new Set(STANCES)

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === 'string' && STATUS_SET.has(value)
}

const ATTACHMENT_MIME_SET: ReadonlySet<string> = new Set(ATTACHMENT_MIMES)

export function isAttachmentMime(value: unknown): value is AttachmentMime {
  return typeof value === 'string' && ATTACHMENT_MIME_SET.has(value)
}

const EVIDENCE_KIND_SET: ReadonlySet<string> = new Set(EVIDENCE_KINDS)

export function isEvidenceKind(value: unknown): value is EvidenceKind {
  return typeof value === 'string' && EVIDENCE_KIND_SET.has(value)
}

export function isStance(value: unknown): value is Stance {
  return typeof value === 'string' && STANCE_SET.has(value)
}
