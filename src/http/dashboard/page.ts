import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { DashboardRead } from '../../ports/dashboard-read.ts';
import type { HttpDeps } from '../deps.ts';
import type { DashboardSessions } from './session.ts';
import type { HtmlValue, SafeHtml } from './escape.ts';
import { HTML_TYPE, layout, type NavKey } from './layout.ts';

/** What every dashboard page receives: the service's dependencies plus the session keeper. */
export interface DashboardDeps extends HttpDeps {
  sessions: DashboardSessions;
  /** Read models of the Inbox and Contact pages. */
  read: DashboardRead;
}

/** A page (or group of pages) adding its routes to the dashboard scope. See index.ts. */
export type DashboardPage = (scope: FastifyInstance, deps: DashboardDeps) => void | Promise<void>;

/** Route options every dashboard route uses: hidden from the API description. */
export const PAGE_ROUTE: RouteShorthandOptions = { schema: { hide: true } };

/** The session's CSRF token for forms and htmx, or '' when the request came with the bearer token. */
export const csrfOf = (req: FastifyRequest): string => req.dashboardSession?.csrf ?? '';

/** Whether the request was made by htmx (then answer a fragment, not a whole page). */
export const isHtmx = (req: FastifyRequest): boolean => req.headers['hx-request'] === 'true';

/** Sends a whole page in the shared layout. */
export function sendPage(
  reply: FastifyReply,
  req: FastifyRequest,
  page: { title: string; current?: NavKey; body: HtmlValue; status?: number },
): FastifyReply {
  const csrf = csrfOf(req);
  const doc = layout({
    title: page.title,
    ...(page.current ? { current: page.current } : {}),
    ...(csrf ? { csrf } : {}),
    signOut: req.dashboardAuth === 'session',
    body: page.body,
  });
  return reply
    .code(page.status ?? 200)
    .type(HTML_TYPE)
    .send(doc.value);
}

/** Sends an HTML fragment (an htmx swap target). */
export function sendFragment(reply: FastifyReply, fragment: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type(HTML_TYPE).send(fragment.value);
}
