import * as fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import {
  type Draft,
  describeRequest,
  encodeUrl,
  type FuzzRequest,
  type FuzzTarget,
  finalize,
  type SignContext,
} from './fuzz-draft.ts';
import { mutations } from './fuzz-mutations.ts';
import { routeDrafts } from './fuzz-routes.ts';
import type { FuzzAnswer } from './fuzz-check.ts';

export const FUZZ_TOKEN = 'fuzz-api-token-0123456789abcdef';
export const FUZZ_SECRET = 'fuzz-workflow-secret-0123456789';

/** The service settings every fuzz run uses, in-process or as its own process. */
export const FUZZ_ENV = {
  JORGE_API_TOKEN: FUZZ_TOKEN,
  GHL_WEBHOOK_SECRET: FUZZ_SECRET,
  FEATURE_MCP: 'true',
  LOG_LEVEL: 'fatal',
};

/** A valid request to a route with zero to two mutations; printed readably when it fails. */
export function fuzzDrafts(target: FuzzTarget): fc.Arbitrary<Draft> {
  return fc.tuple(routeDrafts(target), mutations).map(([d, ms]) => {
    const out = ms.reduce((x, m) => m(x), d);
    return Object.assign(out, {
      [fc.toStringMethod]: () =>
        `${out.method} ${encodeUrl(out).slice(0, 300)} (${out.route}; ${out.mutations.join(', ') || 'valid'})`,
    });
  });
}

export function fuzzTarget(
  known: FuzzTarget['known'],
  pages: FuzzTarget['pages'] = [],
  session?: FuzzTarget['session'],
): FuzzTarget {
  return {
    token: FUZZ_TOKEN,
    workflowSecret: FUZZ_SECRET,
    mcp: true,
    known,
    pages,
    ...(session ? { session } : {}),
  };
}

/** What a request with the realtor's cookie but no CSRF token must never do: change anything. */
export function writesWithoutCsrf(req: FuzzRequest, session: NonNullable<FuzzTarget['session']>): boolean {
  const unsafe = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method);
  const path = req.url.split('?')[0];
  return (
    unsafe &&
    req.headers.cookie === session.cookie &&
    req.headers.authorization === undefined &&
    path !== '/sign-in' &&
    req.headers['x-csrf-token'] !== session.csrf &&
    !(req.body?.includes(session.csrf) ?? false)
  );
}

/**
 * Signs in through the dashboard's form as a realtor's browser does, with `send` (inject or a
 * socket), and reads the CSRF token the inbox page carries.
 */
export async function signInForFuzz(
  send: (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: string,
  ) => Promise<{ status: number; setCookie: string[]; body: string }>,
): Promise<NonNullable<FuzzTarget['session']>> {
  const form = new URLSearchParams({ token: FUZZ_TOKEN, next: '/inbox' }).toString();
  const res = await send('POST', '/sign-in', { 'content-type': 'application/x-www-form-urlencoded' }, form);
  const cookie = res.setCookie.find((c) => c.startsWith('jorge_session=') && !c.includes('Max-Age=0'));
  if (res.status !== 303 || !cookie)
    throw new Error(`sign-in answered ${res.status}: ${res.body.slice(0, 200)}`);
  const session = cookie.split(';')[0] as string;
  const page = await send('GET', '/inbox', { cookie: session });
  const csrf = /X-CSRF-Token&quot;:&quot;([A-Za-z0-9_-]+)&quot;/.exec(page.body)?.[1];
  if (page.status !== 200 || !csrf) throw new Error(`the inbox answered ${page.status} without a CSRF token`);
  return { cookie: session, csrf };
}

/** Sends one request through Fastify's inject (no socket: the same router, hooks and handlers). */
export async function injectRequest(app: FastifyInstance, req: FuzzRequest): Promise<FuzzAnswer> {
  const res = await app.inject({
    method: req.method as 'GET',
    url: req.url,
    headers: req.headers,
    ...(req.body ? { payload: req.body } : {}),
  });
  return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
}

/** Messages that open a human-review escalation and a compliance ticket, so resolving them is fuzzed too. */
export const SEED_MESSAGES: Array<{ contactId: string; message: string }> = [
  { contactId: 'fz-s0', message: 'Hi, I want to sell my house' },
  { contactId: 'fz-s0', message: 'Can I talk to Jorge directly please?' },
  { contactId: 'fz-s1', message: 'Only show me neighborhoods without Black families' },
  { contactId: 'fz-s2', message: 'I want to buy a 3 bedroom under 700k' },
];

/** Sends the seed messages with `send`, then lists what exists for the generator to aim at. */
export async function seedKnownIds(
  send: (method: 'GET' | 'POST', url: string, body?: unknown) => Promise<{ status: number; body: string }>,
): Promise<FuzzTarget['known']> {
  for (const m of SEED_MESSAGES) {
    const r = await send('POST', '/api/v1/sandbox/messages', m);
    if (r.status !== 200) throw new Error(`seed message answered ${r.status}: ${r.body}`);
  }
  const esc = JSON.parse((await send('GET', '/api/v1/escalations?kind=human_review')).body) as {
    escalations: Array<{ id: string }>;
  };
  const tickets = JSON.parse((await send('GET', '/api/v1/compliance/tickets')).body) as {
    tickets: Array<{ id: string }>;
  };
  return {
    escalations: esc.escalations.map((e) => e.id),
    tickets: tickets.tickets.map((t) => t.id),
    contacts: SEED_MESSAGES.map((m) => m.contactId),
  };
}

export { describeRequest, finalize, type SignContext };
