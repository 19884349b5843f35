const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * A random url-safe id (21 chars ≈ 126 bits, like nanoid). Ids are created on many clients
 * without coordination, so they must be collision-free by randomness alone. Web Crypto is
 * global in browsers and Node ≥ 19.
 */
export function newId(length = 21): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  let id = ''
  // 64 symbols divide 256 evenly, so masking keeps the distribution uniform.
  for (const b of bytes) id += ALPHABET[b & 63]
  return id
}
