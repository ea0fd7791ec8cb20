import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDb } from '../../src/adapters/postgres/pglite-db.ts';
import { migrate, pendingMigrations, readMigrations } from '../../src/adapters/postgres/migrate.ts';
import { migratedSnapshot, shippedSnapshot } from '../../src/adapters/postgres/pglite-snapshot.ts';

const work = mkdtempSync(join(tmpdir(), 'jorge-snapshot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const marker = "SELECT 1 FROM schema_migrations WHERE version = '999_marker'";

describe('a new embedded data directory', () => {
  it('on a fresh clone starts from the shipped migrated database (npm run db:snapshot keeps it usable)', async () => {
    // null when PGlite was upgraded or a shipped migration was edited: start-up falls back to building.
    expect(shippedSnapshot()).not.toBeNull();
    const cache = join(work, 'cache-shipped');
    const db = await createPgliteDb(join(work, 'a'), { template: () => migratedSnapshot(cache) });
    await migrate(db);
    expect(await pendingMigrations(db)).toEqual([]);
    await db.exec("INSERT INTO schema_migrations (version) VALUES ('999_marker')");
    await db.close();
    expect(readdirSync(join(work))).not.toContain('cache-shipped'); // nothing had to be built

    // Reopened, the directory keeps what was written: it is a real database, not the snapshot.
    const reopened = await createPgliteDb(join(work, 'a'), { template: () => migratedSnapshot(cache) });
    expect((await reopened.query(marker)).rows).toHaveLength(1);
    await reopened.close();
  }, 120_000);

  it('when the shipped one does not match the migrations, is built once and cached', async () => {
    const cache = join(work, 'cache-built');
    const all = readMigrations();
    // The first migration is in every shipped snapshot (the last may be newer than the shipped one).
    const edited = [{ ...all[0]!, sql: `${all[0]!.sql}\n-- edited\n` }, ...all.slice(1)];
    const template = () => migratedSnapshot(cache, edited);
    const first = await createPgliteDb(join(work, 'b'), { template });
    expect(await pendingMigrations(first, edited)).toEqual([]);
    await first.close();
    const [snapshot] = readdirSync(cache);
    expect(snapshot).toMatch(/^pglite-migrated-[0-9a-f]{16}\.tar$/);
    const built = statSync(join(cache, snapshot!)).mtimeMs;

    const second = await createPgliteDb(join(work, 'c'), { template });
    expect(await pendingMigrations(second, edited)).toEqual([]);
    await second.close();
    expect(statSync(join(cache, snapshot!)).mtimeMs).toBe(built);
  }, 120_000);
});
