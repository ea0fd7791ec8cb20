import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDb, isDatabaseUnreachable } from '../../src/adapters/postgres/db.ts';
import type { Db } from '../../src/ports.ts';
import { postgresUrl } from '../support/db.ts';
import { eventually } from '../support/service.ts';
import {
  canRunThrowawayPostgres,
  runSql,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres.ts';

const throwaway = canRunThrowawayPostgres('PostgreSQL stopped and restarted under an open pool');
if (!postgresUrl && !throwaway)
  console.warn(
    '[skip] sessions ended by the server: neither DATABASE_URL nor a throwaway cluster is available.',
  );

const pidOf = async (db: Db) =>
  db.transaction(
    async (tx) => (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid,
  );

/** What a transaction rejected with (the test fails if it resolved). */
async function rejection(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await p;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('the transaction did not fail');
}

// Ending our own session (pg_terminate_backend) is safe on the shared server; stopping the server
// is not, so that part runs only on a throwaway cluster.
describe.skipIf(!postgresUrl && !throwaway)(
  'a session the server ends in the middle of a transaction',
  () => {
    let cluster: ThrowawayPostgres | null = null;
    let url: string;
    let db: Db;
    // Before the fix the ended session was an unhandled 'error' event: in a service, a crash.
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);

    beforeAll(async () => {
      process.on('uncaughtException', onUncaught);
      if (!postgresUrl) cluster = await startThrowawayPostgres();
      url = postgresUrl ?? cluster!.url;
      // One connection: a broken client handed back to the pool would fail the next transaction.
      db = createPostgresDb(url, { max: 1 });
    });
    afterAll(async () => {
      process.off('uncaughtException', onUncaught);
      await db?.close();
      await cluster?.destroy();
    });

    it('between statements: the transaction rejects, the process lives on, the next one succeeds', async () => {
      const err = await rejection(
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          // Returns once the backend has exited, having told our idle client so on its socket.
          await runSql(url, 'SELECT pg_terminate_backend($1, 10000)', [rows[0]!.pid]);
          await tx.query('SELECT 1');
        }),
      );
      expect(isDatabaseUnreachable(err)).toBe(true);
      expect(err.code).toBe('57P01');
      expect(uncaught).toEqual([]);
      expect(await db.transaction(async (tx) => (await tx.query('SELECT 2 AS n')).rows)).toEqual([{ n: 2 }]);
    });

    it('during a statement: the statement rejects with 57P01 and the connection is replaced', async () => {
      const before = await pidOf(db);
      const failed = rejection(db.transaction((tx) => tx.query('SELECT pg_sleep(30)')));
      await eventually(
        async () =>
          (
            await runSql(url, `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND query LIKE '%pg_sleep%'`, [
              before,
            ])
          ).length > 0,
        10_000,
        'the statement to run',
      );
      await runSql(url, 'SELECT pg_terminate_backend($1)', [before]);
      const err = await failed;
      expect(err.code).toBe('57P01');
      expect(isDatabaseUnreachable(err)).toBe(true);
      expect(await pidOf(db)).not.toBe(before);
      expect(uncaught).toEqual([]);
    });

    it('a failing statement is not a lost connection: rolled back, the connection kept', async () => {
      const before = await pidOf(db);
      const err = await rejection(db.transaction((tx) => tx.query('SELECT no_such_column FROM pg_class')));
      expect(err.code).toBe('42703');
      expect(isDatabaseUnreachable(err)).toBe(false);
      expect(await pidOf(db)).toBe(before);
    });

    it('another service refusing a connection inside a transaction is not the database being away', async () => {
      const before = await pidOf(db);
      const outside = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
      const err = await rejection(
        db.transaction(async (tx) => {
          await tx.query('SELECT 1');
          throw outside;
        }),
      );
      expect(err).toBe(outside);
      expect(isDatabaseUnreachable(err)).toBe(false);
      expect(await pidOf(db)).toBe(before);
    });
  },
);

describe.skipIf(!throwaway)('PostgreSQL stopped and restarted under an open pool', () => {
  let cluster: ThrowawayPostgres;
  let db: Db;

  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    db = createPostgresDb(cluster.url, { max: 2 });
  });
  afterAll(async () => {
    await db?.close();
    await cluster?.destroy();
  });

  it('a transaction open across `pg_ctl restart -m fast` rejects; the pool reconnects afterwards', async () => {
    let inside: () => void = () => {};
    const entered = new Promise<void>((r) => {
      inside = r;
    });
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const failed = rejection(
      db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        inside();
        await held;
        await tx.query('SELECT 1');
      }),
    );
    await entered;
    await cluster.restart();
    release();
    expect(isDatabaseUnreachable(await failed)).toBe(true);
    expect(await db.transaction(async (tx) => (await tx.query('SELECT 3 AS n')).rows)).toEqual([{ n: 3 }]);
    expect((await db.query('SELECT 4 AS n')).rows).toEqual([{ n: 4 }]);
  });

  it('while stopped, queries and transactions reject as unreachable; after start they work again', async () => {
    await pidOf(db);
    await cluster.stop();
    for (const attempt of [db.query('SELECT 1'), pidOf(db)]) {
      const err = await rejection(attempt);
      expect(isDatabaseUnreachable(err), String(err)).toBe(true);
    }
    await cluster.start();
    expect(await pidOf(db)).toBeGreaterThan(0);
    expect((await db.query('SELECT 5 AS n')).rows).toEqual([{ n: 5 }]);
  });
});
