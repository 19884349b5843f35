import type { Queryable } from '../../storage/db.js'
import { BoundedCache } from './bounded-cache.js'
import { type ClaimChange, type DocContent, diffClaims, diffText, docContent, type TextOp } from './changes.js'
import { versionStateHash, stateByHash } from './version-store.js'
import { withVersionDoc } from './version-doc.js'

/**
 * A version's state never changes, and its hash names it: what it reads as (text and claims) and
 * what two of them differ by are kept for the next view. Reading a large version back (inflate,
 * apply to a Y.Doc, read) costs hundreds of ms, diffing two again as much; a reviewer flips
 * between the same few. Bounded by count: a seed ×50 article with 2,000 claims reads as ~2 MB.
 */
const contents = new BoundedCache<string, DocContent>(8)
const comparisons = new BoundedCache<string, Comparison>(8)

export interface Comparison {
  text: TextOp[]
  /** Unattributed; callers copy before setting `by` (changes.ts, attribute). */
  claims: readonly ClaimChange[]
}

/** What a side of the changes view shows; callers must not change it (it is shared). */
export interface VersionSide {
  hash: string
  content: DocContent
}

/** The version's text and claims, or null when the article has no such version. */
export async function versionContent(q: Queryable, articleId: string, versionId: string): Promise<VersionSide | null> {
  const hash = await versionStateHash(q, articleId, versionId)
  if (hash === null) return null
  const cached = contents.get(hash)
  if (cached) return { hash, content: cached }
  const state = await stateByHash(q, hash)
  if (!state) return null
  const content = withVersionDoc(state, docContent)
  contents.set(hash, content)
  return { hash, content }
}

/** The word diff and claim diff of two contents; remembered when both sides are versions. */
export function compare(from: VersionSide | DocContent, to: VersionSide | DocContent): Comparison {
  const key = 'hash' in from && 'hash' in to ? `${from.hash}\n${to.hash}` : undefined
  const cached = key === undefined ? undefined : comparisons.get(key)
  if (cached) return cached
  const a = 'hash' in from ? from.content : from
  const b = 'hash' in to ? to.content : to
  const result: Comparison = { text: diffText(a.text, b.text), claims: diffClaims(a.claims, b.claims) }
  if (key !== undefined) comparisons.set(key, result)
  return result
}

/** For measuring a cold read (the bench) and for tests: forget everything kept. */
export function forgetVersionContents(): void {
  contents.clear()
  comparisons.clear()
}
