import { DataDirInUseError, type DataDirLock, lockDataDir } from './adapters/postgres/data-dir-lock.ts';
import { buildService } from './wiring/service.ts';
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
  // One listener per signal for the whole life of the process, whose action changes once the service
  // is up. Swapping listeners instead (remove one, add another) closes Node's signal handle in
  // between, and a SIGTERM that arrived just before was queued for the closed handle and dropped: the
  // process then ran on after being told to stop. Until the service is up, a stop signal just ends
  // the process (the lock goes with it).
  let onStopSignal: (signal: NodeJS.Signals) => void = (signal) => {
    process.stderr.write(`Jorge Bots stopped by ${signal} while starting\n`);
    process.exit(0);
  };
  process.on('SIGTERM', () => onStopSignal('SIGTERM'));
  process.on('SIGINT', () => onStopSignal('SIGINT'));

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
  // Armed before the service says it is listening, so a stop right after that is a graceful one.
  onStopSignal = (signal) => void shutdown(signal);
  const modes = Object.entries({
    ...service.modes,
    ...(envFile ? { settings: `${envFile} (environment wins)` } : {}),
  })
    .map(([k, v]) => `  ${k.padEnd(11)} ${v}`)
    .join('\n');
  process.stdout.write(
    `Jorge Bots is listening on ${address}\n${modes}\n  dashboard   ${address}/  ·  API docs ${address}/docs\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`Jorge Bots failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
