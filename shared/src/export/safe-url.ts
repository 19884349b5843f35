/**
 * Whether a URL may be emitted as a link: absolute http(s) with a host, no credentials, no
 * whitespace or control characters. Evidence URLs come from any checker's client, so
 * exports must never turn `javascript:`, `data:` or look-alike tricks
 * (`https://trusted.example@evil.example`) into links.
 */
export function isSafeHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return false
  // The URL parser silently strips leading/trailing spaces and tabs/newlines inside; a
  // string that needed that is not the string we would emit.
  if (/[\s\u0000-\u001f\u007f]/.test(value) || !/^https?:\/\//i.test(value)) return false
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  )
}
