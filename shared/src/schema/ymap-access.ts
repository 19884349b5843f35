import * as Y from 'yjs'
import { claimsMap } from './doc-keys.js'
import { ClaimSchemaError } from './errors.js'

export function claimYMap(doc: Y.Doc, claimId: string): Y.Map<unknown> {
  const value = claimsMap(doc).get(claimId)
  if (!(value instanceof Y.Map)) throw new ClaimSchemaError(`unknown claim ${claimId}`, 'not-found')
  return value
}

/**
 * The claim's `evidence` or `comments` array. A claim written by another (or a buggy)
 * client may lack it or hold something else there; a fresh array then takes its place so
 * writes never fail on someone else's malformed data.
 */
export function childArray(claim: Y.Map<unknown>, key: 'evidence' | 'comments'): Y.Array<unknown> {
  const value = claim.get(key)
  if (value instanceof Y.Array) return value
  const fresh = new Y.Array<unknown>()
  claim.set(key, fresh)
  return fresh
}

/** Index of the Y.Map with this `id` inside a claim's child array, or -1. */
export function indexOfEntry(array: Y.Array<unknown>, id: string): number {
  return array.toArray().findIndex((item) => item instanceof Y.Map && item.get('id') === id)
}

/** Sets a value, or deletes the key for undefined: absent fields are absent, not null. */
export function setOrDelete(map: Y.Map<unknown>, key: string, value: string | undefined): void {
  if (value === undefined) map.delete(key)
  else map.set(key, value)
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new ClaimSchemaError(`${field} must be a non-empty string`, 'invalid')
  }
  return value
}
