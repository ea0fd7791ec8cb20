import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/http/dashboard/inbox.ts';
import { backends, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';
import { openPage, signIn } from './support.ts';

const TOKEN = 'dashboard-paging-token-0123456789ab';
// More than two pages, and most of them changed at the very same moment (a bulk import from the
// CRM does that), so the order within a tie decides what the next page holds.
const BULK = 2 * PAGE_SIZE + 7;
const TIED = PAGE_SIZE + 3;

const unescapeAmp = (s: string) => s.replaceAll('&amp;', '&');
const contactIds = (html: string) =>
  [...html.matchAll(/href="\/contacts\/sandbox\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1] ?? ''));
const moreLink = (html: string) => {
  const m = /<li class="more" id="inbox-more"><a href="([^"]+)" hx-get="([^"]+)"/.exec(html);
  return m ? { page: unescapeAmp(m[1] ?? ''), rows: unescapeAmp(m[2] ?? '') } : null;
};

describe.each(backends())('Inbox paging on $name', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  let app: FastifyInstance;
  let cookie: string;
  const all = new Set<string>();

  beforeAll(async () => {
    tdb = await backend.open();
    svc = await startTestService(tdb, { JORGE_API_TOKEN: TOKEN }, { workers: false });
    app = svc.service.app;
    // One lead through the real pipeline (newest), then a bulk of imported contacts.
    const res = await postJson(
      `${svc.url}/api/v1/sandbox/messages`,
      { contactId: 'live-lead', message: 'hi, thinking of selling', contact: { firstName: 'Lina' } },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(res.status).toBe(200);
    await tdb.db.query(
      `INSERT INTO contacts (location_id, id, first_name, updated_at)
       SELECT 'sandbox', 'bulk-' || lpad(i::text, 3, '0'), 'Bulk' || i,
              CASE WHEN i <= ${TIED} THEN timestamptz '2026-01-05 10:00:00.123456+00'
                   ELSE timestamptz '2026-01-05 10:00:00.123456+00' - make_interval(secs => i * 0.0003) END
         FROM generate_series(1, ${BULK}) i`,
    );
    const { rows } = await tdb.db.query<{ id: string }>(
      `SELECT id FROM contacts WHERE location_id = 'sandbox'`,
    );
    for (const r of rows) all.add(r.id);
    expect(all.size).toBe(BULK + 1);
    cookie = await signIn(app, TOKEN);
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('shows every conversation exactly once across pages, following "Load more" without JavaScript', async () => {
    const seen: string[] = [];
    let url: string | null = '/inbox';
    let pages = 0;
    while (url) {
      const { res } = await openPage(app, cookie, url);
      expect(res.statusCode).toBe(200);
      const ids = contactIds(res.body);
      expect(ids.length).toBeLessThanOrEqual(PAGE_SIZE);
      if (pages > 0) expect(res.body).toContain('Back to the newest conversations');
      seen.push(...ids);
      url = moreLink(res.body)?.page ?? null;
      pages++;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(Math.ceil(all.size / PAGE_SIZE));
    expect(seen[0]).toBe('live-lead');
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(all);
  });

  it('"Load more" through htmx appends the next page and keeps count, and a live refresh keeps every loaded row', async () => {
    const first = await app.inject({ url: '/inbox/rows', headers: { cookie, 'hx-request': 'true' } });
    const seen = contactIds(first.body);
    expect(seen).toHaveLength(PAGE_SIZE);
    expect(first.body).toContain(`${PAGE_SIZE} conversations, more below`);
    let more = moreLink(first.body);
    while (more) {
      const next = await app.inject({ url: more.rows, headers: { cookie, 'hx-request': 'true' } });
      expect(next.statusCode).toBe(200);
      expect(next.body).not.toContain('<ul');
      seen.push(...contactIds(next.body));
      // The count on screen, swapped out of band, is what the next live refresh asks for.
      expect(next.body).toContain(`id="inbox-shown" name="shown" value="${seen.length}" hx-swap-oob="true"`);
      more = moreLink(next.body);
    }
    expect(new Set(seen)).toEqual(all);
    expect(seen).toHaveLength(all.size);

    const refreshed = await app.inject({
      url: `/inbox/rows?shown=${seen.length}`,
      headers: { cookie, 'hx-request': 'true' },
    });
    expect(contactIds(refreshed.body)).toEqual(seen);
    expect(moreLink(refreshed.body)).toBeNull();
  });

  it('keeps the filters on the next page', async () => {
    const { res } = await openPage(app, cookie, '/inbox?q=bulk');
    expect(contactIds(res.body)).not.toContain('live-lead');
    const next = moreLink(res.body);
    expect(next?.page).toMatch(/^\/inbox\?q=bulk&after=/);
    const page2 = await openPage(app, cookie, next?.page as string);
    expect(contactIds(page2.res.body).every((id) => id.startsWith('bulk-'))).toBe(true);
  });

  it('a made-up page position or count is a 400 naming it', async () => {
    for (const after of ['nonsense!', Buffer.from('["yesterday","sandbox","x"]').toString('base64url')]) {
      const res = await app.inject({ url: `/inbox?after=${encodeURIComponent(after)}`, headers: { cookie } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('after is not a place in the inbox');
    }
    const shown = await app.inject({ url: '/inbox/rows?shown=-1', headers: { cookie } });
    expect(shown.statusCode).toBe(400);
    expect(shown.body).toContain('shown must be a whole number');
  });
});
