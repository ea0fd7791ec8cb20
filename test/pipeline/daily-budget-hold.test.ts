import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { eventually, startTestService, type TestService, ghlEnv } from '../support/service.ts';

describe('a location whose GHL day is used up', () => {
  let ghl: FakeGhl;
  let tdb: TestDb;
  let svc: TestService;
  beforeAll(async () => {
    ghl = await startFakeGhl();
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, {
      ...ghlEnv(ghl),
      GHL_RATE_LIMIT_DAILY: '2',
      OUTBOX_RETRY_BASE_MS: '50',
    });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
    await ghl.close();
  });

  it('holds its actions until the day frees up: nothing fails, nothing is escalated', async () => {
    const contactId = 'dailyhold00000000001';
    ghl.seedContact({ id: contactId, phone: '+19095550190' });
    const res = await emitWebhook(
      `${svc.url}/webhooks/ghl`,
      inboundMessagePayload({
        locationId: ghl.locationId,
        contactId,
        body: 'hi, thinking about selling my house',
      }),
    );
    expect(res.status).toBe(200);
    const rows = async () =>
      (
        await tdb.db.query<{ status: string; attempts: number; next_attempt_at: Date }>(
          `SELECT status, attempts, next_attempt_at FROM outbox WHERE contact_id = $1 ORDER BY id`,
          [contactId],
        )
      ).rows;
    await eventually(
      async () =>
        (await rows()).some(
          (r) => r.status === 'pending' && new Date(r.next_attempt_at).getTime() > Date.now() + 3_600_000,
        ),
      15_000,
      'an action held for the day',
    );
    // Long enough for many retry rounds at the 50 ms retry base.
    await new Promise((r) => setTimeout(r, 1_500));
    const after = await rows();
    expect(after.filter((r) => r.status === 'failed')).toEqual([]);
    expect(after.filter((r) => r.status === 'pending').every((r) => r.attempts === 0)).toBe(true);
    const escalations = await tdb.db.query(`SELECT 1 FROM escalations WHERE contact_id = $1`, [contactId]);
    expect(escalations.rows).toEqual([]);
    expect(ghl.requests.length).toBeLessThanOrEqual(2);
  });
});
