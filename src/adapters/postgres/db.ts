import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db, Sql } from '../../ports.ts';

// int8 (bigserial ids, counts) arrives as a JS number from both drivers; our ids stay far below 2^53.
const INT8 = 20;

/** PostgreSQL over a pg pool. */
export function createPostgresDb(connectionString: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
    },
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    query: async (text, params) => {
      const r = await pool.query(text, params as unknown[]);
      return { rows: r.rows };
    },
    exec: async (text) => {
      await pool.query(text);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Sql = {
          query: async (text, params) => ({ rows: (await client.query(text, params as unknown[])).rows }),
        };
        const out = await fn(tx);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Embedded PostgreSQL (WASM) in `dataDir`, or in memory when `dataDir` is undefined. */
export async function createPgliteDb(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: { [INT8]: Number } });
  return wrapPglite(lite);
}

export function wrapPglite(lite: PGlite): Db {
  return {
    kind: 'pglite',
    query: async (text, params) => {
      const r = await lite.query(text, params as unknown[]);
      return { rows: r.rows as never[] };
    },
    exec: async (text) => {
      await lite.exec(text);
    },
    transaction: (fn) =>
      lite.transaction(async (t) =>
        fn({
          query: async (text, params) => ({
            rows: (await t.query(text, params as unknown[])).rows as never[],
          }),
        }),
      ),
    close: () => lite.close(),
  };
}
