import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDb, PLANNED_EACH_RUN, planEachRun } from '../../src/adapters/postgres/db.ts';
import type { Db } from '../../src/ports.ts';
import { postgresUrl } from '../support/db.ts';

if (!postgresUrl) console.warn('[skip] prepared statements: DATABASE_URL is not set.');

/** The statements this connection keeps prepared whose text mentions `table`. */
const preparedOn = (db: Db, table: string) =>
  db.transaction(async (tx) => {
    const { rows } = await tx.query<{ statement: string }>(
      'SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1 ORDER BY statement',
      [`%${table}%`],
    );
    return rows.map((r) => r.statement);
  });

describe.skipIf(!postgresUrl)('statements kept prepared per connection (PostgreSQL)', () => {
  const table = `prepared_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let admin: Db;

  beforeAll(async () => {
    admin = createPostgresDb(postgresUrl!, { max: 1, preparedStatements: false });
    await admin.exec(`CREATE TABLE ${table} (id int PRIMARY KEY, name text)`);
    await admin.exec(`INSERT INTO ${table} VALUES (1, 'Ana'), (2, 'Luis')`);
  });
  afterAll(async () => {
    await admin?.exec(`DROP TABLE IF EXISTS ${table}`);
    await admin?.close();
  });

  it('a statement with parameters is parsed once per connection and answers the same', async () => {
    const db = createPostgresDb(postgresUrl!, { max: 1 });
    try {
      const select = `SELECT name FROM ${table} WHERE id = $1`;
      const first = await db.query<{ name: string }>(select, [1]);
      const second = await db.query<{ name: string }>(select, [2]);
      expect([first.rows[0]?.name, second.rows[0]?.name]).toEqual(['Ana', 'Luis']);
      // Inside a transaction too, on the same connection (max 1).
      const inTx = await db.transaction((tx) => tx.query<{ name: string }>(select, [1]));
      expect(inTx.rows[0]?.name).toBe('Ana');
      expect(await preparedOn(db, table)).toEqual([select]);
    } finally {
      await db.close();
    }
  });

  it('a keyed statement keeps its plan after five runs; a queue scan is planned on each run and never kept', async () => {
    const db = createPostgresDb(postgresUrl!, { max: 1 });
    try {
      const keyed = `SELECT name FROM ${table} WHERE id = $1`;
      const scan = `${PLANNED_EACH_RUN} SELECT name FROM ${table} WHERE id >= $1 ORDER BY id LIMIT 1`;
      for (let n = 0; n < 8; n++) {
        expect((await db.query<{ name: string }>(keyed, [1])).rows[0]?.name).toBe('Ana');
        expect((await db.query<{ name: string }>(scan, [2])).rows[0]?.name).toBe('Luis');
      }
      const plans = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ statement: string; generic_plans: number; custom_plans: number }>(
          'SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE $1',
          [`%${table}%`],
        );
        return rows;
      });
      // The dashboard's reads go through planEachRun: the same answers, nothing kept.
      const dashboard = planEachRun(db);
      const ranged = `SELECT count(*)::int AS n FROM ${table} WHERE id BETWEEN $1 AND $2`;
      expect((await dashboard.query<{ n: number }>(ranged, [1, 2])).rows[0]?.n).toBe(2);
      const inTx = await dashboard.transaction((tx) => tx.query<{ n: number }>(ranged, [2, 9]));
      expect(inTx.rows[0]?.n).toBe(1);
      expect(plans).toHaveLength(1);
      expect(plans[0]!.statement).toBe(keyed);
      expect((await preparedOn(db, table)).filter((t) => t.includes('count(*)'))).toEqual([]);
      // Planned on the values for five runs, then on none (PostgreSQL's plan_cache_mode = auto).
      expect(Number(plans[0]!.custom_plans)).toBe(5);
      expect(Number(plans[0]!.generic_plans)).toBeGreaterThanOrEqual(3);
    } finally {
      await db.close();
    }
  });

  it('SELECT * is never kept, and DATABASE_PREPARED_STATEMENTS=false keeps nothing', async () => {
    const db = createPostgresDb(postgresUrl!, { max: 1 });
    const off = createPostgresDb(postgresUrl!, { max: 1, preparedStatements: false });
    try {
      await db.query(`SELECT * FROM ${table} WHERE id = $1`, [1]);
      expect(await preparedOn(db, table)).toEqual([]);
      await off.query(`SELECT name FROM ${table} WHERE id > $1`, [0]);
      await off.query(`SELECT name FROM ${table} WHERE id > $1`, [0]);
      expect(await preparedOn(off, table)).toEqual([]);
    } finally {
      await db.close();
      await off.close();
    }
  });

  it('after another process changes a column type under a kept statement, it fails once and then works', async () => {
    const db = createPostgresDb(postgresUrl!, { max: 1 });
    try {
      const select = `SELECT id, name FROM ${table} WHERE id >= $1 ORDER BY id`;
      expect((await db.query(select, [1])).rows).toHaveLength(2);
      // A migration by another replica: the kept plan's result type no longer holds.
      await admin.exec(`ALTER TABLE ${table} ALTER COLUMN name TYPE varchar(40)`);
      const failed = await db.query(select, [1]).then(
        () => null,
        (err: { code?: string }) => err.code,
      );
      // "cached plan must not change result type": the kept statement is dropped and parsed afresh.
      expect(failed).toBe('0A000');
      const again = await db.query<{ id: number; name: string }>(select, [1]);
      expect(again.rows.map((r) => r.name)).toEqual(['Ana', 'Luis']);
    } finally {
      await db.close();
    }
  });

  it('the same inside transactions: a turn redone after the change works on the same connection', async () => {
    const db = createPostgresDb(postgresUrl!, { max: 1 });
    try {
      const select = `SELECT id, name FROM ${table} WHERE id <= $1 ORDER BY id`;
      const inTx = () => db.transaction((tx) => tx.query<{ name: string }>(select, [2]));
      expect((await inTx()).rows).toHaveLength(2);
      await admin.exec(`ALTER TABLE ${table} ALTER COLUMN name TYPE varchar(60)`);
      const failed = await inTx().then(
        () => null,
        (err: { code?: string }) => err.code,
      );
      expect(failed).toBe('0A000');
      expect((await inTx()).rows.map((r) => r.name)).toEqual(['Ana', 'Luis']);
    } finally {
      await db.close();
    }
  });
});

describe.skipIf(!postgresUrl)('a transaction that starts with a setting of its own (PostgreSQL)', () => {
  const table = `begin_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let db: Db;
  beforeAll(async () => {
    db = createPostgresDb(postgresUrl!, { max: 1 });
    await db.exec(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await db?.exec(`DROP TABLE IF EXISTS ${table}`);
    await db?.close();
  });

  it('has the setting inside, not after; and is still one transaction that commits or rolls back whole', async () => {
    const inside = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      await tx.query('SET LOCAL enable_bitmapscan = off');
      await tx.query(`INSERT INTO ${table} VALUES ($1)`, [1]);
      const commit = (await tx.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0];
      const scan = (await tx.query<{ enable_bitmapscan: string }>('SHOW enable_bitmapscan')).rows[0];
      return { ...commit, ...scan };
    });
    // Both settings went out with BEGIN, and both hold inside the transaction only.
    expect(inside).toEqual({ synchronous_commit: 'off', enable_bitmapscan: 'off' });
    expect((await db.query('SHOW enable_bitmapscan')).rows).toEqual([{ enable_bitmapscan: 'on' }]);
    expect((await db.query('SHOW synchronous_commit')).rows).toEqual([{ synchronous_commit: 'on' }]);

    const failed = db.transaction(async (tx) => {
      await tx.query('SET LOCAL synchronous_commit = off');
      await tx.query(`INSERT INTO ${table} VALUES ($1)`, [2]);
      await tx.query(`INSERT INTO ${table} VALUES ($1)`, [1]); // duplicate key
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    const ids = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE id > $1 ORDER BY id`, [0]);
    expect(ids.rows.map((r) => r.id)).toEqual([1]);
  });
});
