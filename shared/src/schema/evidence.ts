import * as Y from 'yjs'
import { ClaimSchemaError } from './errors.js'
import { newId } from './ids.js'
import { evidenceProblems } from './evidence-kinds.js'
import {
  isAttachmentMime,
  isEvidenceKind,
  isStance,
  type Evidence,
  type EvidenceAttachment,
  type EvidenceKind,
} from './types.js'
import { childArray, claimYMap, indexOfEntry, requireText, setOrDelete } from './ymap-access.js'

export interface NewEvidence {
  /** `link` when omitted; each kind has its required fields (evidence-kinds.ts). */
  kind?: EvidenceKind
  /** Stored as given; exports refuse anything but http(s) links (see isSafeHttpUrl). Optional for documents and interviews. */
  url?: string
  title?: string
  interviewee?: string
  interviewedAt?: string
  quote?: string
  stance: Evidence['stance']
  addedBy: string
  sourceName?: string
  accessedAt?: string
  /** Files the server already stored (see EvidenceAttachment). */
  attachments?: readonly EvidenceAttachment[]
  /** ISO time; now when omitted. */
  addedAt?: string
  id?: string
}

export type EvidencePatch = Partial<
  Pick<
    Evidence,
    'kind' | 'url' | 'title' | 'quote' | 'stance' | 'sourceName' | 'accessedAt' | 'interviewee' | 'interviewedAt'
  >
>

/** Fields a patch may remove (set to undefined); the others are required by some kind and only ever replaced. */
const REMOVABLE: ReadonlySet<string> = new Set(['sourceName', 'accessedAt', 'interviewee', 'interviewedAt'])
const PATCHABLE = [
  'kind',
  'url',
  'title',
  'quote',
  'stance',
  'sourceName',
  'accessedAt',
  'interviewee',
  'interviewedAt',
] as const

function checkWhole(fields: Parameters<typeof evidenceProblems>[0]): void {
  if (!isEvidenceKind(fields.kind))
    throw new ClaimSchemaError(`unknown evidence kind ${String(fields.kind)}`, 'invalid')
  const problems = Object.entries(evidenceProblems(fields))
  if (problems.length > 0)
    throw new ClaimSchemaError(
      `evidence (${fields.kind}): ${problems.map(([field, message]) => `${field}: ${message}`).join(' ')}`,
      'invalid',
    )
}

/** Appends evidence to a claim and returns its id. */
export function addEvidence(doc: Y.Doc, claimId: string, input: NewEvidence): string {
  requireText(input.addedBy, 'addedBy')
  checkStance(input.stance)
  const kind = input.kind ?? 'link'
  const url = (input.url ?? '').trim()
  const title = input.title ?? ''
  checkWhole({
    kind,
    url,
    title,
    interviewee: input.interviewee,
    interviewedAt: input.interviewedAt,
    attachments: input.attachments,
  })
  const claim = claimYMap(doc, claimId)
  const id = input.id ?? newId()
  const entry = new Y.Map<unknown>()
  entry.set('id', id)
  entry.set('kind', kind)
  entry.set('url', url)
  entry.set('title', title)
  if (input.interviewee !== undefined) entry.set('interviewee', input.interviewee.trim())
  if (input.interviewedAt !== undefined) entry.set('interviewedAt', input.interviewedAt.trim())
  entry.set('quote', input.quote ?? '')
  entry.set('stance', input.stance)
  entry.set('addedBy', input.addedBy)
  entry.set('addedAt', input.addedAt ?? new Date().toISOString())
  if (input.sourceName !== undefined) entry.set('sourceName', input.sourceName)
  if (input.accessedAt !== undefined) entry.set('accessedAt', input.accessedAt)
  if (input.attachments !== undefined && input.attachments.length > 0) {
    entry.set('attachments', Y.Array.from(input.attachments.map(checkedAttachment)))
  }
  doc.transact(() => {
    const evidence = childArray(claim, 'evidence')
    evidence.push([entry])
  })
  return id
}

/** Changes the given fields; an explicit undefined removes an optional field. */
export function updateEvidence(doc: Y.Doc, claimId: string, evidenceId: string, patch: EvidencePatch): void {
  if (patch.stance !== undefined) checkStance(patch.stance)
  const entry = evidenceYMap(doc, claimId, evidenceId)
  const read = (key: string) => (typeof entry.get(key) === 'string' ? (entry.get(key) as string) : undefined)
  const after = (key: (typeof PATCHABLE)[number]) =>
    key in patch && (patch[key] !== undefined || REMOVABLE.has(key)) ? patch[key] : read(key)
  const attachments = entry.get('attachments')
  checkWhole({
    kind: (after('kind') ?? 'link') as EvidenceKind,
    url: after('url') ?? '',
    title: after('title') ?? '',
    interviewee: after('interviewee'),
    interviewedAt: after('interviewedAt'),
    attachments: attachments instanceof Y.Array ? (attachments.toArray() as EvidenceAttachment[]) : [],
  })
  doc.transact(() => {
    for (const key of PATCHABLE) {
      if (!(key in patch)) continue
      const value = patch[key]
      if (value === undefined && !REMOVABLE.has(key)) continue // required fields stay
      setOrDelete(
        entry,
        key,
        (key === 'url' || key === 'interviewee' || key === 'interviewedAt') && value !== undefined
          ? value.trim()
          : value,
      )
    }
  })
}

/** Returns whether the evidence was found and removed. */
export function removeEvidence(doc: Y.Doc, claimId: string, evidenceId: string): boolean {
  const evidence = childArray(claimYMap(doc, claimId), 'evidence')
  const index = indexOfEntry(evidence, evidenceId)
  if (index === -1) return false
  doc.transact(() => evidence.delete(index, 1))
  return true
}

/** Attaches a stored file to an evidence entry (a plain object in its `attachments` Y.Array). */
export function addEvidenceAttachment(
  doc: Y.Doc,
  claimId: string,
  evidenceId: string,
  attachment: EvidenceAttachment,
): void {
  const value = checkedAttachment(attachment)
  const entry = evidenceYMap(doc, claimId, evidenceId)
  doc.transact(() => attachmentsArray(entry).push([value]))
}

/**
 * Detaches a file from an evidence entry; returns whether it was there. The file itself
 * stays on the server (another entry, or an undo, may still point at it).
 */
export function removeEvidenceAttachment(
  doc: Y.Doc,
  claimId: string,
  evidenceId: string,
  attachmentId: string,
): boolean {
  const entry = evidenceYMap(doc, claimId, evidenceId)
  const list = entry.get('attachments')
  if (!(list instanceof Y.Array)) return false
  const index = list.toArray().findIndex((item) => isRecord(item) && item.id === attachmentId)
  if (index === -1) return false
  doc.transact(() => list.delete(index, 1))
  return true
}

function attachmentsArray(entry: Y.Map<unknown>): Y.Array<unknown> {
  const value = entry.get('attachments')
  if (value instanceof Y.Array) return value
  const fresh = new Y.Array<unknown>()
  entry.set('attachments', fresh)
  return fresh
}

/** A plain copy with exactly the schema's fields, so nothing else rides into the document. */
function checkedAttachment(input: EvidenceAttachment): EvidenceAttachment {
  requireText(input.id, 'attachment id')
  requireText(input.url, 'attachment url')
  if (typeof input.name !== 'string') throw new ClaimSchemaError('attachment name must be a string', 'invalid')
  if (!isAttachmentMime(input.mime))
    throw new ClaimSchemaError(`attachment type ${String(input.mime)} is not allowed`, 'invalid')
  if (!Number.isSafeInteger(input.size) || input.size < 0) {
    throw new ClaimSchemaError('attachment size must be a non-negative integer', 'invalid')
  }
  return { id: input.id, url: input.url, name: input.name, mime: input.mime, size: input.size }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function evidenceYMap(doc: Y.Doc, claimId: string, evidenceId: string): Y.Map<unknown> {
  const evidence = childArray(claimYMap(doc, claimId), 'evidence')
  const index = indexOfEntry(evidence, evidenceId)
  const entry = index === -1 ? undefined : evidence.get(index)
  if (!(entry instanceof Y.Map)) throw new ClaimSchemaError(`unknown evidence ${evidenceId}`, 'not-found')
  return entry
}

function checkStance(stance: unknown): void {
  if (!isStance(stance)) throw new ClaimSchemaError(`unknown stance ${String(stance)}`, 'invalid')
}
