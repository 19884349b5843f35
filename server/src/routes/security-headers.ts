import type { MiddlewareHandler } from 'hono'

/**
 * The web client's policy: scripts only from our own files (the build has no inline script,
 * client/vite.config.ts), so injected markup cannot run. Styles allow inline: ProseMirror,
 * the collaboration carets and React's style attributes write them. `connect-src 'self'`
 * covers the socket on the same host and port (ws: and wss: match 'self' in CSP3 browsers).
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ')

/**
 * An evidence file opened on its own (an image or a PDF someone uploaded): it may load
 * nothing but itself, run nothing, and not be framed. The browser's image view shows it
 * as an image of the document itself (img-src 'self'); Chromium's PDF viewer is not held
 * to the page's policy (checked in Chromium 156: it renders under default-src 'none').
 */
export const ATTACHMENT_CSP = [
  "default-src 'none'",
  "img-src 'self'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const DEFAULTS: ReadonlyArray<readonly [string, string]> = [
  ['content-security-policy', APP_CSP],
  // For browsers without frame-ancestors; the CSP already says it.
  ['x-frame-options', 'DENY'],
  ['x-content-type-options', 'nosniff'],
  // Links to sources leave with our origin only, never a workspace or article path.
  ['referrer-policy', 'strict-origin-when-cross-origin'],
]

/**
 * Sets the headers above on every answer (API, static files, errors, 404s) that did not set
 * its own: a route with a stricter policy (attachments) keeps it.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    for (const [name, value] of DEFAULTS) if (!c.res.headers.has(name)) c.res.headers.set(name, value)
  }
}
