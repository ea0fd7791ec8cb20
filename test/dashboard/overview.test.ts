import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChart, hBarChart, niceMax } from '../../src/http/dashboard/charts.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { SELLER_MESSAGE } from '../follow-ups/helpers.ts';
import { openPage, signIn } from './support.ts';

const TOKEN = 'dashboard-overview-token-0123456789';

describe('Overview page', () => {
  let tdb: TestDb;
  let svc: TestService;
  let app: FastifyInstance;
  let cookie: string;
  const now = Date.parse('2026-03-02T19:00:00Z');

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { JORGE_API_TOKEN: TOKEN },
      { clock: { now: () => new Date(now) }, workers: false },
    );
    app = svc.service.app;
    cookie = await signIn(app, TOKEN);
    const say = (contactId: string, message: string, tags: string[]) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/sandbox/messages',
        headers: { authorization: `Bearer ${TOKEN}` },
        payload: { contactId, message, tags },
      });
    expect((await say('ov-1', SELLER_MESSAGE, ['Seller-Lead'])).statusCode).toBe(200);
    expect((await say('ov-2', 'Hi, looking to buy a home', ['Buyer-Lead'])).statusCode).toBe(200);
    expect((await say('ov-2', 'About 600k, in the next 2 months', ['Buyer-Lead'])).statusCode).toBe(200);
    expect((await say('ov-3', 'STOP', [])).statusCode).toBe(200);
    await tdb.db.query(
      `INSERT INTO model_usage (location_id, contact_id, task, agent, model, outcome, prompt_mode, cost_usd, created_at)
       VALUES ('sandbox', 'ov-1', 'reply', 'direct', 'claude', 'used', 'all', 0.42, $1)`,
      [new Date(now - 3_600_000)],
    );
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('charts leads, funnel, response times, opt-outs and spend as server-rendered SVG with text', async () => {
    const { res } = await openPage(app, cookie, '/overview?days=7&sandbox=1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<strong>3</strong> new leads');
    expect(res.body).toContain('<strong>1</strong> opt-outs');
    expect(res.body).toContain('<strong>$0.42</strong> model spend');
    expect(res.body).toMatch(/<strong>[\d.]+ s<\/strong> median response/);
    expect(res.body).toContain('role="img"');
    expect(res.body).toContain('<title id="leads-day-t">New leads by day</title>');
    // The funnel's text alternative, readable without the picture.
    expect(res.body).toContain('New: 3; Engaged: 1 (33%); Qualified:');
    expect(res.body).toContain('Leads by temperature');
    expect(res.body).toContain('<summary>New leads by day as a table</summary>');
    expect(res.body).not.toContain('<script>');
  });

  it('leaves simulator conversations out unless asked, and names a bad period', async () => {
    const { res } = await openPage(app, cookie, '/overview');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<strong>0</strong> new leads');
    const bad = await app.inject({ method: 'GET', url: '/overview?days=12', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('days must be one of: 7, 30, 90');
  });

  it('draws bars to a round scale and describes empty data', () => {
    expect(niceMax(7)).toBe(10);
    expect(niceMax(0)).toBe(1);
    const svg = barChart(
      [
        { label: '2026-03-01', value: 4 },
        { label: '2026-03-02', value: 1 },
      ],
      { id: 'x', title: 'T' },
    ).value;
    expect(svg).toContain('<desc id="x-d">2 values, total 5; highest 2026-03-01: 4.</desc>');
    expect(hBarChart([], { id: 'y', title: 'Empty' }).value).toContain('No data for this period.');
  });
});
