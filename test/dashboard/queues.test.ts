import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { openPage, postForm, signIn } from './support.ts';

const TOKEN = 'dashboard-queues-token-0123456789';
const T0 = Date.parse('2026-03-02T16:00:00Z');

describe('Queues page', () => {
  let tdb: TestDb;
  let svc: TestService;
  let app: FastifyInstance;
  let cookie: string;
  let now = T0;

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      { JORGE_API_TOKEN: TOKEN, AGENT_PHONE: '+19095550111', ESCALATION_SLA_MINUTES: '30' },
      { clock: { now: () => new Date(now) }, workers: false },
    );
    app = svc.service.app;
    cookie = await signIn(app, TOKEN);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/sandbox/messages',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: {
        contactId: 'q-lead',
        message: 'Can I talk to Jorge directly please?',
        contact: { firstName: 'Rosa', lastName: 'Diaz' },
      },
    });
    expect(res.statusCode).toBe(200);
    await tdb.db.query(
      `INSERT INTO contacts (location_id, id, first_name) VALUES ('sandbox', 'q-ticket', 'Tom')`,
    );
    await tdb.db.query(
      `INSERT INTO compliance_tickets (id, location_id, contact_id, violation_type, rule, created_at)
       VALUES ('ct_older', 'sandbox', 'q-ticket', 'fair_housing', 'steering', $1)`,
      [new Date(T0 - 3_600_000)],
    );
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  const escalationId = async () =>
    (await tdb.db.query<{ id: string }>(`SELECT id FROM escalations WHERE contact_id = 'q-lead'`)).rows[0]!
      .id;

  it('lists open escalations and tickets oldest first, with names and the SLA clock', async () => {
    const { res } = await openPage(app, cookie, '/queues');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<h1>Queues</h1>');
    expect(res.body).toContain('2 open');
    const ticketAt = res.body.indexOf('fair_housing: steering');
    const escAt = res.body.indexOf('Rosa Diaz');
    expect(ticketAt).toBeGreaterThan(0);
    expect(escAt).toBeGreaterThan(ticketAt);
    expect(res.body).toContain('asked for a person');
    expect(res.body).toContain('SLA: 30 min left');
    expect(res.body).toMatch(/<label for="note-[^"]+">Resolution note<\/label>/);
    expect(res.body).toContain('aria-current="page"');
  });

  it('shows an escalation past its SLA as overdue, and who has been alerted', async () => {
    now = T0 + 45 * 60_000;
    await svc.service.escalationAlerts.runSandbox();
    const { res } = await openPage(app, cookie, '/queues');
    expect(res.body).toContain('Overdue by 15 min');
    expect(res.body).toContain('agent alerted again');
  });

  it('refuses a pick-up without the CSRF token, and stops the re-alerts with it', async () => {
    const id = await escalationId();
    const { csrf } = await openPage(app, cookie, '/queues');
    const refused = await postForm(app, `/queues/escalations/${id}/pick-up`, {}, { cookie, csrf: null });
    expect(refused.statusCode).toBe(403);
    const ok = await postForm(app, `/queues/escalations/${id}/pick-up`, {}, { cookie, csrf });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Picked up by dashboard');
    now = T0 + 3 * 3_600_000;
    expect(await svc.service.escalationAlerts.runSandbox()).toEqual([]);
    const again = await postForm(app, `/queues/escalations/${id}/pick-up`, {}, { cookie, csrf });
    expect(again.statusCode).toBe(409);
  });

  it('resolves with a note (a note is required), and the item leaves the queue', async () => {
    const id = await escalationId();
    const { csrf } = await openPage(app, cookie, '/queues');
    const empty = await postForm(app, `/queues/escalations/${id}/resolve`, { note: ' ' }, { cookie, csrf });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('note: write what was done');
    const done = await postForm(
      app,
      `/queues/escalations/${id}/resolve`,
      { note: 'Called her back' },
      { cookie, csrf },
    );
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Resolved; the bot answers this lead again.');
    expect(done.body).not.toContain('Rosa Diaz');
    const row = await tdb.db.query<{ status: string; resolution_note: string }>(
      `SELECT status, resolution_note FROM escalations WHERE id = $1`,
      [id],
    );
    expect(row.rows[0]).toEqual({ status: 'resolved', resolution_note: 'Called her back' });
    const ticket = await postForm(
      app,
      '/queues/tickets/ct_older/resolve',
      { note: 'Reviewed, fine' },
      { cookie, csrf },
    );
    expect(ticket.statusCode).toBe(200);
    expect(ticket.body).toContain('Nothing is waiting for a person.');
    const missing = await postForm(app, '/queues/tickets/ct_nope/resolve', { note: 'x' }, { cookie, csrf });
    expect(missing.statusCode).toBe(404);
  });
});
