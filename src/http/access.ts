import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { ApiError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public': reachable without JORGE_API_TOKEN. Every other route needs the token. */
    access?: 'public';
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
]);
const PUBLIC_PREFIXES = ['/docs'];

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
 * route is open to that machine.
 */
export function installAccessControl(app: FastifyInstance, token: string | undefined): void {
  app.addHook('onRoute', (route) => {
    if (isPublic(route.method, route.url)) route.config = { ...(route.config ?? {}), access: 'public' };
  });
  if (!token) return;
  const expected = digest(`Bearer ${token}`);
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.access === 'public') return;
    // No route matched: the 404 that follows holds nothing, and says plainly the path is wrong.
    if (req.routeOptions.url === undefined) return;
    // Compared as digests: equal length always, so neither content nor length leaks by timing.
    const given = digest(req.headers.authorization ?? '');
    if (!timingSafeEqual(given, expected)) {
      throw new ApiError('unauthorized', 'send Authorization: Bearer <JORGE_API_TOKEN>', {
        'www-authenticate': 'Bearer',
      });
    }
  });
}
