import { afterEach, describe, expect, it } from 'vitest';
import { createInboxWriter } from '../../src/adapters/postgres/inbox-repo.ts';
import { migrate, pendingMigrations } from '../../src/adapters/postgres/migrate.ts';
import { claimOutbox, enqueueOutbox, markOutboxEachSent } from '../../src/adapters/postgres/outbox-repo.ts';
import { backends, type TestDb } from '../support/db.ts';

describe.each(backends())('storage on $name', (backend) => {
  let t: TestDb;
  afterEach(async () => {
    await t?.close();
  });

  it('applies the migrations once; running them again changes nothing', async () => {
    t = await backend.open();
    expect(await migrate(t.db)).toEqual([]);
    expect(await pendingMigrations(t.db)).toEqual([]);
    const { rows } = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const name of [
      'locations',
      'contacts',
      'conversations',
      'messages',
      'inbox',
      'outbox',
      'audit_log',
      'schema_migrations',
    ]) {
      expect(tables).toContain(name);
    }
  });

  it('stores each event once: a repeated webhookId or messageId is a duplicate', async () => {
    t = await backend.open();
    const w = createInboxWriter(t.db);
    const ev = (webhookId: string | undefined, messageId: string | undefined) => ({
      locationId: 'L1',
      contactId: 'C1',
      source: 'marketplace' as const,
      ...(webhookId ? { webhookId } : {}),
      ...(messageId ? { messageId } : {}),
      payload: { kind: 'inbound_message' as const, channel: 'SMS' as const, body: 'hi' },
    });
    // Written concurrently so they share one batch, as under load.
    const results = await Promise.all([
      w.write(ev('w1', 'm1')),
      w.write(ev('w1', 'm1')),
      w.write(ev('w2', 'm1')),
      w.write(ev('w3', 'm3')),
      w.write(ev(undefined, 'm4')),
    ]);
    expect(results.map((r) => r.accepted)).toEqual([true, false, false, true, true]);
    expect((await w.write(ev('w3', 'm9'))).accepted).toBe(false);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox');
    expect(rows[0]!.n).toBe(3);
  });

  it('hands out outbox actions oldest first, one per contact at a time, never the same one twice', async () => {
    t = await backend.open();
    const now = new Date();
    for (const [i, contact] of ['A', 'A', 'B'].entries()) {
      await enqueueOutbox(t.db, {
        locationId: 'L',
        contactId: contact,
        inboxId: null,
        action: { kind: 'add_note', body: `n${i}` },
        idempotencyKey: `k${i}`,
        at: now,
      });
    }
    expect(
      await enqueueOutbox(t.db, {
        locationId: 'L',
        contactId: 'A',
        inboxId: null,
        action: { kind: 'add_note', body: 'dup' },
        idempotencyKey: 'k0',
        at: now,
      }),
    ).toBeNull();
    const first = await claimOutbox(t.db, { now, leaseMs: 60_000, limit: 10 });
    expect(first.map((r) => [r.contact_id, r.payload])).toEqual([
      ['A', { kind: 'add_note', body: 'n0' }],
      ['B', { kind: 'add_note', body: 'n2' }],
    ]);
    // A's second action waits for its first; nothing else is free while both are leased.
    expect(await claimOutbox(t.db, { now, leaseMs: 60_000, limit: 10 })).toEqual([]);
    await markOutboxEachSent(t.db, [{ id: first[0]!.id, result: {}, at: now }]);
    const second = await claimOutbox(t.db, { now, leaseMs: 60_000, limit: 10 });
    expect(second.map((r) => r.payload)).toEqual([{ kind: 'add_note', body: 'n1' }]);
    // A lease that ran out (the worker died) is claimed again, with the attempt counted.
    const later = new Date(now.getTime() + 61_000);
    const retaken = await claimOutbox(t.db, { now: later, leaseMs: 60_000, limit: 10 });
    expect(retaken.map((r) => [r.contact_id, r.attempts])).toEqual([
      ['A', 2],
      ['B', 2],
    ]);
  });
});
