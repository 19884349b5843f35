/**
 * Limits and switches of accounts and sessions, all from the environment
 * (docs/architecture.md: every limit is explicit and configurable).
 */
export interface AuthConfig {
  /** Login attempts at one account (email) without its device cookie, all addresses together, within the window. */
  loginMaxPerAccount: number;
  /** Login attempts at one account from one client address without its device cookie. */
  loginMaxPerAccountAddress: number;
  /** Login attempts without a device cookie per client address, at any accounts. */
  loginMaxPerAddress: number;
  /** Login attempts with one device cookie (a browser that signed in to the account before). */
  loginMaxPerDevice: number;
  loginWindowMs: number;
  /** Lifetime of a device cookie (login-throttle.ts), renewed at every sign-in. */
  loginDeviceDays: number;
  /** Sign-ups (attempts that pass validation) per client address within the window. */
  signupMaxPerAddress: number;
  signupWindowMs: number;
  /** Workshop join requests per client address within the window (a room behind one NAT shares it). */
  joinMaxPerAddress: number;
  /** Wrong join codes per client address within the window; past it the address is refused every join. */
  joinFailuresPerAddress: number;
  /** Joins with one workshop's code within the window, from all addresses together. */
  joinMaxPerWorkshop: number;
  joinWindowMs: number;
  /** Behind a trusted proxy: the client address from the first X-Forwarded-For hop, the page's scheme and host from X-Forwarded-Proto/-Host. */
  trustProxy: boolean;
  /** Origins besides the request's own (http + Host) allowed to send cookie-authenticated writes: ALLOWED_ORIGINS and PUBLIC_URL's. */
  allowedOrigins: string[];
  /** Refuse cookie-authenticated writes that carry no Origin, Referer or Sec-Fetch-Site at all. */
  csrfRequireOrigin: boolean;
  sessionDays: number;
  /** Lifetime of a workshop participant's guest session (fixed, not sliding). */
  guestSessionDays: number;
  inviteDays: number;
  /** Largest JSON body accepted by article creation (413 above); other JSON endpoints take jsonMaxBytes. */
  articleMaxBytes: number;
  jsonMaxBytes: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  return raw === '1' || raw === 'true' || raw === 'yes';
}

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    // A guesser at one address gets 10 tries an account; only ten addresses together fill the
    // account's untrusted budget, and even then its owner's usual browser still gets 10 of its own.
    loginMaxPerAccount: int(env, 'LOGIN_RATE_PER_ACCOUNT', 100),
    loginMaxPerAccountAddress: int(env, 'LOGIN_RATE_PER_ACCOUNT_ADDRESS', 10),
    loginMaxPerAddress: int(env, 'LOGIN_RATE_PER_ADDRESS', 100),
    loginMaxPerDevice: int(env, 'LOGIN_RATE_PER_DEVICE', 10),
    loginWindowMs: int(env, 'LOGIN_RATE_WINDOW_MS', 15 * 60_000),
    loginDeviceDays: int(env, 'LOGIN_DEVICE_DAYS', 365),
    // A desk of a few dozen onboarding together from one office NAT fits, retries included;
    // a script gets 50 accounts (each a scrypt, a workspace and a demo copy) an hour per address.
    signupMaxPerAddress: int(env, 'SIGNUP_RATE_PER_ADDRESS', 50),
    signupWindowMs: int(env, 'SIGNUP_RATE_WINDOW_MS', 60 * 60_000),
    // Sized for several rooms of 40 behind one newsroom NAT joining within minutes, typos and
    // second tabs included. 30 wrong codes per 10 minutes absorbs a room's typos and is still
    // hopeless for guessing: codes are 8 of 31 characters (~8.5e11), so the ~4,300 guesses a day
    // an address gets find nothing.
    joinMaxPerAddress: int(env, 'JOIN_RATE_PER_ADDRESS', 200),
    joinFailuresPerAddress: int(env, 'JOIN_FAILURES_PER_ADDRESS', 30),
    joinMaxPerWorkshop: int(env, 'JOIN_RATE_PER_WORKSHOP', 300),
    joinWindowMs: int(env, 'JOIN_RATE_WINDOW_MS', 10 * 60_000),
    trustProxy: flag(env, 'TRUST_PROXY'),
    // PUBLIC_URL is where browsers reach us (a TLS-terminating proxy's https origin): its pages are ours.
    allowedOrigins: [...(env.ALLOWED_ORIGINS ?? '').split(','), env.PUBLIC_URL ?? '']
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => new URL(s).origin),
    csrfRequireOrigin: flag(env, 'CSRF_REQUIRE_ORIGIN'),
    sessionDays: int(env, 'SESSION_DAYS', 30),
    guestSessionDays: int(env, 'GUEST_SESSION_DAYS', 7),
    inviteDays: int(env, 'INVITE_DAYS', 7),
    articleMaxBytes: int(env, 'ARTICLE_MAX_BYTES', 4 * 1024 * 1024),
    jsonMaxBytes: int(env, 'JSON_MAX_BYTES', 64 * 1024),
  };
}
