import type { AnchorResult } from '../schema/anchor.js'
import type { ReviewState } from '../protocol/events.js'
import { commentThreads, type CommentThread } from '../schema/threads.js'
import type { Claim, ClaimStatus, Comment, Evidence, Stance } from '../schema/types.js'
import { verdictLabel, type VerdictScale } from '../schema/verdicts.js'
import type { ArticleMeta } from './article.js'
import { autolink, blockquote, codeSpan, escapeInline } from './markdown.js'
import { attachmentLines } from './report-attachments.js'
import { isSafeHttpUrl } from './safe-url.js'

export interface ReportOptions {
  /** Where each claim sits now (from anchorClaims); orders claims by position, flags detached ones. */
  anchors?: ReadonlyMap<string, AnchorResult>
  /** Stamped into the header; omitted when absent so a report can be reproduced exactly. */
  generatedAt?: string
  /**
   * Absolute URL the server serves attachments under (`<origin>/api/attachments`): each
   * evidence file links to `<base>/<id>`. Without it files are listed by name, unlinked.
   */
  attachmentBaseUrl?: string
  /** User id → name: people are named in the report, never shown by id. Unknown values are shown as written. */
  people?: ReadonlyMap<string, string>
  /**
   * The server's review record. With it, every claim that is not approved is marked a draft,
   * each claim lists who decided what, and the corrections are listed.
   */
  review?: ReportReview
}

export interface ReportReview {
  states: ReadonlyMap<string, ReviewState>
  /** Oldest first; `by` is a name. */
  decisions: ReadonlyArray<{
    claimId: string
    decision: 'approve' | 'request-changes'
    note: string | null
    by: string
    at: string
  }>
  /** Every publish after the first, oldest first; `by` is a name. */
  corrections: ReadonlyArray<{ at: string; by: string; note: string; claims: readonly string[] }>
  factCheckPublishedAt: string | null
  publishedUrl: string | null
}

const STATUS_LABELS: Record<ClaimStatus, string> = {
  open: 'Open',
  researching: 'Researching',
  'needs-review': 'Needs review',
  done: 'Done',
}

const STANCE_LABELS: Record<Stance, string> = {
  supports: 'supports the claim',
  refutes: 'refutes the claim',
  context: 'context',
}

/** Longest refused URL echoed back, so a hostile payload cannot flood the report. */
const REFUSED_URL_SHOWN = 120

/**
 * A readable Markdown fact-check report with every claim, reviewed or not, attached or not.
 * All user text is escaped; only http(s) evidence URLs and attachment downloads become links.
 */
export function buildReportMarkdown(
  article: ArticleMeta,
  claims: readonly Claim[],
  scale: VerdictScale,
  opts: ReportOptions = {},
): string {
  const ordered = orderClaims(claims, opts.anchors)
  const withVerdict = claims.filter((c) => c.verdict !== undefined).length
  const detached = claims.filter((c) => opts.anchors?.get(c.id)?.status === 'detached').length

  const out: string[] = [`# Fact-check report: ${escapeInline(article.title) || 'Untitled article'}`, '']
  if (isSafeHttpUrl(article.url)) out.push(`- Article: ${autolink(article.url)}`)
  if (isSafeHttpUrl(article.sourceUrl)) out.push(`- Originally published at: ${autolink(article.sourceUrl as string)}`)
  let summary = `- Claims: ${claims.length} (${withVerdict} with a verdict`
  if (opts.anchors !== undefined) summary += `, ${detached} detached`
  out.push(`${summary})`)
  if (opts.generatedAt !== undefined) out.push(`- Generated: ${escapeInline(opts.generatedAt)}`)
  if (opts.review) out.push(publishedLine(opts.review))

  if (ordered.length === 0) out.push('', 'No claims have been marked in this article yet.')
  const name = (value: string) => opts.people?.get(value) ?? value
  ordered.forEach((claim, i) => {
    out.push('', ...claimSection(claim, i + 1, scale, opts, name))
  })
  if (opts.review && opts.review.corrections.length > 0) out.push('', ...correctionsSection(opts.review, ordered))
  return `${out.join('\n')}\n`
}

function publishedLine(review: ReportReview): string {
  if (!review.factCheckPublishedAt)
    return '- Published: not yet (every claim is a draft until the article is published)'
  const where = isSafeHttpUrl(review.publishedUrl) ? ` at ${autolink(review.publishedUrl as string)}` : ''
  return `- Published: ${escapeInline(review.factCheckPublishedAt)}${where}`
}

const REVIEW_LABELS: Record<ReviewState, string> = {
  unreviewed: 'Draft, not reviewed yet',
  'in-review': 'Draft, in review',
  'changes-requested': 'Draft, changes requested',
  approved: 'Approved',
}

const DECISION_LABELS = { approve: 'Approved', 'request-changes': 'Changes requested' } as const

function reviewLines(claim: Claim, review: ReportReview): string[] {
  const decisions = review.decisions.filter((d) => d.claimId === claim.id)
  const lines = [`- Review: ${REVIEW_LABELS[review.states.get(claim.id) ?? 'unreviewed']}`]
  if (decisions.length === 0) return lines
  lines.push('', '### Decisions', '')
  for (const d of decisions) {
    const note = d.note?.trim() ? `: ${escapeInline(d.note)}` : ''
    lines.push(`- ${DECISION_LABELS[d.decision]} by ${escapeInline(d.by) || 'someone'}, ${escapeInline(d.at)}${note}`)
  }
  return lines
}

function correctionsSection(review: ReportReview, ordered: readonly Claim[]): string[] {
  const numberOf = new Map(ordered.map((c, i) => [c.id, i + 1]))
  const lines = [`## Corrections (${review.corrections.length})`, '']
  review.corrections.forEach((c, i) => {
    const claims = c.claims.map((id) => (numberOf.has(id) ? `claim ${numberOf.get(id)}` : `a claim since removed`))
    const which = claims.length > 0 ? ` (${claims.join(', ')})` : ' (the article text)'
    lines.push(
      `${i + 1}. ${escapeInline(c.at)}, by ${escapeInline(c.by) || 'someone'}${which}: ${escapeInline(c.note)}`,
    )
  })
  return lines
}

function claimSection(
  claim: Claim,
  number: number,
  scale: VerdictScale,
  opts: ReportOptions,
  name: (value: string) => string,
): string[] {
  const anchor = opts.anchors?.get(claim.id)
  const verdict = claim.verdict === undefined ? 'No verdict yet' : verdictLabel(scale, claim.verdict)
  const draft = opts.review && opts.review.states.get(claim.id) !== 'approved' ? ' (draft)' : ''
  const lines = [`## Claim ${number}: ${escapeInline(verdict)}${draft}`, '']
  lines.push(claim.quote.trim() ? blockquote(claim.quote) : '*(no quoted text)*', '')
  lines.push(`- Status: ${STATUS_LABELS[claim.status]}`)
  lines.push(`- Verdict: ${escapeInline(verdict)}`)
  if (anchor?.status === 'detached') lines.push('- Position: detached (the quoted text is no longer in the article)')
  if (claim.claimant) lines.push(`- Claimant: ${escapeInline(claim.claimant)}`)
  if (opts.people && claim.createdBy) lines.push(`- Marked by: ${escapeInline(name(claim.createdBy))}`)
  if (claim.assignee) lines.push(`- Assignee: ${escapeInline(name(claim.assignee))}`)
  const threads = commentThreads(claim.comments)
  const resolved = threads.filter((t) => t.resolved).length
  lines.push(
    `- Comments: ${claim.comments.length}${resolved > 0 ? ` (${resolved} of ${threads.length} threads resolved)` : ''}`,
  )
  if (opts.review) lines.push(...reviewLines(claim, opts.review))

  lines.push('', '### Rationale', '')
  lines.push(claim.rationale?.trim() ? blockquote(claim.rationale) : '*No rationale yet.*')

  lines.push('', `### Evidence (${claim.evidence.length})`, '')
  if (claim.evidence.length === 0) lines.push('*No evidence yet.*')
  claim.evidence.forEach((evidence, i) => {
    lines.push(...evidenceItem(evidence, i + 1, opts.attachmentBaseUrl, opts.people ? name : undefined))
  })
  if (claim.comments.length > 0) {
    lines.push('', `### Comments (${claim.comments.length})`, '')
    threads.forEach((thread, i) => {
      lines.push(...threadItem(thread, i + 1, name))
    })
  }
  return lines
}

/** A thread: its first comment numbered, whether it is resolved (by whom, when), its replies nested under it. */
function threadItem(thread: CommentThread, number: number, name: (value: string) => string): string[] {
  const marker = `${number}. `
  const indent = ' '.repeat(marker.length)
  const lines = commentLines(thread.root, marker, indent, '', name)
  if (thread.resolved) {
    const by = thread.root.resolvedBy ? ` by ${escapeInline(name(thread.root.resolvedBy))}` : ''
    const at = thread.root.resolvedAt ? `, ${escapeInline(thread.root.resolvedAt)}` : ''
    lines.push('', `${indent}*Resolved${by}${at}.*`)
  }
  for (const reply of thread.replies) {
    lines.push('', ...commentLines(reply, `${indent}- `, `${indent}  `, 'Reply from ', name))
  }
  return lines
}

function commentLines(
  comment: Comment,
  marker: string,
  indent: string,
  lead: string,
  name: (value: string) => string,
): string[] {
  const at = comment.at ? `, ${escapeInline(comment.at)}` : ''
  const lines = [`${marker}${lead}**${escapeInline(name(comment.author)) || 'Someone'}**${at}:`]
  if (comment.text.trim()) lines.push('', blockquote(comment.text, indent))
  return lines
}

function evidenceItem(
  evidence: Evidence,
  number: number,
  attachmentBaseUrl: string | undefined,
  name?: (value: string) => string,
): string[] {
  const marker = `${number}. `
  const indent = ' '.repeat(marker.length)
  const source = evidence.sourceName?.trim() ? ` (${escapeInline(evidence.sourceName)})` : ''
  const lines = [`${marker}${evidenceHeading(evidence)}${source}: ${STANCE_LABELS[evidence.stance]}`]
  if (evidence.quote.trim()) lines.push('', blockquote(evidence.quote, indent), '')
  if (isSafeHttpUrl(evidence.url)) {
    lines.push(`${indent}Link: ${autolink(evidence.url)}`)
  } else if (evidence.url.trim()) {
    const shown =
      evidence.url.length > REFUSED_URL_SHOWN ? `${evidence.url.slice(0, REFUSED_URL_SHOWN)}…` : evidence.url
    lines.push(`${indent}Link refused (not a plain http or https URL): ${codeSpan(shown)}`)
  } else if (evidence.kind === 'link') {
    lines.push(`${indent}No link given.`)
  }
  lines.push(...attachmentLines(evidence.attachments ?? [], indent, attachmentBaseUrl))
  if (name && evidence.addedBy) lines.push(`${indent}Added by ${escapeInline(name(evidence.addedBy))}`)
  return lines
}

/** "**Title**", "**Title** (document)", or "**Interview with X**, 30 Nov 2026 (title)": what the source is, in words. */
function evidenceHeading(evidence: Evidence): string {
  const title = escapeInline(evidence.title)
  switch (evidence.kind) {
    case 'interview': {
      const who = escapeInline(evidence.interviewee ?? '') || 'someone unnamed'
      const when = evidence.interviewedAt ? `, ${escapeInline(evidence.interviewedAt.replace('T', ' '))}` : ''
      return `**Interview or call with ${who}**${when}${title ? ` (${title})` : ''}`
    }
    case 'document':
      return `**${title || 'Untitled document'}** (document)`
    default:
      return `**${title || 'Untitled source'}**`
  }
}

/** Document order when positions are known, detached claims last; otherwise as given. */
function orderClaims(claims: readonly Claim[], anchors: ReadonlyMap<string, AnchorResult> | undefined): Claim[] {
  if (anchors === undefined) return [...claims]
  const position = (claim: Claim): number => {
    const anchor = anchors.get(claim.id)
    return anchor === undefined || anchor.status === 'detached' ? Infinity : anchor.from
  }
  // Array.prototype.sort is stable, so claims at equal positions keep their given order.
  return [...claims].sort((a, b) => {
    const pa = position(a)
    const pb = position(b)
    return pa === pb ? 0 : pa < pb ? -1 : 1
  })
}
