import { afterEach, describe, expect, it } from 'vitest';
import { postgresInboxQueue } from '../../src/adapters/postgres/inbox-repo.ts';
import type { ClaimedEvent, ClaimRound } from '../../src/ports/inbox-store.ts';
import type { Db } from '../../src/ports.ts';
import { type Backend, pgliteBackend, postgresBackend, postgresUrl, type TestDb } from '../support/db.ts';

const LOC = 'loc-claims';
const round = (r: Partial<ClaimRound> = {}): ClaimRound => ({
  limit: 50,
  scan: 500,
  leaseMs: 10_000,
  maxAttempts: 3,
  skip: [],
  ...r,
});

async function receive(db: Db, contactId: string, body: string): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO inbox (location_id, contact_id, kind, source, message_id, payload)
     VALUES ($1, $2, 'inbound_message', 'test', $3, $4::jsonb) RETURNING id`,
    [
      LOC,
      contactId,
      `m-${contactId}-${body}`,
      JSON.stringify({ kind: 'inbound_message', channel: 'SMS', body }),
    ],
  );
  return rows[0]!.id;
}

const bodies = (claims: ClaimedEvent[]) =>
  claims.map((c) =>
    c.kind === 'claimed' ? (c.row.payload as { body: string }).body : `exhausted ${c.contactId}`,
  );

const backends: Backend[] = [pgliteBackend, ...(postgresUrl ? [postgresBackend] : [])];

// The worker's claim round: one statement that takes the oldest pending event of many contacts at
// once. What it must never do is hand out a contact's later event while an earlier one is waiting
// or running, or one contact's events to two workers at once.
describe.each(backends)('a claim round on $name', (backend) => {
  let tdb: TestDb;
  afterEach(async () => {
    await tdb?.close();
  });

  it("takes each contact's oldest pending event, oldest first, and never a later one while it runs", async () => {
    tdb = await backend.open();
    const { db } = tdb;
    const a1 = await receive(db, 'A', 'a1');
    await receive(db, 'B', 'b1');
    await receive(db, 'A', 'a2');
    await receive(db, 'C', 'c1');
    await receive(db, 'B', 'b2');
    const first = await postgresInboxQueue.claimRound(db, round());
    expect(bodies(first)).toEqual(['a1', 'b1', 'c1']);
    expect(first.every((c) => c.kind === 'claimed' && c.attempt === 1)).toBe(true);
    // a1, b1 and c1 are running: a2 and b2 wait for them.
    expect(await postgresInboxQueue.claimRound(db, round())).toEqual([]);
    await postgresInboxQueue.markDone(db, a1, new Date());
    expect(bodies(await postgresInboxQueue.claimRound(db, round()))).toEqual(['a2']);
  });

  it('stops at the limit and leaves alone the contacts this process runs', async () => {
    tdb = await backend.open();
    const { db } = tdb;
    for (const c of ['A', 'B', 'C', 'D']) await receive(db, c, `${c.toLowerCase()}1`);
    expect(bodies(await postgresInboxQueue.claimRound(db, round({ limit: 2, skip: [`${LOC}/A`] })))).toEqual([
      'b1',
      'c1',
    ]);
    expect(bodies(await postgresInboxQueue.claimRound(db, round()))).toEqual(['a1', 'd1']);
  });

  it('takes an event over once its claim lapsed, and reports one out of attempts instead of claiming it', async () => {
    tdb = await backend.open();
    const { db } = tdb;
    await receive(db, 'A', 'a1');
    await receive(db, 'B', 'b1');
    await db.query(`UPDATE inbox SET attempts = 3 WHERE contact_id = 'B'`);
    const first = await postgresInboxQueue.claimRound(db, round());
    expect(bodies(first)).toEqual(['a1', 'exhausted B']);
    // The worker holding a1 died: after the lease another takes it, as attempt 2.
    await new Promise((r) => setTimeout(r, 30));
    const again = await postgresInboxQueue.claimRound(db, round({ leaseMs: 10 }));
    expect(again.filter((c) => c.kind === 'claimed').map((c) => c.kind === 'claimed' && c.attempt)).toEqual([
      2,
    ]);
    const { rows } = await db.query<{ attempts: number }>(
      `SELECT attempts FROM inbox WHERE contact_id = 'B'`,
    );
    expect(rows[0]!.attempts).toBe(3);
  });
});

describe.skipIf(!postgresUrl)('claim rounds racing on PostgreSQL', () => {
  let tdb: TestDb;
  afterEach(async () => {
    await tdb?.close();
  });

  it('leaves a contact alone while another worker holds its lock', async () => {
    tdb = await postgresBackend.open();
    const { db } = tdb;
    await receive(db, 'A', 'a1');
    await receive(db, 'B', 'b1');
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const holder = db.transaction(async (tx) => {
      expect(await postgresInboxQueue.tryLockContact(tx, LOC, 'A')).toBe(true);
      locked();
      await held;
    });
    await isLocked;
    expect(bodies(await postgresInboxQueue.claimRound(db, round()))).toEqual(['b1']);
    release();
    await holder;
    expect(bodies(await postgresInboxQueue.claimRound(db, round()))).toEqual(['a1']);
  });

  it('many rounds at once: no event claimed twice, no contact twice, always its oldest event', async () => {
    tdb = await postgresBackend.open();
    const { db } = tdb;
    const contacts = Array.from({ length: 40 }, (_, i) => `R${i}`);
    for (let n = 1; n <= 3; n++) for (const c of contacts) await receive(db, c, `${c}-${n}`);
    const rounds = await Promise.all(
      Array.from({ length: 16 }, () => postgresInboxQueue.claimRound(db, round({ limit: 8 }))),
    );
    const claimed = rounds.flat().flatMap((c) => (c.kind === 'claimed' ? [c.row] : []));
    expect(claimed.length).toBeGreaterThan(0);
    expect(new Set(claimed.map((r) => r.id)).size).toBe(claimed.length);
    expect(new Set(claimed.map((r) => r.contact_id)).size).toBe(claimed.length);
    for (const r of claimed) expect((r.payload as { body: string }).body).toBe(`${r.contact_id}-1`);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox WHERE attempts > 0`);
    expect(rows[0]!.n).toBe(claimed.length);
  });
});
