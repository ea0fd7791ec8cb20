/**
 * The realtor's dashboard: server-rendered pages with htmx, inside the service.
 *
 * HOW A PAGE ADDS ITSELF
 *   1. Write src/http/dashboard/<page>.ts exporting a `DashboardPage` (page.ts):
 *        export const queuesPage: DashboardPage = (scope, deps) => {
 *          scope.get('/queues', PAGE_ROUTE, async (req, reply) =>
 *            sendPage(reply, req, { title: 'Queues', current: 'queues', body: html`<h1>Queues</h1>…` }));
 *          scope.post('/queues/:id/resolve', PAGE_ROUTE, async (req, reply) => { …; return sendFragment(reply, html`…`); });
 *        };
 *      `deps` is HttpDeps (db, clock, config, escalation, followUps…) plus `sessions` and `read`
 *      (the Inbox/Contact read models). Read models
 *      come from a port type in src/ports/ implemented in src/adapters/postgres/, built in
 *      src/wiring/service.ts and handed over in HttpDeps.
 *   2. Add it to PAGES below. That is all: every route added in the scope is a dashboard route
 *      (access 'dashboard' in access.ts): with JORGE_API_TOKEN set it needs a signed-in session
 *      cookie (or the bearer token), without one it is open on loopback as the API is.
 *   3. Rendering: build HTML only with the `html` tag (escape.ts), which escapes every value.
 *      `sendPage` wraps the body in the layout (nav, skip link, landmarks, stylesheet, htmx) and
 *      answers text/html; charset=utf-8; `sendFragment` answers an htmx swap target. `isHtmx(req)`
 *      says which one the request wants.
 *   4. CSRF: every non-GET request must carry the session's token. htmx sends it by itself (the
 *      layout puts it in hx-headers on <body>); a plain <form method="post"> adds
 *      `csrfField(csrfOf(req))` (layout.ts, page.ts). Requests without it are refused with 403
 *      before the handler runs. Form bodies (application/x-www-form-urlencoded) arrive parsed as
 *      `req.body: Record<string, string>` (the last value wins for a repeated name;
 *      `formValues(req.body, name)` gives all of them).
 *   5. Live updates: put data-live="<event-stream url>" and hx-trigger="live" on an element; each
 *      `change` event on the stream re-fetches it (assets.ts). `changeFeed` (live.ts) serves such
 *      a stream.
 *   6. Tests: test/dashboard/support.ts signs in and posts with the CSRF token through app.inject.
 */
import type { FastifyInstance } from 'fastify';
import type { HttpDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { assetRoutes } from './assets.ts';
import { html } from './escape.ts';
import { type DashboardDeps, type DashboardPage, sendPage } from './page.ts';
import type { DashboardSessions } from './session.ts';
import { signInPages } from './sign-in.ts';
import { dashboardHomePage } from '../routes/dashboard.get.ts';
import { contactPages } from './contact.ts';
import { inboxPages } from './inbox.ts';
import { overviewPage } from './overview.ts';
import { queuesPage } from './queues.ts';
import { scriptsPage } from './scripts.ts';
import { simulatorPage } from './simulator.ts';

/** Every dashboard page, in nav order. Add new pages here. */
const PAGES: DashboardPage[] = [
  signInPages,
  dashboardHomePage,
  inboxPages,
  contactPages,
  queuesPage,
  overviewPage,
  scriptsPage,
  simulatorPage,
];

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** All values of a repeated form field (checkboxes); the parsed body keeps them under `name[]`. */
export function formValues(body: unknown, name: string): string[] {
  const all = (body as Record<string, unknown> | undefined)?.[`${name}[]`];
  return Array.isArray(all) ? all.filter((v): v is string => typeof v === 'string') : [];
}

function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    out[k] = v;
    const list = out[`${k}[]`];
    out[`${k}[]`] = Array.isArray(list) ? [...list, v] : [v];
  }
  return out;
}

export async function registerDashboard(
  app: FastifyInstance,
  deps: HttpDeps,
  sessions: DashboardSessions,
): Promise<void> {
  const full: DashboardDeps = { ...deps, sessions, read: deps.dashboardRead };
  const now = () => deps.clock.now().getTime();
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 262_144 },
      (_req, body, done) => done(null, parseForm(String(body))),
    );
    // Routes of this scope that access.ts did not list as public are dashboard routes.
    scope.addHook('onRoute', (route) => {
      if (route.config?.access !== 'public') route.config = { ...(route.config ?? {}), access: 'dashboard' };
    });
    scope.addHook('preHandler', async (req, reply) => {
      if (req.routeOptions.config?.access !== 'dashboard') return;
      if (!sessions.required) {
        // Open on loopback: still a session, so forms carry a CSRF token other sites cannot know.
        let session = await sessions.read(req.headers.cookie, now());
        if (!session) {
          const issued = await sessions.issue(now());
          session = issued.session;
          reply.header('set-cookie', sessions.setCookie(issued.cookie, true));
        }
        req.dashboardAuth = 'open';
        req.dashboardSession = session;
      }
      if (!UNSAFE.has(req.method) || req.dashboardAuth === 'bearer') return;
      const session = req.dashboardSession;
      const given = req.headers['x-csrf-token'] ?? (req.body as Record<string, unknown> | undefined)?._csrf;
      if (!session || !sessions.csrfMatches(session, given)) {
        throw new ApiError(
          'forbidden',
          'the form is out of date or was not sent by this dashboard; reload the page and try again',
        );
      }
    });
    // Errors on dashboard routes answer as a short HTML page (htmx shows nothing for a non-2xx
    // swap, so the status and message matter for plain navigation and tests).
    scope.setErrorHandler(
      (err: Error & { statusCode?: number; headers?: Record<string, string> }, req, reply) => {
        const status = err instanceof ApiError ? err.status : (err.statusCode ?? 500);
        if (status >= 500) req.log.error({ err }, 'dashboard page failed');
        const message = status >= 500 ? 'Something went wrong on our side. Try again.' : err.message;
        if (err instanceof ApiError) reply.headers(err.headers);
        return sendPage(reply, req, {
          title: status === 404 ? 'Not found' : 'Error',
          status,
          body: html`<h1>${status === 404 ? 'Not found' : 'That did not work'}</h1><p role="alert">${message}</p>`,
        });
      },
    );
    assetRoutes(scope);
    for (const page of PAGES) await page(scope, full);
  });
}
