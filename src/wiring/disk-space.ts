// Part of the composition root: the embedded database's free-space guard and what it pauses.
import {
  createDiskSpaceGuard,
  type DiskSpaceGuard,
  refuseLowDiskSpace,
} from '../adapters/postgres/disk-space-guard.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { createStorageMetrics } from '../observability/storage-metrics.ts';

/**
 * The guard over DATA_DIR's free space when the service runs the embedded database (PostgreSQL
 * reports a full disk as an error and goes on, so it needs none), or null. Refuses to start when the
 * floor is already undercut (LowDiskSpaceError). Call before the embedded database opens.
 */
export async function diskSpaceGuardFromConfig(
  config: Config,
  w: { logger: Logger; metrics: Metrics },
): Promise<DiskSpaceGuard | null> {
  if (config.DATABASE_URL || config.DATA_DIR_MIN_FREE_MB === 0) return null;
  const floorBytes = config.DATA_DIR_MIN_FREE_MB * 1024 * 1024;
  await refuseLowDiskSpace(config.DATA_DIR, floorBytes);
  const gauges = createStorageMetrics(w.metrics.registry);
  const guard = createDiskSpaceGuard({
    dir: config.DATA_DIR,
    floorBytes,
    logger: w.logger,
    onReading: gauges.record,
  });
  await guard.check();
  guard.start();
  return guard;
}

export interface Pausable {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Stops the background workers (turns, sends, follow-ups, alerts) from claiming new work while the
 * guard refuses writes, letting what is in flight finish, and starts them again once space is back.
 * Changes are applied one after another, so a quick low-then-back never runs a loop twice.
 */
export function pauseWorkersWhileLow(guard: DiskSpaceGuard, workers: readonly Pausable[]) {
  let running = true;
  let closed = false;
  let applied: Promise<void> = Promise.resolve();
  const apply = () => {
    applied = applied.then(async () => {
      const want = !closed && guard.problem() === null;
      if (want === running || closed) return;
      running = want;
      if (want) for (const w of workers) w.start();
      else await Promise.all(workers.map((w) => w.stop()));
    });
  };
  guard.onChange(apply);
  apply();
  return {
    /** Before the service stops the workers itself: no more restarts. */
    async close() {
      closed = true;
      await applied;
    },
  };
}
