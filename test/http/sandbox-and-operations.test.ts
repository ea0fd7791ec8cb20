import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

const TOKEN = 'sandbox-test-token-0123456789';

describe('sandbox API and operations endpoints', () => {
  let tdb: TestDb;
  let svc: TestService;
  const auth = { authorization: `Bearer ${TOKEN}` };
  const sandbox = (body: unknown, headers: Record<string, string> = auth) =>
    postJson(`${svc.url}/api/v1/sandbox/messages`, body, headers);

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { JORGE_API_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('runs a message through the live pipeline and returns the contract fields', async () => {
    const res = await sandbox({
      contactId: 'sb-1',
      message: 'hello',
      tags: ['VIP'],
      contact: { firstName: 'Lupe', email: 'lupe@example.com' },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'bot',
      'contactId',
      'escalations',
      'fields',
      'optedOut',
      'replies',
      'tags',
      'temperature',
    ]);
    expect(res.body.contactId).toBe('sb-1');
    expect(res.body.bot).toBe('lead');
    expect(res.body.replies).toHaveLength(1);
    expect(res.body.replies[0]).toMatchObject({ channel: 'SMS' });
    expect(res.body.replies[0].body).toContain('Lupe');
    expect(res.body.tags).toContain('VIP');
    expect(res.body.tags).toContain('Cold-Lead');
    expect(res.body.fields).toMatchObject({ lead_score: expect.any(Number) });
    expect(res.body.optedOut).toBe(false);
    // The sandbox CRM recorded the SMS it "sent".
    const sent = await tdb.db.query<{ payload: { message: string } }>(
      `SELECT payload FROM sandbox_crm_records WHERE contact_id = 'sb-1' AND kind = 'message'`,
    );
    expect(sent.rows).toHaveLength(1);
    expect(sent.rows[0]!.payload.message).toBe(res.body.replies[0].body);
  });

  it('stays silent for an empty message and for contacts with an off switch', async () => {
    expect((await sandbox({ contactId: 'sb-2', message: '   ' })).body.replies).toEqual([]);
    expect((await sandbox({ contactId: 'sb-3', message: 'hi', tags: ['ai-off'] })).body.replies).toEqual([]);
    expect(
      (await sandbox({ contactId: 'sb-4', message: 'hi', tags: ['Human-Takeover'] })).body.replies,
    ).toEqual([]);
  });

  it('shows the contact with its transcript', async () => {
    await sandbox({ contactId: 'sb-5', message: 'first' });
    await sandbox({ contactId: 'sb-5', message: 'second' });
    const res = await fetch(`${svc.url}/api/v1/contacts/sb-5`, { headers: auth });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(
      body.transcript.map((m: { direction: string; body: string }) => [m.direction, m.body.slice(0, 6)]),
    ).toEqual([
      ['inbound', 'first'],
      ['outbound', body.transcript[1].body.slice(0, 6)],
      ['inbound', 'second'],
      ['outbound', body.transcript[3].body.slice(0, 6)],
    ]);
    // The lead just wrote: the day 3/7/14/30 sequence is planned and nothing has gone out yet.
    expect(body.pendingFollowUps.map((f: { step: string; status: string }) => [f.step, f.status])).toEqual([
      ['day3', 'pending'],
      ['day7', 'pending'],
      ['day14', 'pending'],
      ['day30', 'pending'],
    ]);
    const missing = await fetch(`${svc.url}/api/v1/contacts/nobody`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('requires the bearer token when one is configured', async () => {
    const res = await sandbox({ contactId: 'sb-6', message: 'hi' }, {});
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(
      (await sandbox({ contactId: 'sb-6', message: 'hi' }, { authorization: 'Bearer wrong' })).status,
    ).toBe(401);
    expect((await fetch(`${svc.url}/api/v1/contacts/sb-1`)).status).toBe(401);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const missing = await sandbox({ message: 'hi' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('contactId');
    const wrongType = await sandbox({ contactId: 'x', message: 42 });
    expect(wrongType.body.error.message).toContain('message');
    const badChannel = await sandbox({ contactId: 'x', message: 'hi', channel: 'Fax' });
    expect(badChannel.body.error.message).toContain('channel');
    const badJson = await sandbox('{"contactId":');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('invalid_json');
    expect(typeof badJson.body.error.requestId).toBe('string');
  });

  it('reports health, readiness, metrics and the OpenAPI description', async () => {
    expect(await (await fetch(`${svc.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${svc.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      modes: { crm: 'sandbox', database: expect.stringContaining('pglite') },
    });
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    for (const name of [
      'jorge_webhooks_total',
      'jorge_turn_duration_seconds',
      'jorge_crm_calls_total',
      'jorge_rate_limit_waits_total',
      'jorge_outbox_depth',
      'jorge_outbox_oldest_age_seconds',
    ]) {
      expect(metrics).toContain(name);
    }
    expect(metrics).toMatch(/jorge_turn_duration_seconds_count\{bot="lead"\} [1-9]/);
    const spec = (await (await fetch(`${svc.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/webhooks/ghl',
      '/api/v1/sandbox/messages',
      '/api/v1/contacts/{id}',
      '/healthz',
      '/readyz',
      '/metrics',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect((await fetch(`${svc.url}/docs`)).status).toBeLessThan(400);
    const unknown = await fetch(`${svc.url}/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('serves the dashboard page', async () => {
    const res = await fetch(`${svc.url}/`, { headers: auth });
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('sb-1');
    expect(html).toContain('sandbox');
  });
});
