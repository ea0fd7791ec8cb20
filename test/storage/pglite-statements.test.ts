import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimInIdOrder } from '../../src/adapters/postgres/claim-order.ts';
import { PLANNED_EACH_RUN } from '../../src/adapters/postgres/db.ts';
import type { Db } from '../../src/ports.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';

// The embedded database as the service uses it: statements sent whole, kept parsed by text, one
// transaction at a time on PGlite's one connection.
describe('statements on the embedded database (PGlite)', () => {
  let tdb: TestDb;
  let db: Db;
  beforeEach(async () => {
    tdb = await pgliteBackend.open();
    db = tdb.db;
    await db.exec(
      `CREATE TABLE t_kinds (id int PRIMARY KEY, at timestamptz, doc jsonb, tags text[], raw bytea, ok boolean, note text)`,
    );
  });
  afterEach(async () => {
    await tdb?.close();
  });

  const prepared = async () =>
    (
      await db.query<{ statement: string }>(
        `SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%t_kinds%' ORDER BY statement`,
      )
    ).rows.map((r) => r.statement);

  it('a statement with parameters is parsed once and answers the same, in a transaction too', async () => {
    const insert = 'INSERT INTO t_kinds (id, note) VALUES ($1, $2)';
    const select = 'SELECT note FROM t_kinds WHERE id = $1';
    await db.query(insert, [1, 'Ana']);
    await db.transaction((tx) => tx.query(insert, [2, 'Luis']));
    expect((await db.query<{ note: string }>(select, [1])).rows[0]?.note).toBe('Ana');
    expect((await db.transaction((tx) => tx.query<{ note: string }>(select, [2]))).rows[0]?.note).toBe(
      'Luis',
    );
    expect(await prepared()).toEqual([insert, select]);
  });

  it("a transaction's settings hold inside it and nowhere else", async () => {
    const setting = "SELECT current_setting('synchronous_commit') AS v";
    const inside = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      await tx.query('INSERT INTO t_kinds (id, note) VALUES ($1, $2)', [1, 'first statement']);
      return (await tx.query<{ v: string }>(setting)).rows[0]?.v;
    });
    expect(inside).toBe('off');
    expect((await db.query<{ v: string }>(setting)).rows[0]?.v).toBe('on');
    expect((await db.query<{ note: string }>('SELECT note FROM t_kinds')).rows).toEqual([
      { note: 'first statement' },
    ]);
  });

  it('a queue scan is planned on each run and never kept', async () => {
    await db.query('INSERT INTO t_kinds (id, note) VALUES ($1, $2), ($3, $4)', [1, 'a', 2, 'b']);
    const scan = `${PLANNED_EACH_RUN} SELECT note FROM t_kinds WHERE id >= $1 ORDER BY id LIMIT 1`;
    expect((await db.query<{ note: string }>(scan, [2])).rows[0]?.note).toBe('b');
    expect((await prepared()).filter((s) => s.includes('LIMIT 1'))).toEqual([]);
  });

  it('a queue claim that reads in id order keeps its statement, and sees the rows added after', async () => {
    const claim = `${PLANNED_EACH_RUN} SELECT note FROM t_kinds WHERE id >= $1 ORDER BY id LIMIT 1`;
    const claimRound = (from: number) =>
      db.transaction(async (tx) => {
        await claimInIdOrder(tx);
        return (await tx.query<{ note: string }>(claim, [from])).rows[0]?.note;
      });
    expect(await claimRound(1)).toBeUndefined();
    for (let i = 0; i < 8; i++) await claimRound(1);
    expect((await prepared()).filter((t) => t.includes(PLANNED_EACH_RUN))).toEqual([claim]);
    // Rows added after the plan was kept (none when it was made) are still found, in id order.
    await db.query('INSERT INTO t_kinds (id, note) SELECT g, $1 || g FROM generate_series(1, 3000) g', ['n']);
    expect(await claimRound(2500)).toBe('n2500');
    // Outside such a transaction the same text is planned on each run: nothing else is kept.
    expect((await db.query<{ note: string }>(claim.replace('LIMIT 1', 'LIMIT 2'), [1])).rows).toHaveLength(2);
    expect((await prepared()).filter((t) => t.includes(PLANNED_EACH_RUN))).toEqual([claim]);
  });

  it('takes parameters as node-postgres sends them to PostgreSQL', async () => {
    const at = new Date('2026-12-04T18:30:00.000Z');
    const doc = { lead: 'Ana', budget: 650000, areas: ['Etiwanda'] };
    const raw = Buffer.from([0, 1, 2, 250]);
    await db.query(
      'INSERT INTO t_kinds (id, at, doc, tags, raw, ok, note) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [7, at, doc, ['Hot-Seller', 'AI-Off'], raw, true, null],
    );
    const { rows } = await db.query<{
      id: number;
      at: Date;
      doc: unknown;
      tags: string[];
      raw: Uint8Array;
      ok: boolean;
      note: null;
      n: number;
    }>('SELECT id, at, doc, tags, raw, ok, note, count(*) OVER () AS n FROM t_kinds');
    const row = rows[0]!;
    expect(row.at.toISOString()).toBe(at.toISOString());
    expect(row.doc).toEqual(doc);
    expect(row.tags).toEqual(['Hot-Seller', 'AI-Off']);
    expect([...row.raw]).toEqual([0, 1, 2, 250]);
    expect([row.id, row.ok, row.note, row.n]).toEqual([7, true, null, 1]);
  });

  it('a statement that fails on its first run reports the database error and runs next time', async () => {
    const insert = 'INSERT INTO t_kinds (id, note) VALUES ($1, $2) RETURNING id';
    await db.exec(`INSERT INTO t_kinds (id, note) VALUES (1, 'taken')`);
    await expect(db.query(insert, [1, 'again'])).rejects.toMatchObject({ code: '23505' });
    expect((await db.query<{ id: number }>(insert, [2, 'free'])).rows).toEqual([{ id: 2 }]);
    await expect(db.query(insert, [2, 'again'])).rejects.toMatchObject({ code: '23505' });
    expect((await db.query<{ id: number }>(insert, [3, 'free'])).rows).toEqual([{ id: 3 }]);
  });

  it('a transaction that throws stores nothing; one whose statement failed does not commit', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t_kinds (id, note) VALUES ($1, $2)', [1, 'lost']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t_kinds (id, note) VALUES ($1, $2)', [2, 'lost too']);
        await tx.query('INSERT INTO t_kinds (id, note) VALUES ($1, $2)', [2, 'twice']).catch(() => {});
      }),
    ).rejects.toThrow(/rolled back/);
    expect((await db.query('SELECT id FROM t_kinds')).rows).toEqual([]);
  });

  it('a statement outside a transaction waits until the transaction ends', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const tx = db.transaction(async (t) => {
      await t.query('INSERT INTO t_kinds (id, note) VALUES ($1, $2)', [1, 'inside']);
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    let seen: number | undefined;
    const outside = db.query<{ n: number }>('SELECT count(*) AS n FROM t_kinds').then((r) => {
      seen = r.rows[0]?.n;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toBeUndefined();
    release();
    await Promise.all([tx, outside]);
    expect(seen).toBe(1);
  });
});
