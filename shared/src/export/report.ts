import type { AnchorResult } from '../schema/anchor.js';
import type { Claim, ClaimStatus, Evidence, Stance } from '../schema/types.js';
import { verdictLabel, type VerdictScale } from '../schema/verdicts.js';
import type { ArticleMeta } from './article.js';
import { autolink, blockquote, codeSpan, escapeInline } from './markdown.js';
import { attachmentLines } from './report-attachments.js';
import { isSafeHttpUrl } from './safe-url.js';

export interface ReportOptions {
  /** Where each claim sits now (from anchorClaims); orders claims by position, flags detached ones. */
  anchors?: ReadonlyMap<string, AnchorResult>;
  /** Stamped into the header; omitted when absent so a report can be reproduced exactly. */
  generatedAt?: string;
  /**
   * Absolute URL the server serves attachments under (`<origin>/api/attachments`): each
   * evidence file links to `<base>/<id>`. Without it files are listed by name, unlinked.
   */
  attachmentBaseUrl?: string;
}

const STATUS_LABELS: Record<ClaimStatus, string> = {
  open: 'Open',
  researching: 'Researching',
  'needs-review': 'Needs review',
  done: 'Done',
};

const STANCE_LABELS: Record<Stance, string> = {
  supports: 'supports the claim',
  refutes: 'refutes the claim',
  context: 'context',
};

/** Longest refused URL echoed back, so a hostile payload cannot flood the report. */
const REFUSED_URL_SHOWN = 120;

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
  const ordered = orderClaims(claims, opts.anchors);
  const withVerdict = claims.filter((c) => c.verdict !== undefined).length;
  const detached = claims.filter((c) => opts.anchors?.get(c.id)?.status === 'detached').length;

  const out: string[] = [`# Fact-check report: ${escapeInline(article.title) || 'Untitled article'}`, ''];
  if (isSafeHttpUrl(article.url)) out.push(`- Article: ${autolink(article.url)}`);
  if (isSafeHttpUrl(article.sourceUrl)) out.push(`- Originally published at: ${autolink(article.sourceUrl as string)}`);
  let summary = `- Claims: ${claims.length} (${withVerdict} with a verdict`;
  if (opts.anchors !== undefined) summary += `, ${detached} detached`;
  out.push(`${summary})`);
  if (opts.generatedAt !== undefined) out.push(`- Generated: ${escapeInline(opts.generatedAt)}`);

  if (ordered.length === 0) out.push('', 'No claims have been marked in this article yet.');
  ordered.forEach((claim, i) => out.push('', ...claimSection(claim, i + 1, scale, opts.anchors?.get(claim.id), opts.attachmentBaseUrl)));
  return `${out.join('\n')}\n`;
}

function claimSection(
  claim: Claim,
  number: number,
  scale: VerdictScale,
  anchor: AnchorResult | undefined,
  attachmentBaseUrl: string | undefined,
): string[] {
  const verdict = claim.verdict === undefined ? 'No verdict yet' : verdictLabel(scale, claim.verdict);
  const lines = [`## Claim ${number}: ${escapeInline(verdict)}`, ''];
  lines.push(claim.quote.trim() ? blockquote(claim.quote) : '*(no quoted text)*', '');
  lines.push(`- Status: ${STATUS_LABELS[claim.status]}`);
  lines.push(`- Verdict: ${escapeInline(verdict)}`);
  if (anchor?.status === 'detached') lines.push('- Position: detached (the quoted text is no longer in the article)');
  if (claim.assignee) lines.push(`- Assignee: ${escapeInline(claim.assignee)}`);
  lines.push(`- Comments: ${claim.comments.length}`);

  lines.push('', '### Rationale', '');
  lines.push(claim.rationale?.trim() ? blockquote(claim.rationale) : '*No rationale yet.*');

  lines.push('', `### Evidence (${claim.evidence.length})`, '');
  if (claim.evidence.length === 0) lines.push('*No evidence yet.*');
  claim.evidence.forEach((evidence, i) => lines.push(...evidenceItem(evidence, i + 1, attachmentBaseUrl)));
  return lines;
}

function evidenceItem(evidence: Evidence, number: number, attachmentBaseUrl: string | undefined): string[] {
  const marker = `${number}. `;
  const indent = ' '.repeat(marker.length);
  const source = evidence.sourceName?.trim() ? ` (${escapeInline(evidence.sourceName)})` : '';
  const lines = [`${marker}${evidenceHeading(evidence)}${source}: ${STANCE_LABELS[evidence.stance]}`];
  if (evidence.quote.trim()) lines.push('', blockquote(evidence.quote, indent), '');
  if (isSafeHttpUrl(evidence.url)) {
    lines.push(`${indent}Link: ${autolink(evidence.url)}`);
  } else if (evidence.url.trim()) {
    const shown = evidence.url.length > REFUSED_URL_SHOWN ? `${evidence.url.slice(0, REFUSED_URL_SHOWN)}…` : evidence.url;
    lines.push(`${indent}Link refused (not a plain http or https URL): ${codeSpan(shown)}`);
  } else if (evidence.kind === 'link') {
    lines.push(`${indent}No link given.`);
  }
  lines.push(...attachmentLines(evidence.attachments ?? [], indent, attachmentBaseUrl));
  return lines;
}

/** "**Title**", "**Title** (document)", or "**Interview with X**, 30 Nov 2026 (title)": what the source is, in words. */
function evidenceHeading(evidence: Evidence): string {
  const title = escapeInline(evidence.title);
  switch (evidence.kind) {
    case 'interview': {
      const who = escapeInline(evidence.interviewee ?? '') || 'someone unnamed';
      const when = evidence.interviewedAt ? `, ${escapeInline(evidence.interviewedAt.replace('T', ' '))}` : '';
      return `**Interview or call with ${who}**${when}${title ? ` (${title})` : ''}`;
    }
    case 'document':
      return `**${title || 'Untitled document'}** (document)`;
    default:
      return `**${title || 'Untitled source'}**`;
  }
}

/** Document order when positions are known, detached claims last; otherwise as given. */
function orderClaims(claims: readonly Claim[], anchors: ReadonlyMap<string, AnchorResult> | undefined): Claim[] {
  if (anchors === undefined) return [...claims];
  const position = (claim: Claim): number => {
    const anchor = anchors.get(claim.id);
    return anchor === undefined || anchor.status === 'detached' ? Infinity : anchor.from;
  };
  // Array.prototype.sort is stable, so claims at equal positions keep their given order.
  return [...claims].sort((a, b) => {
    const pa = position(a);
    const pb = position(b);
    return pa === pb ? 0 : pa < pb ? -1 : 1;
  });
}
