/**
 * Same-origin checks for cookie-authenticated requests (CSRF on the API,
 * cross-site socket hijacking on the collaboration socket).
 */
export interface OriginPolicy {
  allowedOrigins: string[];
  requireOrigin: boolean;
  trustProxy: boolean;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

function hostsOf(headers: Headers, policy: OriginPolicy): string[] {
  const hosts: string[] = [];
  const host = headers.get('host');
  if (host) hosts.push(host.toLowerCase());
  if (policy.trustProxy) {
    const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
    if (forwarded) hosts.push(forwarded.toLowerCase());
  }
  return hosts;
}

function matches(origin: string, headers: Headers, policy: OriginPolicy): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null"
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (policy.allowedOrigins.includes(url.origin)) return true;
  // Host only (not scheme): behind a TLS-terminating proxy we see http while the browser says https.
  return hostsOf(headers, policy).includes(url.host.toLowerCase());
}

/**
 * A browser always sends Origin on a cross-origin POST (and Sec-Fetch-Site on
 * every request), so a request carrying none of Origin, Sec-Fetch-Site and
 * Referer comes from a non-browser client, which CSRF cannot forge; it is let
 * through unless `requireOrigin` is set. Anything a browser marks as foreign is refused.
 */
export function checkSameOrigin(headers: Headers, policy: OriginPolicy): OriginVerdict {
  const origin = headers.get('origin');
  if (origin !== null) {
    return matches(origin, headers, policy) ? { ok: true } : { ok: false, reason: `cross-origin request refused (Origin ${origin})` };
  }
  const site = headers.get('sec-fetch-site');
  if (site !== null) {
    return site === 'same-origin' || site === 'none' ? { ok: true } : { ok: false, reason: `cross-origin request refused (Sec-Fetch-Site ${site})` };
  }
  const referer = headers.get('referer');
  if (referer !== null) {
    return matches(referer, headers, policy) ? { ok: true } : { ok: false, reason: 'cross-origin request refused (Referer)' };
  }
  return policy.requireOrigin ? { ok: false, reason: 'request without Origin refused' } : { ok: true };
}
