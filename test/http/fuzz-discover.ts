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

/** A request to one of the listed routes: its path parameters filled, a form or JSON body on writes. */
export function pageDrafts(t: FuzzTarget, routes: ListedRoute[]): fc.Arbitrary<Draft> {
  const ids = [...t.known.contacts, ...t.known.escalations, 'nope', '0'];
  return fc
    .tuple(
      fc.constantFrom(...routes),
      fc.array(fc.constantFrom(...ids), { minLength: 4, maxLength: 4 }),
      fc.dictionary(field, value, { maxKeys: 4 }),
      fc.boolean(),
    )
    .map(([r, fill, fields, asForm]) => {
      const pairs = Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)]);
      let n = 0;
      const segments = r.path.split('/').slice(1);
      const param = segments.findIndex((s) => s.startsWith(':'));
      const path = segments.map((s) => (s.startsWith(':') ? fill[n++ % fill.length]! : s));
      const write = r.method !== 'GET' && r.method !== 'DELETE';
      const auth = { authorization: `Bearer ${t.token}` };
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
