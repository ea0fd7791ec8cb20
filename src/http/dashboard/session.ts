import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a sign-in lasts; signing in again starts a new one. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'jorge_session';

export interface DashboardSession {
  id: string;
  /** Epoch ms after which the session is refused. */
  expiresAt: number;
  /** The CSRF token every form and htmx request of this session must carry. */
  csrf: string;
}

/**
 * Dashboard sessions as signed cookies: `<id>.<expiresAt>.<hmac>`. Nothing is stored server-side,
 * so any replica accepts a session another one issued. The signing key is derived from
 * JORGE_API_TOKEN, so rotating the token signs everyone out. Without a token (loopback only) the
 * key is random per process: the dashboard is open, but sessions still carry a CSRF token so a
 * web page in the same browser cannot post to the service on 127.0.0.1.
 */
export interface DashboardSessions {
  /** True when sign-in with JORGE_API_TOKEN is required. */
  readonly required: boolean;
  /** Checks a token typed on the sign-in page, in constant time. */
  tokenMatches(given: string): boolean;
  issue(now: number): { session: DashboardSession; cookie: string };
  /** The session named by the request's Cookie header, or null if absent, forged or expired. */
  read(cookieHeader: string | undefined, now: number): DashboardSession | null;
  /** Set-Cookie value that stores `cookie`, or clears the session when `cookie` is null. */
  setCookie(cookie: string | null, secure: boolean): string;
  csrfMatches(session: DashboardSession, given: unknown): boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function createDashboardSessions(token: string | undefined): DashboardSessions {
  const key = token
    ? createHmac('sha256', 'jorge-dashboard-session').update(token).digest()
    : randomBytes(32);
  const sign = (s: string) => createHmac('sha256', key).update(s).digest('base64url');
  const csrfOf = (id: string) => sign(`csrf:${id}`);
  const sameText = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
  const expected = token ? digest(token) : null;

  return {
    required: token !== undefined,
    tokenMatches: (given) => expected !== null && timingSafeEqual(digest(given), expected),
    issue(now) {
      const id = randomBytes(18).toString('base64url');
      const expiresAt = now + SESSION_TTL_MS;
      const body = `${id}.${expiresAt}`;
      return { session: { id, expiresAt, csrf: csrfOf(id) }, cookie: `${body}.${sign(`session:${body}`)}` };
    },
    read(cookieHeader, now) {
      const value = cookieValue(cookieHeader, SESSION_COOKIE);
      if (!value) return null;
      const [id, exp, mac, extra] = value.split('.');
      if (!id || !exp || !mac || extra !== undefined) return null;
      if (!sameText(mac, sign(`session:${id}.${exp}`))) return null;
      const expiresAt = Number(exp);
      if (!Number.isFinite(expiresAt) || expiresAt <= now) return null;
      return { id, expiresAt, csrf: csrfOf(id) };
    },
    setCookie(cookie, secure) {
      // Strict: the browser never sends the session on a request started by another site.
      const attrs = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
      return cookie === null
        ? `${SESSION_COOKIE}=; Max-Age=0; ${attrs}`
        : `${SESSION_COOKIE}=${cookie}; Max-Age=${SESSION_TTL_MS / 1000}; ${attrs}`;
    },
    csrfMatches: (session, given) =>
      typeof given === 'string' && given !== '' && sameText(given, session.csrf),
  };
}

/** One cookie's value from a Cookie header (no decoding: our values are base64url and digits). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
