import { createHash } from 'node:crypto'
import { BodyText, type Claim, readClaims } from '@fc/shared'
import type * as Y from 'yjs'

/** What a publication published, to tell later changes apart: the body text and each published claim's reviewed content. */
export interface Fingerprints {
  body: string
  claims: Record<string, string>
}

const hash = (value: string) => createHash('sha256').update(value).digest('base64url')

/** A claim's content as review sees it: who wrote an entry and when is not its content. */
export function claimFingerprint(claim: Claim): string {
  const evidence = claim.evidence.map(({ addedBy: _by, addedAt: _at, ...rest }) => rest)
  return hash(
    JSON.stringify([claim.verdict ?? null, claim.rationale ?? null, claim.quote, claim.claimant ?? null, evidence]),
  )
}

/** The document's fingerprints over the claims `include` keeps (the approved ones, for a publication). */
export function fingerprintsOf(
  doc: Y.Doc,
  include: (claim: Claim) => boolean,
): { fingerprints: Fingerprints; claims: Claim[] } {
  const claims = readClaims(doc)
  const out: Record<string, string> = {}
  for (const claim of claims) if (include(claim)) out[claim.id] = claimFingerprint(claim)
  return { fingerprints: { body: hash(BodyText.of(doc).text), claims: out }, claims }
}

/** The claims whose published content differs (changed, newly published, or no longer published). */
export function changedClaims(before: Fingerprints, now: Fingerprints): string[] {
  const ids = new Set([...Object.keys(before.claims), ...Object.keys(now.claims)])
  return [...ids].filter((id) => before.claims[id] !== now.claims[id]).sort()
}
