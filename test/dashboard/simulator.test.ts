import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { manualClock, SELLER_MESSAGE } from '../follow-ups/helpers.ts';
import { openPage, signIn } from './support.ts';

const TOKEN = 'dashboard-simulator-token-0123456789';

describe('Simulator page', () => {
  let tdb: TestDb;
  let svc: TestService;
  let app: FastifyInstance;
  let cookie: string;
  const post = (url: string, fields: Record<string, string>, csrf: string | null) =>
    app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams({ ...fields, ...(csrf ? { _csrf: csrf } : {}) }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    // Midnight in Rancho Cucamonga: follow-ups fall due outside the lead's window.
    svc = await startTestService(
      tdb,
      { JORGE_API_TOKEN: TOKEN },
      { clock: manualClock('2026-11-23T08:00:00Z'), workers: false },
    );
    app = svc.service.app;
    cookie = await signIn(app, TOKEN);
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('offers bot, language, tags and contact details with labels', async () => {
    const { res } = await openPage(app, cookie, '/simulator');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const label of [
      'Contact id',
      'Bot',
      'Language of the examples',
      'More tags (comma separated)',
      'First name',
      'Email',
      'Phone',
      'State',
      'ZIP code',
      'Message from the lead',
      'Move ahead by',
    ])
      expect(res.body).toContain(`">${label}</label>`);
  });

  it('chats as a lead and shows the reply and exactly what would be sent to GHL', async () => {
    const { csrf } = await openPage(app, cookie, '/simulator');
    const res = await post(
      '/simulator/send',
      {
        contactId: 'sim-a',
        bot: 'seller',
        lang: 'en',
        firstName: 'Ana',
        email: 'ana@example.com',
        state: 'CA',
        channel: 'SMS',
        tags: 'Open-House',
        message: SELLER_MESSAGE,
      },
      csrf,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Conversation with sim-a');
    expect(res.body).toContain('class="bubble out"');
    expect(res.body).toContain('<code>POST /conversations/messages</code>');
    expect(res.body).toContain('<code>POST /contacts/sim-a/tags</code>');
    expect(res.body).toMatch(/&quot;type&quot;: &quot;SMS&quot;/);
    expect(res.body).toContain('Seller-Lead');
    expect(res.body).toContain('Open-House');
    const refused = await post('/simulator/send', { contactId: 'sim-a', message: 'hi' }, null);
    expect(refused.statusCode).toBe(403);
    const bad = await post('/simulator/send', { contactId: 'sim a', message: 'hi' }, csrf);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('contactId: use letters');
  });

  it('moves the sandbox clock by days, running the follow-up when the lead’s morning comes', async () => {
    const { csrf } = await openPage(app, cookie, '/simulator?contact=sim-a');
    const three = await post('/simulator/clock', { contactId: 'sim-a', amount: '3', unit: 'days' }, csrf);
    expect(three.statusCode).toBe(200);
    expect(three.body).toContain('Sandbox clock now 2026-11-26T08:00:00.000Z');
    expect(three.body).toContain('sim-a: day3 pending — outside send window');
    const four = await post('/simulator/clock', { contactId: 'sim-a', amount: '1', unit: 'days' }, csrf);
    expect(four.body).toContain('sim-a: day3 sent (SMS)');
    expect(four.body).toContain('<code>POST /conversations/messages</code>');
    const hours = await post('/simulator/clock', { contactId: 'sim-a', amount: '2', unit: 'hours' }, csrf);
    expect(hours.body).toContain('Sandbox clock now 2026-11-27T10:00:00.000Z');
    const bad = await post('/simulator/clock', { contactId: 'sim-a', amount: '90', unit: 'days' }, csrf);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('at most 60 days');
  });
});
