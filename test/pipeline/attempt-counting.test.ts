import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { eventually, startTestService, type TestService } from '../support/service.ts';

const LOCATION = 'loc_attempts_0000001';

// Attempts are counted before each turn in a commit of their own. Two services on one database
// (two replicas) race for the same contacts: each event must still be counted exactly once and
// handled in order, or healthy events would drift towards the dead-letter limit.
describe.each(backends())('attempt counting with two workers racing, on $name', (backend) => {
  let tdb: TestDb;
  const services: TestService[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop();
    await tdb?.close();
  });

  it('counts every event once, handles each contact in order, parks nothing', async () => {
    tdb = await backend.open();
    for (let i = 0; i < 2; i++) services.push(await startTestService(tdb, { WORKER_CONCURRENCY: '4' }));
    const contacts = Array.from({ length: 5 }, (_, i) => `ct_attempt_${String(i).padStart(9, '0')}`);
    const sends: Promise<unknown>[] = [];
    for (let round = 0; round < 12; round++) {
      for (const [i, contactId] of contacts.entries()) {
        const svc = services[(round + i) % 2]!;
        sends.push(
          emitWebhook(
            `${svc.url}/webhooks/ghl`,
            inboundMessagePayload({ locationId: LOCATION, contactId, body: `budget about ${300 + round}k` }),
          ),
        );
      }
      await Promise.all(sends.splice(0));
    }
    await eventually(
      async () => {
        const { rows } = await tdb.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM inbox WHERE status = 'pending'`,
        );
        return rows[0]!.n === 0;
      },
      60_000,
      'every event handled',
    );
    const { rows } = await tdb.db.query<{ status: string; attempts: number; n: number }>(
      `SELECT status, attempts, count(*)::int AS n FROM inbox GROUP BY status, attempts`,
    );
    expect(rows).toEqual([{ status: 'done', attempts: 1, n: 60 }]);
    for (const contactId of contacts) {
      const inbound = await tdb.db.query<{ body: string }>(
        `SELECT body FROM messages WHERE contact_id = $1 AND direction = 'inbound' ORDER BY id`,
        [contactId],
      );
      expect(inbound.rows.map((r) => r.body)).toEqual(
        Array.from({ length: 12 }, (_, round) => `budget about ${300 + round}k`),
      );
    }
  }, 120_000);
});
