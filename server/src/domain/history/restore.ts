import { bodyFragment, claimsMap, readClaims, repairClaimAnchor } from '@fc/shared'
import { diffArrays } from 'diff'
import * as Y from 'yjs'

/**
 * Makes `doc` (the live document) what `version` was, as a small change: paragraphs the two share
 * stay the very same items (a claim anchored in them, or someone typing in them, is not
 * disturbed); only differing paragraphs are deleted and the version's copies inserted. Claims
 * of the version come back as they were (fields, evidence, comments, verdict); claims made
 * since are kept. Every claim whose positions no longer resolve is re-anchored by its quote, or
 * left detached. Runs inside the caller's transaction.
 */
export function restoreWhole(doc: Y.Doc, version: Y.Doc): void {
  restoreBody(doc, version)
  const live = claimsMap(doc)
  claimsMap(version).forEach((then, id) => {
    if (then instanceof Y.Map) restoreClaimMap(live, id, then)
  })
  for (const claim of readClaims(doc)) repairClaimAnchor(doc, claim.id)
}

/** Only this claim, with its evidence, comments and verdict, as the version had it. False when the version has no such claim. */
export function restoreOneClaim(doc: Y.Doc, version: Y.Doc, claimId: string): boolean {
  const then = claimsMap(version).get(claimId)
  if (!(then instanceof Y.Map)) return false
  restoreClaimMap(claimsMap(doc), claimId, then)
  repairClaimAnchor(doc, claimId)
  return true
}

function restoreBody(doc: Y.Doc, version: Y.Doc): void {
  const body = bodyFragment(doc)
  const current = body.toArray()
  const wanted = bodyFragment(version).toArray()
  const key = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => node.toString()
  let at = 0
  let fromWanted = 0
  for (const part of diffArrays(current.map(key), wanted.map(key))) {
    const count = part.count ?? part.value.length
    if (part.removed) body.delete(at, count)
    else if (part.added) {
      body.insert(
        at,
        wanted.slice(fromWanted, fromWanted + count).map((node) => node.clone() as Y.XmlElement | Y.XmlText),
      )
      at += count
      fromWanted += count
    } else {
      at += count
      fromWanted += count
    }
  }
}

/**
 * A claim that is gone comes back whole; one that is still there gets back each field that
 * differs (evidence and comments as whole lists, when they differ), so fields nobody changed
 * since are not rewritten.
 */
function restoreClaimMap(live: Y.Map<unknown>, id: string, then: Y.Map<unknown>): void {
  const now = live.get(id)
  if (!(now instanceof Y.Map)) {
    live.set(id, then.clone())
    return
  }
  const keys = new Set([...then.keys(), ...now.keys()])
  for (const key of keys) {
    const before = then.get(key)
    const after = now.get(key)
    if (before === undefined) {
      now.delete(key)
      continue
    }
    if (before instanceof Y.AbstractType) {
      if (!(after instanceof Y.AbstractType) || JSON.stringify(before.toJSON()) !== JSON.stringify(after.toJSON()))
        now.set(key, before.clone())
      continue
    }
    if (JSON.stringify(before) !== JSON.stringify(after)) now.set(key, before)
  }
}
