// npm run db:snapshot — rebuilds migrations/snapshot/: an empty PGlite database with every migration
// applied, which a new embedded DATA_DIR starts from. Run it after adding migrations or upgrading
// PGlite; until then new data directories load the older dump and apply the newer migrations.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSnapshot, SHIPPED_SNAPSHOT, snapshotManifest } from '../src/adapters/postgres/pglite-snapshot.ts';
import { readMigrations } from '../src/adapters/postgres/migrate.ts';

const migrations = readMigrations();
const dump = await buildSnapshot(migrations, 'gzip');
mkdirSync(dirname(SHIPPED_SNAPSHOT), { recursive: true });
writeFileSync(SHIPPED_SNAPSHOT, Buffer.from(await dump.arrayBuffer()));
writeFileSync(
  join(dirname(SHIPPED_SNAPSHOT), 'pglite.json'),
  `${JSON.stringify(snapshotManifest(migrations), null, 2)}\n`,
);
process.stdout.write(`${SHIPPED_SNAPSHOT}: ${migrations.length} migrations, ${dump.size} bytes\n`);
