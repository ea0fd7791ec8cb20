import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactText } from '../../src/observability/logger.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { eventually, startTestService, type TestService, ghlEnv } from '../support/service.ts';

describe('free text in logs', () => {
  it('masks phone numbers and emails but keeps the addresses of our own servers and dates', () => {
    expect(redactText('call +1 (909) 555-0142 or 909.555.0142, mail ana@example.com')).toBe(
      'call [phone] or [phone], mail [email]',
    );
    expect(redactText('connect ECONNREFUSED 127.0.0.1:5432')).toBe('connect ECONNREFUSED 127.0.0.1:5432');
    expect(redactText('redis at 10.20.30.40:6379 refused')).toBe('redis at 10.20.30.40:6379 refused');
    expect(redactText('due 2026-12-04 10:30')).toBe('due 2026-12-04 10:30');
  });
});

describe('a GHL error that echoes the contact reaches neither the logs nor the stored error', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  const contactId = 'piilogs0000000000001';

  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
    });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  it('logs and stores the status and error name only', async () => {
    ghl.seedContact({ id: contactId, firstName: 'Maricela', phone: '+19095550177' });
    // GHL's validation errors are NestJS bodies whose message repeats what was sent.
    ghl.failNext({
      method: 'POST',
      path: /conversations\/messages$/,
      times: 5,
      status: 422,
      body: {
        statusCode: 422,
        message: [
          'Maricela Quintero at 8841 Hellman Ave is not a valid recipient',
          'phone +19095550177 invalid',
        ],
        error: 'Unprocessable Entity',
      },
    });
    const res = await emitWebhook(
      `${svc.url}/webhooks/ghl`,
      inboundMessagePayload({ locationId: ghl.locationId, contactId, body: 'hi, I want to sell my house' }),
    );
    expect(res.status).toBe(200);
    await eventually(
      async () =>
        (await tdb.db.query(`SELECT 1 FROM outbox WHERE contact_id = $1 AND status = 'failed'`, [contactId]))
          .rows.length > 0,
      20_000,
      'the send to fail for good',
    );
    const { rows } = await tdb.db.query<{ last_error: string }>(
      `SELECT last_error FROM outbox WHERE contact_id = $1 AND status = 'failed'`,
      [contactId],
    );
    expect(rows[0]?.last_error).toMatch(/422 Unprocessable Entity/);
    const audit = await tdb.db.query<{ detail: unknown }>(
      `SELECT detail FROM audit_log WHERE contact_id = $1`,
      [contactId],
    );
    const stored = JSON.stringify([rows, audit.rows]);
    const logs = svc.logs.join('\n');
    for (const secret of ['Quintero', 'Hellman', '5550177']) {
      expect(logs).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
    expect(logs).toContain('422');
  });
});
