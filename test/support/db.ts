import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresDb } from '../../src/adapters/postgres/db.ts';
import { wrapPglite } from '../../src/adapters/postgres/pglite-db.ts';
import { migrate } from '../../src/adapters/postgres/migrate.ts';
import type { Db } from '../../src/ports.ts';
import { PGLITE_SNAPSHOT } from './global-setup.ts';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; close() drops it. */
  open(): Promise<TestDb>;
}

export interface TestDb {
  db: Db;
  /** For child processes: a DATABASE_URL pointing at the same (Postgres) database and schema. */
  url?: string;
  close(): Promise<void>;
}

export const postgresUrl = process.env.DATABASE_URL;

let warned = false;
/** Warns once per test file when the real PostgreSQL leg is skipped. */
export function warnIfNoPostgres(what: string): void {
  if (!postgresUrl && !warned) {
    warned = true;
    console.warn(`[skip] ${what}: DATABASE_URL is not set, so the PostgreSQL leg is skipped (CI sets it).`);
  }
}

const F_INT8 = 20;

export const pgliteBackend: Backend = {
  name: 'pglite',
  async open() {
    // A migrated data dir snapshot made once per run (global setup) restores in well under a second.
    const snapshot = existsSync(PGLITE_SNAPSHOT) ? new Blob([readFileSync(PGLITE_SNAPSHOT)]) : undefined;
    const lite = await PGlite.create({
      ...(snapshot ? { loadDataDir: snapshot } : {}),
      parsers: { [F_INT8]: Number },
    });
    const db = wrapPglite(lite);
    await migrate(db);
    return { db, close: () => db.close() };
  },
};

/** Each test database is its own schema in the real server, so files run in parallel safely. */
export const postgresBackend: Backend = {
  name: 'postgres',
  async open() {
    if (!postgresUrl) throw new Error('DATABASE_URL is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = createPostgresDb(postgresUrl, { max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const u = new URL(postgresUrl);
    u.searchParams.set('options', `-c search_path=${schema}`);
    const url = u.toString();
    const db = createPostgresDb(url, { max: 12 });
    await migrate(db);
    return {
      db,
      url,
      async close() {
        await db.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  },
};

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export function backends(): Backend[] {
  warnIfNoPostgres('storage tests');
  return postgresUrl ? [pgliteBackend, postgresBackend] : [pgliteBackend];
}
