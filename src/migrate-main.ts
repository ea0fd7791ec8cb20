import { type DataDirLock, lockDataDir } from './adapters/postgres/data-dir-lock.ts';
import { createPostgresDb } from './adapters/postgres/db.ts';
import { createPgliteDb } from './adapters/postgres/pglite-db.ts';
import { migrate, readMigrations } from './adapters/postgres/migrate.ts';
import { loadConfigOrExit } from './config.ts';

/**
 * `npm run migrate`: applies the pending migrations to the configured database (DATABASE_URL, else
 * the PGlite directory DATA_DIR) and exits, 0 when the schema is current. Deployments run it once per
 * release (a Kubernetes Job, a compose one-shot service) and start replicas with MIGRATE_ON_START=false.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // An embedded data directory is the running service's own: the same lock keeps the two apart
  // (a DataDirInUseError names the process holding it and ends in the catch below).
  let lock: DataDirLock | null = null;
  if (!config.DATABASE_URL) lock = lockDataDir(config.DATA_DIR);
  process.on('exit', () => lock?.release());
  const db = config.DATABASE_URL
    ? createPostgresDb(config.DATABASE_URL, { max: 1 })
    : await createPgliteDb(config.DATA_DIR);
  try {
    const applied = await migrate(db);
    const total = readMigrations().length;
    process.stdout.write(
      applied.length > 0
        ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n`
        : `Database schema is current (${total} migrations applied)\n`,
    );
  } finally {
    await db.close();
    lock?.release();
  }
}

main().catch((err) => {
  process.stderr.write(`Migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
