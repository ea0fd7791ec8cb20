import { afterEach, describe, expect, it } from 'vitest';
import { postgresOutboxDelivery } from '../../src/adapters/postgres/outbox-delivery.ts';
import { backends, type TestDb } from '../support/db.ts';

const NOW = new Date('2026-12-04T18:00:00Z');

async function queue(tdb: TestDb, contactId: string, kind: string, key: string) {
  await tdb.db.query(`INSERT INTO locations (id) VALUES ('loc1') ON CONFLICT DO NOTHING`);
  await tdb.db.query(
    `INSERT INTO outbox (location_id, contact_id, kind, payload, idempotency_key, next_attempt_at, created_at)
     VALUES ('loc1', $1, $2, $3::jsonb, $4, $5, $5)`,
    [contactId, kind, JSON.stringify({ kind }), key, new Date(NOW.getTime() - 60_000)],
  );
}

describe.each(backends())('the outbox drainer claims replies first ($name)', (backend) => {
  let tdb: TestDb | null = null;
  afterEach(async () => {
    await tdb?.close();
    tdb = null;
  });

  it('with fewer free places than due rows, a lead’s reply goes before other contacts’ earlier CRM writes', async () => {
    tdb = await backend.open();
    // Contacts A and B each had a turn that queued tag, field and task writes; then C's reply.
    for (const c of ['contactA', 'contactB']) {
      await queue(tdb, c, 'add_tags', `${c}-tags`);
      await queue(tdb, c, 'set_fields', `${c}-fields`);
      await queue(tdb, c, 'create_task', `${c}-task`);
    }
    await queue(tdb, 'contactC', 'send_message', 'contactC-reply');

    const first = await postgresOutboxDelivery.claim(tdb.db, { now: NOW, leaseMs: 60_000, limit: 2 });
    expect(first.map((r) => r.kind)).toContain('send_message');
    expect(first).toHaveLength(2);

    // The rest still go out, each contact's lane in order: A's and B's tag writes before their field writes.
    const rest = await postgresOutboxDelivery.claim(tdb.db, { now: NOW, leaseMs: 60_000, limit: 50 });
    const claimed = [...first, ...rest].map((r) => `${r.contact_id}:${r.kind}`);
    expect(claimed).toContain('contactC:send_message');
    expect(claimed.filter((k) => k.endsWith('set_fields'))).toEqual([]);
  });
});
