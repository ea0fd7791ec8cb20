import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDiskSpaceGuard,
  freeBytesOf,
  LowDiskSpaceError,
  refuseLowDiskSpace,
} from '../../src/adapters/postgres/disk-space-guard.ts';
import { createLogger } from '../../src/observability/logger.ts';

// Real readings of this machine's disk: the floors are set around what statfs says is free.
// The fill-up itself (free space falling below the floor and coming back) is in
// test/faults/pglite-disk.test.ts, on a small disk of its own.

const MB = 1024 * 1024;
const logger = createLogger({ level: 'silent' });

describe('free-space guard of the embedded database', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reads the free space of the filesystem, also for a data directory not made yet', async () => {
    dir = mkdtempSync(join(tmpdir(), 'jorge-space-'));
    const s = statfsSync(dir);
    const free = s.bavail * s.bsize;
    const read = await freeBytesOf(join(dir, 'not', 'made', 'yet'));
    // Other processes write meanwhile: within 64 MB of the test's own reading.
    expect(Math.abs(read - free)).toBeLessThan(64 * MB);
  });

  it('reports low space below the floor, and none above it or with the floor at 0', async () => {
    dir = mkdtempSync(join(tmpdir(), 'jorge-space-'));
    const free = await freeBytesOf(dir);
    const readings: boolean[] = [];
    const low = createDiskSpaceGuard({
      dir,
      floorBytes: free + 1024 * MB,
      logger,
      onReading: (r) => readings.push(r.low),
    });
    expect(low.problem()).toBeNull();
    const problem = await low.check();
    expect(problem?.message).toMatch(
      /^low disk space: \d+ MB free for the database, below the \d+ MB floor \(DATA_DIR_MIN_FREE_MB\)$/,
    );
    expect(low.problem()).toBe(problem);
    expect(readings).toEqual([true]);
    expect(await createDiskSpaceGuard({ dir, floorBytes: MB, logger }).check()).toBeNull();
    expect(await createDiskSpaceGuard({ dir, floorBytes: 0, logger }).check()).toBeNull();
  });

  it('refuses a start below the floor, naming the directory and the setting', async () => {
    dir = mkdtempSync(join(tmpdir(), 'jorge-space-'));
    const free = await freeBytesOf(dir);
    const err = await refuseLowDiskSpace(dir, free + 1024 * MB).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LowDiskSpaceError);
    expect(String((err as Error).message)).toContain(`on the filesystem of DATA_DIR (${dir})`);
    expect(String((err as Error).message)).toMatch(/lower DATA_DIR_MIN_FREE_MB/);
    await expect(refuseLowDiskSpace(dir, MB)).resolves.toBeUndefined();
  });
});
