import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { csrfFrom, postForm, sessionCookieFrom, signIn } from './support.ts';

const TOKEN = 'dashboard-sign-in-token-0123456789';

describe('dashboard sign-in, sessions and CSRF with JORGE_API_TOKEN set', () => {
  let tdb: TestDb;
  let svc: TestService;
  let app: FastifyInstance;
  let now = Date.parse('2026-03-02T16:00:00Z');

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { JORGE_API_TOKEN: TOKEN },
      { clock: { now: () => new Date(now) }, workers: false },
    );
    app = svc.service.app;
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('a page opened without a session sends the browser to sign in, and back afterwards', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2F');
    const form = await app.inject({ method: 'GET', url: '/sign-in?next=%2Finbox' });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(form.body).toContain('<label for="token">API token</label>');
    expect(form.body).toContain('name="next" value="/inbox"');
  });

  it('a wrong token is refused with the form again and no cookie', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: `token=${TOKEN}x&next=%2Finbox`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('That token is not right');
    expect(sessionCookieFrom(res)).toBeUndefined();
  });

  it('the right token gives a secure, HttpOnly, SameSite cookie that opens the dashboard', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: `token=${TOKEN}&next=%2F%2Fevil.example`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(303);
    // Never redirected off the site, whatever `next` says.
    expect(res.headers.location).toBe('/inbox');
    const set = String(res.headers['set-cookie']);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).toContain('Secure');
    const cookie = sessionCookieFrom(res) as string;
    const home = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/inbox');
  });

  it('a forged or expired session is refused', async () => {
    const cookie = await signIn(app, TOKEN);
    const forged = `${cookie.slice(0, -2)}xx`;
    expect(
      (await app.inject({ method: 'GET', url: '/', headers: { cookie: forged } })).headers.location,
    ).toMatch(/^\/sign-in/);
    now += 13 * 60 * 60 * 1000;
    const expired = await app.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toMatch(/^\/sign-in/);
    const htmx = await app.inject({ method: 'GET', url: '/', headers: { cookie, 'hx-request': 'true' } });
    expect(htmx.statusCode).toBe(401);
    expect(htmx.headers['hx-redirect']).toBe('/sign-in');
    expect(htmx.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('a form posted without the CSRF token, or with a wrong one, changes nothing (403)', async () => {
    const cookie = await signIn(app, TOKEN);
    const page = await app.inject({ method: 'GET', url: '/sign-in', headers: { cookie } });
    expect(page.statusCode).toBe(303);
    for (const csrf of [null, 'not-the-token']) {
      const res = await postForm(app, '/sign-out', {}, { cookie, csrf });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('reload the page');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('signing out clears the cookie', async () => {
    const cookie = await signIn(app, TOKEN);
    const page = await app.inject({ method: 'GET', url: '/inbox', headers: { cookie } });
    expect(page.body).toContain('Sign out');
    const res = await postForm(app, '/sign-out', {}, { cookie, csrf: csrfFrom(page.body) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in');
    expect(String(res.headers['set-cookie'])).toContain('jorge_session=; Max-Age=0');
  });

  it('signing out ends the session server-side: a copy of the cookie opens nothing afterwards', async () => {
    const cookie = await signIn(app, TOKEN);
    const copy = cookie;
    const otherTab = await signIn(app, TOKEN);
    const page = await app.inject({ method: 'GET', url: '/inbox', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const out = await postForm(app, '/sign-out', {}, { cookie, csrf: csrfFrom(page.body) });
    expect(out.statusCode).toBe(303);
    const replayed = await app.inject({ method: 'GET', url: '/inbox', headers: { cookie: copy } });
    expect(replayed.statusCode).toBe(303);
    expect(replayed.headers.location).toBe('/sign-in?next=%2Finbox');
    const htmx = await app.inject({
      method: 'GET',
      url: '/inbox/rows',
      headers: { cookie: copy, 'hx-request': 'true' },
    });
    expect(htmx.statusCode).toBe(401);
    expect(htmx.headers['hx-redirect']).toBe('/sign-in');
    // The sign-in page asks for the token again instead of treating the copy as signed in.
    const form = await app.inject({ method: 'GET', url: '/sign-in', headers: { cookie: copy } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="token">API token</label>');
    // Only that sign-in ended: another one of the same realtor still works.
    expect(
      (await app.inject({ method: 'GET', url: '/inbox', headers: { cookie: otherTab } })).statusCode,
    ).toBe(200);
  });

  it('keeps only a digest of the session id, and drops expired sign-ins when someone signs in', async () => {
    const cookie = await signIn(app, TOKEN);
    const id = cookie.split('=')[1]?.split('.')[0] as string;
    const { rows } = await tdb.db.query<{ id_digest: string }>(`SELECT id_digest FROM dashboard_sessions`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id_digest.includes(id))).toBe(false);
    now += 13 * 60 * 60 * 1000;
    const fresh = await signIn(app, TOKEN);
    const left = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dashboard_sessions`);
    expect(left.rows[0]?.n).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/inbox', headers: { cookie: fresh } })).statusCode).toBe(
      200,
    );
  });

  it('the session cookie does not open the API, which still wants the bearer token', async () => {
    const cookie = await signIn(app, TOKEN);
    const api = await app.inject({ method: 'GET', url: '/api/v1/escalations', headers: { cookie } });
    expect(api.statusCode).toBe(401);
    const bearer = await app.inject({
      method: 'GET',
      url: '/',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(bearer.statusCode).toBe(303);
    expect(bearer.headers.location).toBe('/inbox');
  });

  it('serves htmx and the stylesheet from the service itself, without a session', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/htmx.min.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('htmx');
    const css = await app.inject({ method: 'GET', url: '/assets/dashboard.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });
});

describe('dashboard without JORGE_API_TOKEN (loopback only)', () => {
  let tdb: TestDb;
  let svc: TestService;

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {}, { workers: false });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('opens without signing in, yet a form from another page (no CSRF token) is refused', async () => {
    const app = svc.service.app;
    const signInPage = await app.inject({ method: 'GET', url: '/sign-in' });
    expect(signInPage.statusCode).toBe(303);
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/inbox');
    const cookie = sessionCookieFrom(home) as string;
    expect(cookie).toBeDefined();
    const refused = await postForm(app, '/sign-out', {}, { cookie });
    expect(refused.statusCode).toBe(403);
    expect(() => csrfFrom(refused.body)).not.toThrow();
  });
});
