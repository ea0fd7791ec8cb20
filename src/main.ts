import { buildService } from './compose.ts';
import { loadConfigOrExit } from './config.ts';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const service = await buildService(config);
  const address = await service.app.listen({ port: config.PORT, host: config.HOST });
  service.startWorkers();
  const modes = Object.entries(service.modes)
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
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Jorge Bots failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
