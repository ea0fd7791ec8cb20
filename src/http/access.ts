import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { DashboardSession, DashboardSessions } from './dashboard/session.ts';
import { ApiError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'public': reachable without JORGE_API_TOKEN. 'dashboard': a browser page, reachable with a
     * signed-in session cookie (or the bearer token). Every other route needs the bearer token.
     */
    access?: 'public' | 'dashboard';
  }
  interface FastifyRequest {
    /** How a dashboard request was let in; 'bearer' requests need no CSRF token. */
    dashboardAuth?: 'session' | 'bearer' | 'open';
    dashboardSession?: DashboardSession;
  }
}

/**
 * The routes anyone may reach without the API token, as "METHOD /path" of the route definition.
 * Each carries its own proof or holds nothing private:
 *   - the webhook checks GHL's signature over the raw body, or the workflow secret;
 *   - the OAuth callback only exchanges a single-use code with our client secret and says nothing
 *     but whether the install worked;
 *   - /mcp checks the same bearer token itself and refuses everything without one;
 *   - health, readiness and metrics say nothing about leads (no ids, names, numbers or paths);
 *   - the API description and its viewer describe routes, not data.
 * Every other route, including routes added later, needs the token.
 */
const PUBLIC_ROUTES = new Set([
  'POST /webhooks/ghl',
  'GET /oauth/callback',
  'POST /mcp',
  'GET /mcp',
  'DELETE /mcp',
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /openapi.json',
  // The dashboard's sign-in form (its POST checks the token itself) and its static files
  // (htmx, the stylesheet, the page script: code, no data).
  'GET /sign-in',
  'POST /sign-in',
]);
const PUBLIC_PREFIXES = ['/docs', '/assets'];

export function isPublic(method: HTTPMethods | HTTPMethods[], url: string): boolean {
  if (PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`))) return true;
  const methods = Array.isArray(method) ? method : [method];
  // Fastify adds a HEAD route beside every GET one; it answers the same thing without a body.
  return methods.every((m) => PUBLIC_ROUTES.has(`${m === 'HEAD' ? 'GET' : m} ${url}`));
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Access is decided per route, from the route the router matched, never from the request's raw
 * target: a check on the URL text misses what the router decodes or normalises (`/%61pi/…`,
 * absolute-form `GET http://host/api/…`, `GET *`). Must be installed before any route is added.
 * Without a token the service only listens on loopback (config refuses otherwise), and every
 * route is open to that machine. Dashboard routes (src/http/dashboard/) take the session cookie
 * from the sign-in page (signed, and still signed in server-side) instead of the bearer token; the
 * cookie never opens an API route.
 */
export function installAccessControl(
  app: FastifyInstance,
  token: string | undefined,
  dashboard?: { sessions: DashboardSessions; now: () => number },
): void {
  app.addHook('onRoute', (route) => {
    if (isPublic(route.method, route.url)) route.config = { ...(route.config ?? {}), access: 'public' };
  });
  if (!token) return;
  const expected = digest(`Bearer ${token}`);
  app.addHook('onRequest', async (req, reply) => {
    const access = req.routeOptions.config?.access;
    if (access === 'public') return;
    // No route matched: the 404 that follows holds nothing, and says plainly the path is wrong.
    if (req.routeOptions.url === undefined) return;
    // Compared as digests: equal length always, so neither content nor length leaks by timing.
    const given = digest(req.headers.authorization ?? '');
    const bearer = timingSafeEqual(given, expected);
    if (access === 'dashboard' && dashboard) {
      if (bearer) {
        req.dashboardAuth = 'bearer';
        return;
      }
      const session = await dashboard.sessions.read(req.headers.cookie, dashboard.now());
      if (session) {
        req.dashboardAuth = 'session';
        req.dashboardSession = session;
        return;
      }
      // A browser opening a page is sent to sign in and brought back; htmx is told to go there.
      if (req.method === 'GET' && req.headers['hx-request'] === undefined) {
        return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
      }
      throw new ApiError('unauthorized', 'sign in at /sign-in', { 'hx-redirect': '/sign-in' });
    }
    if (!bearer) {
      throw new ApiError('unauthorized', 'send Authorization: Bearer <JORGE_API_TOKEN>', {
        'www-authenticate': 'Bearer',
      });
    }
  });
}
