import type { FastifyInstance } from 'fastify';
import { html } from './escape.ts';
import { type DashboardDeps, PAGE_ROUTE, sendPage } from './page.ts';

/** Only a path on this site, never `//other.host` or a scheme: sign-in must not redirect away. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/[A-Za-z0-9]/.test(next) && next.length <= 512 ? next : '/inbox';
}

function signInForm(next: string, error?: string) {
  return html`<div class="card" style="max-width:28rem">
<h1>Sign in</h1>
${error ? html`<p class="error" role="alert" id="sign-in-error">${error}</p>` : ''}
<form method="post" action="/sign-in">
<input type="hidden" name="next" value="${next}">
<label for="token">API token</label>
<input type="password" id="token" name="token" autocomplete="current-password" required${
    error ? html` aria-describedby="sign-in-error" aria-invalid="true"` : ''
  }>
<p class="muted">The service's JORGE_API_TOKEN.</p>
<button type="submit">Sign in</button>
</form>
</div>`;
}

/**
 * GET/POST /sign-in and POST /sign-out. The sign-in form needs no CSRF token: there is one
 * account, so a forged sign-in could only sign the victim into their own dashboard.
 */
export async function signInPages(scope: FastifyInstance, deps: DashboardDeps): Promise<void> {
  const { sessions } = deps;
  const now = () => deps.clock.now().getTime();

  scope.get<{ Querystring: { next?: string } }>('/sign-in', PAGE_ROUTE, async (req, reply) => {
    if (!sessions.required || (await sessions.read(req.headers.cookie, now()))) {
      return reply.redirect(safeNext(req.query.next), 303);
    }
    return sendPage(reply, req, { title: 'Sign in', body: signInForm(safeNext(req.query.next)) });
  });

  scope.post<{ Body: { token?: unknown; next?: unknown } }>('/sign-in', PAGE_ROUTE, async (req, reply) => {
    const next = safeNext(req.body?.next);
    if (!sessions.required) return reply.redirect(next, 303);
    const token = req.body?.token;
    if (typeof token !== 'string' || !sessions.tokenMatches(token)) {
      return sendPage(reply, req, {
        title: 'Sign in',
        status: 401,
        body: signInForm(next, 'That token is not right. Check JORGE_API_TOKEN and try again.'),
      });
    }
    const { cookie } = await sessions.issue(now());
    return reply.header('set-cookie', sessions.setCookie(cookie, true)).redirect(next, 303);
  });

  // Ends the session server-side too: a copy of the cookie (another tab, a shared machine's
  // history, a proxy log) no longer opens anything.
  scope.post('/sign-out', PAGE_ROUTE, async (req, reply) => {
    if (req.dashboardSession) await sessions.revoke(req.dashboardSession);
    return reply.header('set-cookie', sessions.setCookie(null, true)).redirect('/sign-in', 303);
  });
}
