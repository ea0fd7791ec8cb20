import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createInboxWriter, InboxRowRejected } from '../../src/adapters/postgres/inbox-repo.ts';
import type { InboxEvent } from '../../src/ports/inbox-event.ts';
import { backends, type TestDb } from '../support/db.ts';

const event = (n: number, messageId = `m${n}`): InboxEvent => ({
  locationId: 'L1',
  contactId: `C${n}`,
  source: 'marketplace',
  webhookId: `w${n}`,
  messageId,
  payload: { kind: 'inbound_message', channel: 'SMS', body: `text ${n}` },
});

describe.each(backends())('inbox group commit with a row the database refuses, on $name', (backend) => {
  let t: TestDb;
  afterEach(async () => {
    await t?.close();
  });

  it('fails only the refused row; every other row of the same batch is stored once', async () => {
    t = await backend.open();
    const w = createInboxWriter(t.db);
    // All written in one tick, so they share one multi-row INSERT.
    const good = Array.from({ length: 60 }, (_, i) => w.write(event(i)));
    const refused = w.write(event(999, randomBytes(4000).toString('hex')));
    const duplicate = w.write(event(7));
    const settled = await Promise.allSettled([...good, refused, duplicate]);
    const outcome = settled.map((s) =>
      s.status === 'rejected' ? 'rejected' : s.value.accepted ? 'accepted' : 'duplicate',
    );
    expect(outcome.slice(0, 60).every((o) => o === 'accepted')).toBe(true);
    expect(outcome[60]).toBe('rejected');
    expect((settled[60] as PromiseRejectedResult).reason).toBeInstanceOf(InboxRowRejected);
    expect(outcome[61]).toBe('duplicate');
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox');
    expect(rows[0]!.n).toBe(60);
  });
});
