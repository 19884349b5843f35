import * as Y from 'yjs';

/**
 * Claims store their anchors as base64 text (not bytes) so the Y.Map values stay plain JSON
 * for every reader. btoa/atob exist in browsers and Node alike; Buffer would not.
 */
export function encodeRelPos(pos: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(pos);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Null for anything that is not a decodable position: the value came from a shared doc. */
export function decodeRelPos(encoded: unknown): Y.RelativePosition | null {
  if (typeof encoded !== 'string' || encoded.length === 0 || encoded.length > 4096) return null;
  try {
    const binary = atob(encoded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}
