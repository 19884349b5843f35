import { type Claim, getBodyText, readClaims } from '@fc/shared'
import { diffArrays, diffWordsWithSpace } from 'diff'
import type * as Y from 'yjs'

export interface TextOp {
  op: 'keep' | 'insert' | 'delete'
  text: string
}

export const CLAIM_CHANGES = ['added', 'removed', 'verdict', 'rationale', 'evidence', 'status', 'comment'] as const
export type ClaimChangeKind = (typeof CLAIM_CHANGES)[number]

export interface ClaimChange {
  claimId: string
  quote: string
  change: ClaimChangeKind
  before?: string
  after?: string
  by?: { id: string; name: string }
}

/** The activity kind that records each claim change (rationale goes with the verdict). */
const RECORDED_AS: Record<ClaimChangeKind, readonly string[]> = {
  added: ['claim-added'],
  removed: ['claim-removed'],
  verdict: ['verdict-set'],
  rationale: ['verdict-set'],
  status: ['status-changed'],
  evidence: ['evidence-added', 'evidence-removed'],
  comment: ['comment'],
}

/** Sets `by` on each change from the actors recorded between the two versions (activity.ts, actorsBetween). */
export function attribute(
  changes: ClaimChange[],
  actors: ReadonlyMap<string, { id: string; name: string }>,
): ClaimChange[] {
  for (const change of changes) {
    for (const kind of RECORDED_AS[change.change]) {
      const by = actors.get(`${change.claimId}\n${kind}`)
      if (by) change.by = by
    }
  }
  return changes
}

/** What a side of a comparison holds: the article's plain text and its claims. */
export interface DocContent {
  text: string
  claims: Claim[]
}

export function docContent(doc: Y.Doc): DocContent {
  return { text: getBodyText(doc), claims: readClaims(doc) }
}

/**
 * Past this many word-level edits within one changed run of paragraphs, that run is shown as
 * replaced whole: a rewritten passage is still readable, and the request bounded.
 */
const MAX_EDITS = 5_000

/**
 * Word-granular: keep + delete texts give `from`, keep + insert give `to` (whitespace included).
 * Paragraphs are compared first and words only inside the runs of paragraphs that differ: a word
 * diff of a whole long article costs seconds (Myers is O(N·D) in words), this costs milliseconds.
 */
export function diffText(from: string, to: string): TextOp[] {
  const ops: TextOp[] = []
  const push = (op: TextOp['op'], text: string): void => {
    if (text === '') return
    const last = ops[ops.length - 1]
    if (last && last.op === op) last.text += text
    else ops.push({ op, text })
  }
  let removed = ''
  let added = ''
  const flush = (): void => {
    if (removed !== '' || added !== '') wordDiff(removed, added, push)
    removed = ''
    added = ''
  }
  for (const part of diffArrays(paragraphs(from), paragraphs(to))) {
    const text = part.value.join('')
    if (part.removed) removed += text
    else if (part.added) added += text
    else {
      flush()
      push('keep', text)
    }
  }
  flush()
  return ops
}

function wordDiff(from: string, to: string, push: (op: TextOp['op'], text: string) => void): void {
  const parts = from === '' || to === '' ? undefined : diffWordsWithSpace(from, to, { maxEditLength: MAX_EDITS })
  if (!parts) {
    push('delete', from)
    push('insert', to)
    return
  }
  for (const part of parts) push(part.added ? 'insert' : part.removed ? 'delete' : 'keep', part.value)
}

/** Paragraphs with the line breaks after them, so that joined they are the text again. */
function paragraphs(text: string): string[] {
  return text.match(/[^\n]*\n*|[^\n]+$/g)?.filter((p) => p !== '') ?? []
}

/** Claim by claim, in `to`'s order then the removed ones: what a reviewer reads, one line each. */
export function diffClaims(from: readonly Claim[], to: readonly Claim[]): ClaimChange[] {
  const before = new Map(from.map((c) => [c.id, c]))
  const after = new Map(to.map((c) => [c.id, c]))
  const changes: ClaimChange[] = []
  for (const claim of to) {
    const old = before.get(claim.id)
    const line = (change: ClaimChangeKind, b?: string, a?: string): void => {
      const entry: ClaimChange = { claimId: claim.id, quote: claim.quote, change }
      if (b !== undefined) entry.before = b
      if (a !== undefined) entry.after = a
      changes.push(entry)
    }
    if (!old) {
      line('added', undefined, claim.quote)
      continue
    }
    if (old.verdict !== claim.verdict) line('verdict', old.verdict, claim.verdict)
    if ((old.rationale ?? '') !== (claim.rationale ?? '')) line('rationale', old.rationale, claim.rationale)
    if (old.status !== claim.status) line('status', old.status, claim.status)
    const oldEvidence = new Map(old.evidence.map((e) => [e.id, e]))
    const newEvidence = new Set(claim.evidence.map((e) => e.id))
    for (const e of claim.evidence) if (!oldEvidence.has(e.id)) line('evidence', undefined, e.title || e.url)
    for (const e of old.evidence) if (!newEvidence.has(e.id)) line('evidence', e.title || e.url, undefined)
    const oldComments = new Set(old.comments.map((c) => c.id))
    for (const c of claim.comments) if (!oldComments.has(c.id)) line('comment', undefined, c.text)
  }
  for (const claim of from) {
    if (!after.has(claim.id))
      changes.push({ claimId: claim.id, quote: claim.quote, change: 'removed', before: claim.quote })
  }
  return changes
}
