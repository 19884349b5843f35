/** A document id is opaque to the socket but must be safe to log and to use as a key. */
const DOC_ID = /^[A-Za-z0-9_-]{1,64}$/

export function isValidDocId(value: string): boolean {
  return DOC_ID.test(value)
}
