import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../../src/http/dashboard/session.ts';

/** The session cookie (name=value) a response sets, if any. */
export function sessionCookieFrom(res: LightMyRequestResponse): string | undefined {
  const set = res.headers['set-cookie'];
  const all = Array.isArray(set) ? set : set ? [String(set)] : [];
  const mine = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`) && !c.includes('Max-Age=0'));
  return mine?.split(';')[0];
}

/** Signs in through the form, as a browser would; returns the Cookie header to send afterwards. */
export async function signIn(app: FastifyInstance, token: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/sign-in',
    payload: new URLSearchParams({ token, next: '/inbox' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cookie = sessionCookieFrom(res);
  if (res.statusCode !== 303 || !cookie) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return cookie;
}

/** The CSRF token a page carries (in hx-headers on <body>). */
export function csrfFrom(html: string): string {
  const m = /X-CSRF-Token&quot;:&quot;([A-Za-z0-9_-]+)&quot;/.exec(html);
  if (!m?.[1]) throw new Error('page carries no CSRF token');
  return m[1];
}

/** Opens a page with the session and returns its body and CSRF token. */
export async function openPage(
  app: FastifyInstance,
  cookie: string,
  url: string,
): Promise<{ res: LightMyRequestResponse; csrf: string }> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  return { res, csrf: res.statusCode === 200 ? csrfFrom(res.body) : '' };
}

/** Posts a form as htmx does: urlencoded body, HX-Request, and the CSRF header unless told otherwise. */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  opts: { cookie?: string; csrf?: string | null } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'hx-request': 'true',
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.csrf ? { 'x-csrf-token': opts.csrf } : {}),
    },
  });
}
