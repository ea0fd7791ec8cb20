import { DataDirInUseError, type DataDirLock, lockDataDir } from './adapters/postgres/data-dir-lock.ts';
import { buildService } from './compose.ts';
import { loadConfigOrExit } from './config.ts';

/** The embedded database's directory for this process alone, or a clear refusal and exit code 1. */
function lockOrExit(dataDir: string): DataDirLock {
  try {
    return lockDataDir(dataDir);
  } catch (err) {
    if (!(err instanceof DataDirInUseError)) throw err;
    process.stderr.write(`Jorge Bots cannot start: ${err.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let envFile: string | null = null;
  const config = loadConfigOrExit({
    onEnvFile: (path) => {
      envFile = path;
    },
  });
  // PostgreSQL serves many processes; the embedded database only one.
  const lock = config.DATABASE_URL ? null : lockOrExit(config.DATA_DIR);
  process.on('exit', () => lock?.release());
  // Until the service is up, a stop signal just ends the process (the lock goes with it).
  const early = (signal: NodeJS.Signals) => () => {
    process.stderr.write(`Jorge Bots stopped by ${signal} while starting\n`);
    process.exit(0);
  };
  const earlyTerm = early('SIGTERM');
  const earlyInt = early('SIGINT');
  process.once('SIGTERM', earlyTerm);
  process.once('SIGINT', earlyInt);

  const service = await buildService(config);
  if (lock?.tookOverFrom) {
    const { pid, startedAt } = lock.tookOverFrom;
    service.logger.warn(
      { lockFile: lock.path, previousPid: pid, previousStart: startedAt },
      `data directory lock taken over: process ${pid} that held it no longer runs`,
    );
  }
  const address = await service.app.listen({ port: config.PORT, host: config.HOST });
  service.startWorkers();
  const modes = Object.entries({
    ...service.modes,
    ...(envFile ? { settings: `${envFile} (environment wins)` } : {}),
  })
    .map(([k, v]) => `  ${k.padEnd(11)} ${v}`)
    .join('\n');
  process.stdout.write(
    `Jorge Bots is listening on ${address}\n${modes}\n  dashboard   ${address}/  ·  API docs ${address}/docs\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    service.logger.info({ signal }, 'shutting down: finishing work in flight');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    await service.stop();
    lock?.release();
    process.exit(0);
  };
  process.removeListener('SIGTERM', earlyTerm);
  process.removeListener('SIGINT', earlyInt);
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Jorge Bots failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
