import { type Claim, getBodyText, readClaims } from '@fc/shared';
import { diffWordsWithSpace } from 'diff';
import type * as Y from 'yjs';

export interface TextOp {
  op: 'keep' | 'insert' | 'delete';
  text: string;
}

export const CLAIM_CHANGES = ['added', 'removed', 'verdict', 'rationale', 'evidence', 'status', 'comment'] as const;
export type ClaimChangeKind = (typeof CLAIM_CHANGES)[number];

export interface ClaimChange {
  claimId: string;
  quote: string;
  change: ClaimChangeKind;
  before?: string;
  after?: string;
}

/** What a side of a comparison holds: the article's plain text and its claims. */
export interface DocContent {
  text: string;
  claims: Claim[];
}

export function docContent(doc: Y.Doc): DocContent {
  return { text: getBodyText(doc), claims: readClaims(doc) };
}

/**
 * Past this many word-level edits the diff stops looking for a short script and shows the whole
 * text as replaced: a version of a rewritten article is still readable, and the request bounded.
 */
const MAX_EDITS = 20_000;

/** Word-granular: keep + delete texts give `from`, keep + insert give `to` (whitespace included). */
export function diffText(from: string, to: string): TextOp[] {
  if (from === to) return from === '' ? [] : [{ op: 'keep', text: from }];
  const parts = diffWordsWithSpace(from, to, { maxEditLength: MAX_EDITS });
  if (!parts) return [...(from ? [{ op: 'delete' as const, text: from }] : []), ...(to ? [{ op: 'insert' as const, text: to }] : [])];
  const ops: TextOp[] = [];
  for (const part of parts) {
    if (part.value === '') continue;
    const op = part.added ? 'insert' : part.removed ? 'delete' : 'keep';
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += part.value;
    else ops.push({ op, text: part.value });
  }
  return ops;
}

/** Claim by claim, in `to`'s order then the removed ones: what a reviewer reads, one line each. */
export function diffClaims(from: readonly Claim[], to: readonly Claim[]): ClaimChange[] {
  const before = new Map(from.map((c) => [c.id, c]));
  const after = new Map(to.map((c) => [c.id, c]));
  const changes: ClaimChange[] = [];
  for (const claim of to) {
    const old = before.get(claim.id);
    const line = (change: ClaimChangeKind, b?: string, a?: string): void => {
      const entry: ClaimChange = { claimId: claim.id, quote: claim.quote, change };
      if (b !== undefined) entry.before = b;
      if (a !== undefined) entry.after = a;
      changes.push(entry);
    };
    if (!old) {
      line('added', undefined, claim.quote);
      continue;
    }
    if (old.verdict !== claim.verdict) line('verdict', old.verdict, claim.verdict);
    if ((old.rationale ?? '') !== (claim.rationale ?? '')) line('rationale', old.rationale, claim.rationale);
    if (old.status !== claim.status) line('status', old.status, claim.status);
    const oldEvidence = new Map(old.evidence.map((e) => [e.id, e]));
    const newEvidence = new Set(claim.evidence.map((e) => e.id));
    for (const e of claim.evidence) if (!oldEvidence.has(e.id)) line('evidence', undefined, e.title || e.url);
    for (const e of old.evidence) if (!newEvidence.has(e.id)) line('evidence', e.title || e.url, undefined);
    const oldComments = new Set(old.comments.map((c) => c.id));
    for (const c of claim.comments) if (!oldComments.has(c.id)) line('comment', undefined, c.text);
  }
  for (const claim of from) {
    if (!after.has(claim.id)) changes.push({ claimId: claim.id, quote: claim.quote, change: 'removed', before: claim.quote });
  }
  return changes;
}
