import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDb } from '../../src/adapters/postgres/db.ts';
import { pendingMigrations } from '../../src/adapters/postgres/migrate.ts';
import { migratedSnapshot } from '../../src/adapters/postgres/pglite-snapshot.ts';

const work = mkdtempSync(join(tmpdir(), 'jorge-snapshot-'));
const cache = join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a new embedded data directory', () => {
  it('starts as a copy of a migrated database, kept in a cache for the next new directory', async () => {
    const first = await createPgliteDb(join(work, 'a'), { template: () => migratedSnapshot(cache) });
    expect(await pendingMigrations(first)).toEqual([]);
    await first.exec("INSERT INTO schema_migrations (version) VALUES ('999_marker')");
    await first.close();
    const [snapshot] = readdirSync(cache);
    expect(snapshot).toMatch(/^pglite-migrated-[0-9a-f]{16}\.tar$/);
    const built = statSync(join(cache, snapshot!)).mtimeMs;

    // Reopened, the directory keeps what was written: it is a real database, not the snapshot.
    const reopened = await createPgliteDb(join(work, 'a'), { template: () => migratedSnapshot(cache) });
    const marker = await reopened.query("SELECT 1 FROM schema_migrations WHERE version = '999_marker'");
    expect(marker.rows).toHaveLength(1);
    await reopened.close();

    // Another new directory loads the cached snapshot (not rebuilt) and does not see the first's rows.
    const second = await createPgliteDb(join(work, 'b'), { template: () => migratedSnapshot(cache) });
    expect(await pendingMigrations(second)).toEqual([]);
    expect((await second.query("SELECT 1 FROM schema_migrations WHERE version = '999_marker'")).rows).toEqual(
      [],
    );
    await second.close();
    expect(statSync(join(cache, snapshot!)).mtimeMs).toBe(built);
  }, 120_000);
});
