import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/adapters/postgres/data-dir-lock.ts';
import { createPgliteDb } from '../../src/adapters/postgres/pglite-db.ts';
import { pendingMigrations, readMigrations } from '../../src/adapters/postgres/migrate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'jorge-migrate-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });

function run(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

// `npm run migrate` is `tsx src/migrate-main.ts`; the image runs the bundle of `npm run build`.
const migrateFromSources = (env: Record<string, string>) =>
  run(['--import', 'tsx', 'src/migrate-main.ts'], env);

describe('npm run migrate, and the bundle the image runs', () => {
  it('migrates a fresh PGlite directory, exits 0, and finds nothing to do the second time', async () => {
    const first = migrateFromSources({ DATA_DIR: dataDir });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Applied ${readMigrations().length} migration(s)`);

    const second = migrateFromSources({ DATA_DIR: dataDir });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('schema is current');

    const db = await createPgliteDb(dataDir);
    try {
      expect(await pendingMigrations(db)).toEqual([]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses an embedded data directory a running service holds, naming that process', () => {
    const held = mkdtempSync(join(tmpdir(), 'jorge-migrate-held-'));
    // This test process stands for the running service: its pid is alive and not the command's.
    const lock = lockDataDir(held);
    try {
      const refused = migrateFromSources({ DATA_DIR: held });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(String(process.pid));
      // Nothing was opened or written beside the service's lock.
      expect(readdirSync(held)).toEqual(['jorge-bots.lock']);
    } finally {
      lock.release();
      rmSync(held, { recursive: true, force: true });
    }
  });

  it('exits non-zero and names the problem when the configuration is invalid', () => {
    const bad = migrateFromSources({ DATA_DIR: dataDir, DATABASE_URL: 'mysql://nope' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('DATABASE_URL');
  });

  it('npm run build makes a bundle that finds the migrations and starts ready without migrating', async () => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(build.status, build.stderr).toBe(0);

    // The bundle resolves migrations/ from its own location: a wrong depth would find none.
    const migrate = run(['dist/app/bin/migrate-main.mjs'], { DATA_DIR: dataDir });
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain(`(${readMigrations().length} migrations applied)`);

    const child = spawn(process.execPath, ['dist/app/bin/main.mjs'], {
      cwd: ROOT,
      env: { ...baseEnv(), DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', MIGRATE_ON_START: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`bundle did not start:\n${out}`)), 60_000);
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(t);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`bundle exited with ${code}:\n${out}`)));
      });
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { status: string }).status).toBe('ready');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 150_000);
});
