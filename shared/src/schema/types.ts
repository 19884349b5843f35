import type { VerdictId } from './verdicts.js';

export const CLAIM_STATUSES = ['open', 'researching', 'needs-review', 'done'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const STANCES = ['supports', 'refutes', 'context'] as const;
export type Stance = (typeof STANCES)[number];

/** Plain (non-Yjs) view of one evidence entry, as stored under a claim's `evidence`. */
export interface Evidence {
  id: string;
  url: string;
  title: string;
  /** The passage of the source that matters, as the checker copied it. */
  quote: string;
  stance: Stance;
  addedBy: string;
  addedAt: string;
  sourceName?: string;
  accessedAt?: string;
}

export interface Comment {
  id: string;
  author: string;
  text: string;
  at: string;
}

/** Plain view of one claim. `start`/`end` are base64 of `Y.encodeRelativePosition`. */
export interface Claim {
  id: string;
  start?: string;
  end?: string;
  quote: string;
  prefix: string;
  suffix: string;
  status: ClaimStatus;
  verdict?: VerdictId;
  rationale?: string;
  assignee?: string;
  createdBy: string;
  createdAt: string;
  evidence: Evidence[];
  comments: Comment[];
}

const STATUS_SET: ReadonlySet<string> = new Set(CLAIM_STATUSES);
const STANCE_SET: ReadonlySet<string> = new Set(STANCES);

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === 'string' && STATUS_SET.has(value);
}

export function isStance(value: unknown): value is Stance {
  return typeof value === 'string' && STANCE_SET.has(value);
}

