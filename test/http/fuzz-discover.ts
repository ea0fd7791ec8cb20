import type { FastifyInstance } from 'fastify';
import * as fc from 'fast-check';
import { type Draft, draft, type FuzzTarget, JSON_TYPE, jsonBody } from './fuzz-draft.ts';

/** A route the service has, as its router lists it. */
export interface ListedRoute {
  method: string;
  path: string;
}

// Routes with a generator of their own in fuzz-routes.ts (valid bodies, known ids, signatures).
const TAILORED = /^\/(?:api\/|webhooks\/|mcp$|healthz$|readyz$|metrics$|openapi\.json$|docs|oauth\/|$)/;

/**
 * Every route of the app from Fastify's route tree (`printRoutes`), HEAD and OPTIONS left out.
 * The dashboard is being rebuilt page by page, so its routes are read from the app instead of
 * being listed here by hand.
 */
export function listRoutes(app: FastifyInstance): ListedRoute[] {
  const out: ListedRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([\s│├└─]*?)(?:├── |└── )(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean))
      if (method !== 'HEAD' && method !== 'OPTIONS') out.push({ method, path });
  }
  return out;
}

// Server-sent event streams (the dashboard's live feeds) never end, so a request to one never
// gets a whole answer to check.
const STREAM = /\/events$/;

/** The routes the tailored generators do not cover: today the dashboard's pages and controls. */
export const untailored = (routes: ListedRoute[]) =>
  routes.filter((r) => !TAILORED.test(r.path) && !STREAM.test(r.path));

const field = fc.constantFrom('id', 'note', 'text', 'message', 'contactId', 'days', 'q', 'status', 'page');
const value = fc.oneof(
  fc.constantFrom('hello', '', '0', '-1', '1e309', 'null', 'true', '<script>', "' OR 1=1 --"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

/**
 * How a page request proves itself: the bearer token, or a signed-in realtor's cookie with the
 * CSRF token in the X-CSRF-Token header (as htmx sends it) or in the `_csrf` field (as a plain form
 * does), or the cookie without any CSRF token (refused on writes).
 */
type PageAuth = 'bearer' | 'session' | 'session-form' | 'session-no-csrf';

function authHeaders(t: FuzzTarget, how: PageAuth, write: boolean, htmx: boolean): Record<string, string> {
  if (how === 'bearer' || !t.session) return { authorization: `Bearer ${t.token}` };
  return {
    cookie: t.session.cookie,
    ...(htmx ? { 'hx-request': 'true' } : {}),
    ...(write && how === 'session' ? { 'x-csrf-token': t.session.csrf } : {}),
  };
}

/** A request to one of the listed routes: its path parameters filled, a form or JSON body on writes. */
export function pageDrafts(t: FuzzTarget, routes: ListedRoute[]): fc.Arbitrary<Draft> {
  const ids = [...t.known.contacts, ...t.known.escalations, 'nope', '0'];
  const auths: PageAuth[] = t.session ? ['bearer', 'session', 'session-form', 'session-no-csrf'] : ['bearer'];
  return fc
    .tuple(
      fc.constantFrom(...routes),
      fc.array(fc.constantFrom(...ids), { minLength: 4, maxLength: 4 }),
      fc.dictionary(field, value, { maxKeys: 4 }),
      fc.boolean(),
      fc.constantFrom(...auths),
      fc.boolean(),
    )
    .map(([r, fill, generated, asForm, chosen, htmx]) => {
      let n = 0;
      const segments = r.path.split('/').slice(1);
      const param = segments.findIndex((s) => s.startsWith(':'));
      const path = segments.map((s) => (s.startsWith(':') ? fill[n++ % fill.length]! : s));
      const write = r.method !== 'GET' && r.method !== 'DELETE';
      // Signing the shared session out would leave the rest of the run signed out: sign-out is
      // sent with the cookie only without its CSRF token (refused), or with the bearer token.
      const how =
        r.path === '/sign-out' && (chosen === 'session' || chosen === 'session-form') ? 'bearer' : chosen;
      const auth = authHeaders(t, how, write, htmx);
      const fields =
        write && how === 'session-form' && t.session ? { ...generated, _csrf: t.session.csrf } : generated;
      const pairs = Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)]);
      if (!write)
        return draft(`${r.method} ${r.path}`, r.method, path, {
          headers: auth,
          query: pairs,
          ...(param >= 0 ? { param } : {}),
        });
      const form = new URLSearchParams(pairs).toString();
      return draft(`${r.method} ${r.path}`, r.method, path, {
        headers: {
          ...auth,
          ...(asForm ? { 'content-type': 'application/x-www-form-urlencoded' } : JSON_TYPE),
        },
        body: asForm ? { raw: Buffer.from(form) } : jsonBody(fields),
        ...(param >= 0 ? { param } : {}),
      });
    });
}
