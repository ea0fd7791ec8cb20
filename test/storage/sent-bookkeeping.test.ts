import { afterEach, describe, expect, it } from 'vitest';
import { postgresOutboxDelivery } from '../../src/adapters/postgres/outbox-delivery.ts';
import { postgresStores } from '../../src/adapters/postgres/stores.ts';
import { createSentBookkeeping } from '../../src/app/outbox/sent-bookkeeping.ts';
import type { Db } from '../../src/ports.ts';
import { backends, type TestDb } from '../support/db.ts';

const NOW = new Date('2026-12-04T18:00:00Z');

/** The real database, counting the transactions begun through it. */
function counting(db: Db): { db: Db; transactions: () => number } {
  let n = 0;
  return {
    db: {
      ...db,
      transaction: (fn) => {
        n++;
        return db.transaction(fn);
      },
    },
    transactions: () => n,
  };
}

async function claimReplies(tdb: TestDb, contacts: number) {
  await tdb.db.query(`INSERT INTO locations (id) VALUES ('loc1') ON CONFLICT DO NOTHING`);
  for (let i = 0; i < contacts; i++) {
    const received = new Date(NOW.getTime() - 5_000 - i);
    const { rows } = await tdb.db.query<{ id: number }>(
      `INSERT INTO inbox (location_id, contact_id, kind, source, webhook_id, payload, received_at)
       VALUES ('loc1', $1, 'inbound_message', 'webhook', $2, '{}'::jsonb, $3) RETURNING id`,
      [`c${i}`, `w${i}`, received],
    );
    await tdb.db.query(
      `INSERT INTO outbox (location_id, contact_id, inbox_id, kind, payload, idempotency_key, next_attempt_at, created_at)
       VALUES ('loc1', $1, $2, 'send_message', '{"kind":"send_message"}'::jsonb, $3, $4, $4)`,
      [`c${i}`, rows[0]?.id, `reply-${i}`, new Date(NOW.getTime() - 1_000)],
    );
  }
  return postgresOutboxDelivery.claim(tdb.db, { now: NOW, leaseMs: 60_000, limit: 100 });
}

describe.each(backends())('sent bookkeeping in groups ($name)', (backend) => {
  let tdb: TestDb | null = null;
  afterEach(async () => {
    await tdb?.close();
    tdb = null;
  });

  it('replies finished together are recorded sent in a few transactions, each with its own result', async () => {
    tdb = await backend.open();
    const rows = await claimReplies(tdb, 20);
    expect(rows).toHaveLength(20);
    const c = counting(tdb.db);
    const book = createSentBookkeeping({
      db: c.db,
      delivery: postgresOutboxDelivery,
      stores: postgresStores,
    });
    const outcomes = await Promise.all(
      rows.map((row, i) =>
        book.record({
          entries: [{ id: row.id, result: { messageId: `m${i}` }, at: NOW }],
          message: { row, messageId: `m${i}`, at: NOW },
        }),
      ),
    );
    // Every caller learns when its lead wrote (for the end-to-end latency metric).
    for (const o of outcomes) expect(o.sent.inboxReceivedAt).toBeInstanceOf(Date);
    expect(c.transactions()).toBeLessThanOrEqual(2);
    const { rows: stored } = await tdb.db.query<{ status: string; mid: string; n: number }>(
      `SELECT status, result->>'messageId' AS mid, count(*)::int AS n FROM outbox GROUP BY 1, 2`,
    );
    expect(stored).toHaveLength(20);
    expect(stored.every((r) => r.status === 'sent' && r.n === 1)).toBe(true);
  });

  it('a step whose result cannot be written fails alone; the others in its group are recorded', async () => {
    tdb = await backend.open();
    const rows = await claimReplies(tdb, 5);
    const book = createSentBookkeeping({
      db: tdb.db,
      delivery: postgresOutboxDelivery,
      stores: postgresStores,
    });
    const settled = await Promise.allSettled(
      rows.map((row, i) =>
        book.record({
          // A BigInt has no JSON form: this one step's result cannot be stored.
          entries: [{ id: row.id, result: i === 2 ? { size: 1n } : { ok: true }, at: NOW }],
        }),
      ),
    );
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const { rows: stored } = await tdb.db.query<{ id: number; status: string }>(
      `SELECT id, status FROM outbox ORDER BY id`,
    );
    expect(stored.map((r) => r.status)).toEqual(['sent', 'sent', 'sending', 'sent', 'sent']);
  });
});
