import { claimsMap } from '@fc/shared'
import * as Y from 'yjs'

/** The claim fields whose changes are reported (createdBy and anchors are not the claim's content). */
export const TRACKED_FIELDS = ['quote', 'status', 'verdict', 'rationale', 'assignee', 'claimant'] as const
export type TrackedField = (typeof TRACKED_FIELDS)[number]

/** Which authorship field each created kind carries (docs/api.md, "Document schema (Yjs)"). */
export const AUTHOR_FIELD = { claim: 'createdBy', evidence: 'addedBy', comment: 'author' } as const
export type ItemKind = keyof typeof AUTHOR_FIELD

interface FieldShot {
  value: string | undefined
  /** The clientID that wrote the value (the Y.Map entry's item). */
  client: number | undefined
}

interface EntryShot {
  map: Y.Map<unknown>
  creator: number | undefined
  fingerprint: string
  /** A comment's thread state (on a thread's first comment), and the clientID that wrote `resolved`. */
  resolve?: ResolveShot
}

/** `resolved`, `resolvedBy`, `resolvedAt` as stored (whatever a client wrote), and who wrote `resolved`. */
export interface ResolveShot {
  resolved: unknown
  resolvedBy: unknown
  resolvedAt: unknown
  client: number | undefined
}

interface ClaimShot {
  map: Y.Map<unknown>
  creator: number | undefined
  fields: Record<TrackedField, FieldShot>
  evidence: Map<string, EntryShot>
  comments: Map<string, EntryShot>
}

export type ClaimsSnapshot = ReadonlyMap<string, ClaimShot>

/** Before a room's first claim: one shared empty snapshot, not an empty Map per open document. */
export const NO_CLAIMS: ClaimsSnapshot = new Map()

/** One change of a claim, as found between two snapshots. `client`: whose struct made it, when Yjs says. */
export type RawClaimChange =
  | { kind: 'added' | 'removed'; claimId: string; client?: number; map?: Y.Map<unknown> }
  | { kind: 'field'; claimId: string; field: TrackedField; before?: string; after?: string; client?: number }
  | {
      kind: 'evidence-added' | 'evidence-removed' | 'evidence-changed'
      claimId: string
      evidenceId: string
      client?: number
      map?: Y.Map<unknown>
    }
  | {
      kind: 'comment-added' | 'comment-removed' | 'comment-changed'
      claimId: string
      commentId: string
      client?: number
      map?: Y.Map<unknown>
      /** On `comment-changed`: the thread's resolve state before and after, when `resolved` was written. */
      resolve?: { before: ResolveShot; after: ResolveShot }
    }

const creatorOf = (type: Y.Map<unknown>): number | undefined => type._item?.id.client

function fieldShot(map: Y.Map<unknown>, key: string): FieldShot {
  const value = map.get(key)
  return {
    value: typeof value === 'string' ? value : value === undefined ? undefined : JSON.stringify(value),
    client: map._map.get(key)?.id.client,
  }
}

function entries(map: Y.Map<unknown>, key: string): Map<string, EntryShot> {
  const out = new Map<string, EntryShot>()
  const list = map.get(key)
  if (!(list instanceof Y.Array)) return out
  for (const entry of list.toArray()) {
    if (!(entry instanceof Y.Map)) continue
    const id = entry.get('id')
    if (typeof id !== 'string' || out.has(id)) continue
    const shot: EntryShot = { map: entry, creator: creatorOf(entry), fingerprint: JSON.stringify(entry.toJSON()) }
    if (key === 'comments') shot.resolve = resolveShot(entry)
    out.set(id, shot)
  }
  return out
}

function resolveShot(map: Y.Map<unknown>): ResolveShot {
  return {
    resolved: map.get('resolved'),
    resolvedBy: map.get('resolvedBy'),
    resolvedAt: map.get('resolvedAt'),
    client: map._map.get('resolved')?.id.client,
  }
}

/** The claims as the diff needs them: values, and which client wrote each. */
export function snapshotClaims(doc: Y.Doc): ClaimsSnapshot {
  const shot = new Map<string, ClaimShot>()
  claimsMap(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return
    const fields = {} as Record<TrackedField, FieldShot>
    for (const field of TRACKED_FIELDS) fields[field] = fieldShot(value, field)
    shot.set(id, {
      map: value,
      creator: creatorOf(value),
      fields,
      evidence: entries(value, 'evidence'),
      comments: entries(value, 'comments'),
    })
  })
  return shot
}

/**
 * What changed between two snapshots. A claim replaced under the same id (a new Y.Map: undo,
 * restore, a concurrent re-creation) is compared field by field, not reported as removed and added.
 */
export function diffClaims(before: ClaimsSnapshot, after: ClaimsSnapshot): RawClaimChange[] {
  const changes: RawClaimChange[] = []
  for (const claimId of before.keys()) if (!after.has(claimId)) changes.push({ kind: 'removed', claimId })
  for (const [claimId, now] of after) {
    const old = before.get(claimId)
    if (!old) {
      changes.push({ kind: 'added', claimId, client: now.creator, map: now.map })
      for (const [evidenceId, e] of now.evidence)
        changes.push({ kind: 'evidence-added', claimId, evidenceId, client: e.creator, map: e.map })
      for (const [commentId, e] of now.comments)
        changes.push({ kind: 'comment-added', claimId, commentId, client: e.creator, map: e.map })
      continue
    }
    for (const field of TRACKED_FIELDS) {
      const a = old.fields[field]
      const b = now.fields[field]
      if (a.value === b.value) continue
      const change: RawClaimChange = { kind: 'field', claimId, field }
      if (a.value !== undefined) change.before = a.value
      if (b.value !== undefined) change.after = b.value
      // A removed key has no item of its own: who removed it is the sender's.
      if (b.value !== undefined && b.client !== undefined) change.client = b.client
      changes.push(change)
    }
    diffEntries(old.evidence, now.evidence, (kind, id, e) =>
      changes.push({ kind: `evidence-${kind}`, claimId, evidenceId: id, ...e }),
    )
    diffEntries(old.comments, now.comments, (kind, id, e) =>
      changes.push({ kind: `comment-${kind}`, claimId, commentId: id, ...e }),
    )
  }
  return changes
}

function diffEntries(
  before: Map<string, EntryShot>,
  after: Map<string, EntryShot>,
  emit: (
    kind: 'added' | 'removed' | 'changed',
    id: string,
    extra: { client?: number; map?: Y.Map<unknown>; resolve?: { before: ResolveShot; after: ResolveShot } },
  ) => void,
): void {
  for (const id of before.keys()) if (!after.has(id)) emit('removed', id, {})
  for (const [id, now] of after) {
    const old = before.get(id)
    if (!old) emit('added', id, now.creator === undefined ? { map: now.map } : { client: now.creator, map: now.map })
    else if (old.fingerprint !== now.fingerprint) {
      const a = old.resolve
      const b = now.resolve
      // `resolved` written again (a new item), even to the same value: someone resolved or reopened.
      const resolveWritten = a && b && b.client !== undefined && (a.client !== b.client || a.resolved !== b.resolved)
      emit(
        'changed',
        id,
        resolveWritten && old.map === now.map ? { map: now.map, resolve: { before: a, after: b } } : {},
      )
    }
  }
}
