import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { wrapPglite } from './db.ts';
import { migrate, readMigrations } from './migrate.ts';

// A new embedded database is a copy of an empty, migrated one. initdb straight into a directory is
// slow (every file written through the WASM file system, then each migration); building the
// database in memory and loading its dump into the directory is faster, and the dump is kept in a
// cache so every later new DATA_DIR (a second checkout, a test run, a reset) only loads it. The
// cache key covers the PGlite version and every migration, so a new migration or upgrade builds a
// fresh one. The cache is only a speed-up: when it cannot be written, nothing else changes.

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

/** The dump of an empty database with every migration applied, from the cache or built now. */
export async function migratedSnapshot(cacheDir = SNAPSHOT_CACHE_DIR): Promise<Blob> {
  const migrations = readMigrations();
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
  const lite = await PGlite.create();
  let dump: Blob;
  try {
    await migrate(wrapPglite(lite), migrations);
    dump = await lite.dumpDataDir('none');
  } finally {
    await lite.close();
  }
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
