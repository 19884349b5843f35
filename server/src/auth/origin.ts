/**
 * Same-origin checks for cookie-authenticated requests (CSRF on the API,
 * cross-site socket hijacking on the collaboration socket).
 */
export interface OriginPolicy {
  /** Origins let in besides the request's own: ALLOWED_ORIGINS and PUBLIC_URL's. */
  allowedOrigins: string[]
  requireOrigin: boolean
  /** X-Forwarded-Proto and X-Forwarded-Host come from our proxy and may be believed. */
  trustProxy: boolean
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string }

const firstOf = (value: string | null): string | undefined => value?.split(',')[0]?.trim().toLowerCase() || undefined

/** `scheme://host[:port]` normalised as browsers send it (default port dropped), or undefined when it is no http(s) origin. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  } catch {
    return undefined // includes the opaque origin "null"
  }
}

/**
 * The origins of the pages this request can come from: scheme, host and port. This server
 * speaks plain HTTP, so its scheme is http; only behind a trusted proxy (TRUST_PROXY) does
 * X-Forwarded-Proto say otherwise (a TLS-terminating proxy), since a client could claim it.
 */
function ownOrigins(headers: Pick<Headers, 'get'>, policy: OriginPolicy): string[] {
  const forwardedProto = policy.trustProxy ? firstOf(headers.get('x-forwarded-proto')) : undefined
  const scheme = forwardedProto === 'https' ? 'https' : 'http'
  const hosts = [
    headers.get('host')?.toLowerCase(),
    policy.trustProxy ? firstOf(headers.get('x-forwarded-host')) : undefined,
  ]
  const origins: string[] = []
  for (const host of hosts) {
    const origin = host ? originOf(`${scheme}://${host}`) : undefined
    if (origin) origins.push(origin)
  }
  return origins
}

function matches(origin: string, headers: Pick<Headers, 'get'>, policy: OriginPolicy): boolean {
  const claimed = originOf(origin)
  if (!claimed) return false
  return policy.allowedOrigins.includes(claimed) || ownOrigins(headers, policy).includes(claimed)
}

/**
 * A browser always sends Origin on a cross-origin POST (and Sec-Fetch-Site on
 * every request), so a request carrying none of Origin, Sec-Fetch-Site and
 * Referer comes from a non-browser client, which CSRF cannot forge; it is let
 * through unless `requireOrigin` is set. Anything a browser marks as foreign is refused.
 */
export function checkSameOrigin(headers: Pick<Headers, 'get'>, policy: OriginPolicy): OriginVerdict {
  const origin = headers.get('origin')
  if (origin !== null) {
    return matches(origin, headers, policy)
      ? { ok: true }
      : { ok: false, reason: `cross-origin request refused (Origin ${origin})` }
  }
  const site = headers.get('sec-fetch-site')
  if (site !== null) {
    return site === 'same-origin' || site === 'none'
      ? { ok: true }
      : { ok: false, reason: `cross-origin request refused (Sec-Fetch-Site ${site})` }
  }
  const referer = headers.get('referer')
  if (referer !== null) {
    return matches(referer, headers, policy)
      ? { ok: true }
      : { ok: false, reason: 'cross-origin request refused (Referer)' }
  }
  return policy.requireOrigin ? { ok: false, reason: 'request without Origin refused' } : { ok: true }
}
