import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PGLITE_SNAPSHOT = join(tmpdir(), 'jorge-bots-test', 'pglite-migrated.tar.gz');

/** Builds one migrated PGlite data dir per test run; every test database starts from a copy. */
export default async function setup(): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { wrapPglite } = await import('../../src/adapters/postgres/pglite-db.ts');
  const { migrate } = await import('../../src/adapters/postgres/migrate.ts');
  const lite = await PGlite.create();
  await migrate(wrapPglite(lite));
  const blob = await lite.dumpDataDir('gzip');
  mkdirSync(join(tmpdir(), 'jorge-bots-test'), { recursive: true });
  // Written aside and renamed so a concurrent run never reads half a file.
  const tmp = `${PGLITE_SNAPSHOT}.${process.pid}`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, PGLITE_SNAPSHOT);
  await lite.close();
}
