import * as Y from 'yjs'
import { claimsMap } from './doc-keys.js'
import {
  isAttachmentMime,
  isClaimStatus,
  isEvidenceKind,
  isStance,
  type Claim,
  type Comment,
  type Evidence,
  type EvidenceAttachment,
} from './types.js'
import { isVerdictId } from './verdicts.js'

/*
 * Readers turn the shared Y.Maps into plain objects. Any client with write access can put
 * anything into the document, so every field is checked: wrong types become absent or a
 * safe default instead of throwing in a renderer or an export.
 */

export function readClaim(doc: Y.Doc, id: string): Claim | undefined {
  const value = claimsMap(doc).get(id)
  return value instanceof Y.Map ? claimFromYMap(id, value) : undefined
}

/** All claims, oldest first (ties by id), so every reader sees the same order. */
export function readClaims(doc: Y.Doc): Claim[] {
  const claims: Claim[] = []
  claimsMap(doc).forEach((value, id) => {
    if (value instanceof Y.Map) claims.push(claimFromYMap(id, value))
  })
  return claims.sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id))
}

/** Only what anchoring a claim reads: cheaper than claimFromYMap, which reads evidence and comments too. */
export function anchorableFromYMap(map: Y.Map<unknown>): Pick<Claim, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'> {
  const anchorable: Pick<Claim, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'> = {
    quote: str(map, 'quote') ?? '',
    prefix: str(map, 'prefix') ?? '',
    suffix: str(map, 'suffix') ?? '',
  }
  const start = str(map, 'start')
  const end = str(map, 'end')
  if (start !== undefined) anchorable.start = start
  if (end !== undefined) anchorable.end = end
  return anchorable
}

/** The map key is the identity; a differing `id` field inside is ignored. */
export function claimFromYMap(id: string, map: Y.Map<unknown>): Claim {
  const claim: Claim = {
    id,
    quote: str(map, 'quote') ?? '',
    prefix: str(map, 'prefix') ?? '',
    suffix: str(map, 'suffix') ?? '',
    status: isClaimStatus(map.get('status')) ? (map.get('status') as Claim['status']) : 'open',
    createdBy: str(map, 'createdBy') ?? '',
    createdAt: str(map, 'createdAt') ?? '',
    evidence: mapsIn(map.get('evidence')).flatMap((m) => evidenceFromYMap(m) ?? []),
    comments: mapsIn(map.get('comments')).flatMap((m) => commentFromYMap(m) ?? []),
  }
  const start = str(map, 'start')
  const end = str(map, 'end')
  if (start !== undefined) claim.start = start
  if (end !== undefined) claim.end = end
  const verdict = map.get('verdict')
  if (isVerdictId(verdict)) claim.verdict = verdict
  const rationale = str(map, 'rationale')
  if (rationale !== undefined) claim.rationale = rationale
  const claimant = str(map, 'claimant')
  if (claimant !== undefined && claimant.trim() !== '') claim.claimant = claimant
  const assignee = str(map, 'assignee')
  if (assignee !== undefined) claim.assignee = assignee
  return claim
}

function evidenceFromYMap(map: Y.Map<unknown>): Evidence | undefined {
  const id = str(map, 'id')
  if (id === undefined) return undefined // unaddressable: could never be updated or removed
  const stance = map.get('stance')
  const kind = map.get('kind')
  const evidence: Evidence = {
    id,
    kind: isEvidenceKind(kind) ? kind : 'link',
    url: str(map, 'url') ?? '',
    title: str(map, 'title') ?? '',
    quote: str(map, 'quote') ?? '',
    stance: isStance(stance) ? stance : 'context',
    addedBy: str(map, 'addedBy') ?? '',
    addedAt: str(map, 'addedAt') ?? '',
  }
  const sourceName = str(map, 'sourceName')
  if (sourceName !== undefined) evidence.sourceName = sourceName
  const accessedAt = str(map, 'accessedAt')
  if (accessedAt !== undefined) evidence.accessedAt = accessedAt
  const interviewee = str(map, 'interviewee')
  if (interviewee !== undefined) evidence.interviewee = interviewee
  const interviewedAt = str(map, 'interviewedAt')
  if (interviewedAt !== undefined) evidence.interviewedAt = interviewedAt
  const attachments = map.get('attachments')
  if (attachments instanceof Y.Array)
    evidence.attachments = attachments.toArray().flatMap((a) => attachmentFrom(a) ?? [])
  return evidence
}

/** Only well-formed entries: a renderer must be able to trust id, name, type and size. */
function attachmentFrom(value: unknown): EvidenceAttachment | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const { id, url, name, mime, size } = value as Record<string, unknown>
  if (typeof id !== 'string' || id === '' || typeof url !== 'string' || !isAttachmentMime(mime)) return undefined
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return undefined
  return { id, url, name: typeof name === 'string' ? name : '', mime, size }
}

function commentFromYMap(map: Y.Map<unknown>): Comment | undefined {
  const id = str(map, 'id')
  if (id === undefined) return undefined
  const comment: Comment = {
    id,
    author: str(map, 'author') ?? '',
    text: str(map, 'text') ?? '',
    at: str(map, 'at') ?? '',
  }
  const mentions = map.get('mentions')
  if (Array.isArray(mentions)) {
    comment.mentions = [...new Set(mentions.filter((m): m is string => typeof m === 'string' && m !== ''))]
  }
  const replyTo = str(map, 'replyTo')
  if (replyTo !== undefined && replyTo !== '') comment.replyTo = replyTo
  // A client may write anything: only a boolean `resolved` counts, with the who and when beside it.
  const resolved = map.get('resolved')
  if (typeof resolved === 'boolean') {
    comment.resolved = resolved
    const by = str(map, 'resolvedBy')
    const at = str(map, 'resolvedAt')
    if (by !== undefined) comment.resolvedBy = by
    if (at !== undefined) comment.resolvedAt = at
  }
  return comment
}

function mapsIn(value: unknown): Y.Map<unknown>[] {
  if (!(value instanceof Y.Array)) return []
  return value.toArray().filter((item): item is Y.Map<unknown> => item instanceof Y.Map)
}

function str(map: Y.Map<unknown>, key: string): string | undefined {
  const value = map.get(key)
  return typeof value === 'string' ? value : undefined
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
