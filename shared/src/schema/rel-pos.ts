import * as Y from 'yjs'

/**
 * Claims store their anchors as base64 text (not bytes) so the Y.Map values stay plain JSON
 * for every reader. btoa/atob exist in browsers and Node alike; Buffer would not.
 */
export function encodeRelPos(pos: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(pos)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/**
 * Decoded positions by their text. Every anchoring pass (each claim, on every settled edit,
 * in every open editor) decodes the same few thousand strings again; base64 and the Yjs
 * decoder were a tenth of a browser's typing time with 2,000 claims. Callers only read a
 * RelativePosition, never change it, so one object can serve them all. Bounded: cleared
 * when full (a document's claims fit many times over).
 */
const decoded = new Map<string, Y.RelativePosition | null>()
const DECODED_MAX = 50_000

/** Null for anything that is not a decodable position: the value came from a shared doc. */
export function decodeRelPos(encoded: unknown): Y.RelativePosition | null {
  if (typeof encoded !== 'string' || encoded.length === 0 || encoded.length > 4096) return null
  const known = decoded.get(encoded)
  if (known !== undefined) return known
  if (decoded.size >= DECODED_MAX) decoded.clear()
  const pos = decodeUncached(encoded)
  decoded.set(encoded, pos)
  return pos
}

function decodeUncached(encoded: string): Y.RelativePosition | null {
  try {
    const binary = atob(encoded)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return Y.decodeRelativePosition(bytes)
  } catch {
    return null
  }
}
