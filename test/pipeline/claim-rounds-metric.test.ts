import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { eventually, startTestService, type TestService } from '../support/service.ts';

/** The sum of jorge_queue_claims_total's series for one queue and result. */
function claims(text: string, queue: string, result: string): number {
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('jorge_queue_claims_total{') &&
        l.includes(`queue="${queue}"`) &&
        l.includes(`result="${result}"`),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe.each(backends())('claim rounds show in /metrics ($name)', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  const scrape = async () => (await fetch(`${svc.url}/metrics`)).text();

  beforeAll(async () => {
    tdb = await backend.open();
    svc = await startTestService(tdb);
  });
  afterAll(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  it('counts the rounds that claimed an inbound message and its CRM steps, and the idle rounds that found nothing', async () => {
    const res = await emitWebhook(
      `${svc.url}/webhooks/ghl`,
      inboundMessagePayload({
        locationId: 'loc-claims',
        contactId: 'claimsA000000000001',
        body: 'hi, thinking of selling',
      }),
    );
    expect(res.status).toBe(200);
    await eventually(async () => {
      const { rows } = await tdb.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE contact_id = 'claimsA000000000001' AND status = 'sent'`,
      );
      return (rows[0]?.n ?? 0) > 0;
    });
    const busy = await scrape();
    expect(claims(busy, 'inbox', 'rows')).toBeGreaterThanOrEqual(1);
    expect(claims(busy, 'outbox', 'rows')).toBeGreaterThanOrEqual(1);
    // Nothing more arrives: the workers poll at their idle interval and find nothing.
    const emptyBefore = claims(busy, 'inbox', 'empty') + claims(busy, 'outbox', 'empty');
    await eventually(
      async () => {
        const idle = await scrape();
        return claims(idle, 'inbox', 'empty') + claims(idle, 'outbox', 'empty') > emptyBefore;
      },
      5_000,
      'an empty claim round',
    );
    const after = await scrape();
    expect(claims(after, 'inbox', 'rows')).toBe(claims(busy, 'inbox', 'rows'));
  });
});
