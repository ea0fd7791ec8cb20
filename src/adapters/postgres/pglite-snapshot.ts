import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { wrapPglite } from './pglite-db.ts';
import { type Migration, migrate, readMigrations } from './migrate.ts';

// A new embedded database is a copy of an empty, migrated one. initdb straight into a directory is
// slow (every file written through the WASM file system, then each migration); building the
// database in memory and loading its dump into the directory is faster, and the dump is kept in a
// cache so every later new DATA_DIR (a second checkout, a test run, a reset) only loads it. The
// cache key covers the PGlite version and every migration, so a new migration or upgrade builds a
// fresh one. The cache is only a speed-up: when it cannot be written, nothing else changes. A fresh
// clone has no cache yet, so a dump is shipped too (migrations/snapshot): loading it and applying the
// migrations added since is faster still than building one.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SNAPSHOT_CACHE_DIR = join(ROOT, 'node_modules/.cache/jorge-bots');

function pgliteVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
    );
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

/** Shipped with the code: an empty database with the migrations its manifest lists (npm run db:snapshot). */
export const SHIPPED_SNAPSHOT = join(ROOT, 'migrations/snapshot/pglite.tar.gz');
const SHIPPED_MANIFEST = join(ROOT, 'migrations/snapshot/pglite.json');

interface Manifest {
  pglite: string;
  /** Each migration in the dump with the sha256 of its SQL. */
  migrations: { version: string; sha256: string }[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function snapshotManifest(migrations: Migration[]): Manifest {
  return {
    pglite: pgliteVersion(),
    migrations: migrations.map((m) => ({ version: m.version, sha256: sha256(m.sql) })),
  };
}

/**
 * The shipped dump when it was made by this PGlite version from migrations that are still the
 * first ones, unchanged (the caller's migrate() applies the newer ones); otherwise null.
 */
export function shippedSnapshot(migrations = readMigrations()): Blob | null {
  try {
    const manifest = JSON.parse(readFileSync(SHIPPED_MANIFEST, 'utf8')) as Manifest;
    if (manifest.pglite !== pgliteVersion()) return null;
    const current = snapshotManifest(migrations).migrations;
    const same = manifest.migrations.every(
      (m, i) => current[i]?.version === m.version && current[i]?.sha256 === m.sha256,
    );
    return same ? new Blob([readFileSync(SHIPPED_SNAPSHOT)]) : null;
  } catch {
    return null;
  }
}

/** A dump of an empty database with every migration applied, in memory. */
export async function buildSnapshot(migrations = readMigrations(), compression: 'none' | 'gzip' = 'none') {
  const lite = await PGlite.create();
  try {
    await migrate(wrapPglite(lite), migrations);
    return await lite.dumpDataDir(compression);
  } finally {
    await lite.close();
  }
}

/**
 * The dump a new data directory starts from: the cached one made for exactly these migrations, else
 * the shipped one (older migrations only: the caller applies the rest), else one built now and cached.
 */
export async function migratedSnapshot(
  cacheDir = SNAPSHOT_CACHE_DIR,
  migrations = readMigrations(),
): Promise<Blob> {
  const key = createHash('sha256')
    .update(pgliteVersion())
    .update(JSON.stringify(migrations))
    .digest('hex')
    .slice(0, 16);
  const file = join(cacheDir, `pglite-migrated-${key}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    // not built yet
  }
  const shipped = shippedSnapshot(migrations);
  if (shipped) return shipped;
  const dump = await buildSnapshot(migrations);
  await save(file, dump);
  return dump;
}

/**
 * Written aside and renamed so no reader ever sees half a file. Uncompressed (about 40 MB): writing
 * and loading it is faster than gzip, and a start-up must not lose the race to save it.
 */
async function save(file: string, dump: Blob): Promise<void> {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  } catch {
    // a read-only install: every new data directory builds its own copy
  }
}
