import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDb } from '../../src/adapters/postgres/db.ts';
import { pendingMigrations, readMigrations } from '../../src/adapters/postgres/migrate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'jorge-migrate-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// `npm run migrate` is `tsx src/migrate-main.ts`; run the same entry point the way the Job does.
function runMigrate(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/migrate-main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run migrate', () => {
  it('migrates a fresh PGlite directory, exits 0, and finds nothing to do the second time', async () => {
    const first = runMigrate({ DATA_DIR: dataDir });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Applied ${readMigrations().length} migration(s)`);

    const second = runMigrate({ DATA_DIR: dataDir });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('schema is current');

    const db = await createPgliteDb(dataDir);
    try {
      expect(await pendingMigrations(db)).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('exits non-zero and names the problem when the configuration is invalid', () => {
    const bad = runMigrate({ DATA_DIR: dataDir, DATABASE_URL: 'mysql://nope' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('DATABASE_URL');
  });
});
