import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DashboardSessionStore } from '../../ports/dashboard-session-store.ts';
import type { Sql } from '../../ports.ts';

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
 * Dashboard sessions: the cookie is `<id>.<expiresAt>.<hmac>`, and with JORGE_API_TOKEN set a
 * sign-in is also a row of the session store (keyed by the id's digest), checked on every request:
 * signing out deletes it, so a copy of the cookie stops working at once, on every replica. The
 * signature turns away forged cookies without a database read. The signing key is derived from
 * JORGE_API_TOKEN, so rotating the token signs everyone out. Without a token (loopback only) the
 * key is random per process and nothing is stored: the dashboard is open, but sessions still carry
 * a CSRF token so a web page in the same browser cannot post to the service on 127.0.0.1.
 */
export interface DashboardSessions {
  /** True when sign-in with JORGE_API_TOKEN is required. */
  readonly required: boolean;
  /** Checks a token typed on the sign-in page, in constant time. */
  tokenMatches(given: string): boolean;
  issue(now: number): Promise<{ session: DashboardSession; cookie: string }>;
  /** The session named by the request's Cookie header, or null if absent, forged, expired or signed out. */
  read(cookieHeader: string | undefined, now: number): Promise<DashboardSession | null>;
  /** Signs the session out: its cookie, and every copy of it, is refused from now on. */
  revoke(session: DashboardSession): Promise<void>;
  /** Set-Cookie value that stores `cookie`, or clears the session when `cookie` is null. */
  setCookie(cookie: string | null, secure: boolean): string;
  csrfMatches(session: DashboardSession, given: unknown): boolean;
}

/** Where signed-in sessions are kept (required when JORGE_API_TOKEN is set). */
export interface SessionStorage {
  db: Sql;
  store: DashboardSessionStore;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

const idDigest = (id: string) => createHash('sha256').update(`dashboard-session:${id}`).digest('hex');

export function createDashboardSessions(
  token: string | undefined,
  storage?: SessionStorage,
): DashboardSessions {
  if (token && !storage)
    throw new Error('dashboard sessions need a session store when JORGE_API_TOKEN is set');
  const stored = token ? storage : undefined;
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
    async issue(now) {
      const id = randomBytes(18).toString('base64url');
      const expiresAt = now + SESSION_TTL_MS;
      const body = `${id}.${expiresAt}`;
      await stored?.store.create(stored.db, {
        idDigest: idDigest(id),
        createdAt: new Date(now),
        expiresAt: new Date(expiresAt),
      });
      return { session: { id, expiresAt, csrf: csrfOf(id) }, cookie: `${body}.${sign(`session:${body}`)}` };
    },
    async read(cookieHeader, now) {
      const value = cookieValue(cookieHeader, SESSION_COOKIE);
      if (!value) return null;
      const [id, exp, mac, extra] = value.split('.');
      if (!id || !exp || !mac || extra !== undefined) return null;
      if (!sameText(mac, sign(`session:${id}.${exp}`))) return null;
      const expiresAt = Number(exp);
      if (!Number.isFinite(expiresAt) || expiresAt <= now) return null;
      if (stored && !(await stored.store.isLive(stored.db, idDigest(id), new Date(now)))) return null;
      return { id, expiresAt, csrf: csrfOf(id) };
    },
    async revoke(session) {
      await stored?.store.revoke(stored.db, idDigest(session.id));
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
