// npm run mcp — the lead tools over MCP stdio, for a desktop assistant on the realtor's machine.
// stdout carries the protocol, so every log line and message goes to stderr.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { DataDirInUseError, type DataDirLock, lockDataDir } from '../adapters/postgres/data-dir-lock.ts';
import { createPostgresDb } from '../adapters/postgres/db.ts';
import { createPgliteDb } from '../adapters/postgres/pglite-db.ts';
import { migrate } from '../adapters/postgres/migrate.ts';
import { postgresStores } from '../adapters/postgres/stores.ts';
import { loadConfigOrExit } from '../config.ts';
import { createLogger } from '../observability/logger.ts';
import type { Db } from '../ports.ts';
import { createMcpDeps } from './deps.ts';
import { createMcpServer } from './server.ts';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.LOG_LEVEL, destination: process.stderr });

  // An embedded database belongs to one process: PGlite does not guard against a second one opening
  // the same directory, and two writers would corrupt it.
  if (!config.DATABASE_URL && existsSync(join(config.DATA_DIR, 'postmaster.pid'))) {
    process.stderr.write(
      `The embedded database in ${config.DATA_DIR} is open in another process (is the service running?).\n` +
        'Use the service’s /mcp endpoint instead, or set DATABASE_URL to a PostgreSQL server.\n' +
        `If nothing else uses it, delete ${join(config.DATA_DIR, 'postmaster.pid')} (left by a crash) and retry.\n`,
    );
    process.exit(1);
  }
  // The same lock the service takes, so a service started later is refused too.
  let lock: DataDirLock | null = null;
  if (!config.DATABASE_URL) {
    try {
      lock = lockDataDir(config.DATA_DIR);
    } catch (err) {
      if (!(err instanceof DataDirInUseError)) throw err;
      process.stderr.write(`${err.message}\nUse the service’s /mcp endpoint instead.\n`);
      process.exit(1);
    }
  }
  process.on('exit', () => lock?.release());
  const db: Db = config.DATABASE_URL
    ? createPostgresDb(config.DATABASE_URL, {
        max: 4,
        preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
      })
    : await createPgliteDb(config.DATA_DIR);
  await migrate(db);

  const server = createMcpServer(createMcpDeps({ db, stores: postgresStores, config }), { logger });
  const transport = new StdioServerTransport();

  let closing = false;
  const shutdown = async (why: string) => {
    if (closing) return;
    closing = true;
    logger.info({ why }, 'mcp stdio server stopping');
    await server.close().catch(() => {});
    await db.close().catch(() => {});
    lock?.release();
    process.exit(0);
  };
  transport.onclose = () => void shutdown('transport closed');
  process.stdin.on('end', () => void shutdown('stdin closed'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await server.connect(transport);
  logger.info({ database: db.kind }, 'mcp stdio server ready');
}

main().catch((err) => {
  process.stderr.write(`MCP server failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
