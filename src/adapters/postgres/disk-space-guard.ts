import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Logger } from '../../observability/logger.ts';
import type { StorageProblem, StorageSpace } from '../../ports/storage-space.ts';

// The embedded database (PGlite) on a filesystem that fills up: PostgreSQL inside PGlite fails a
// statement that cannot extend a file (53100) and goes on, but a checkpoint that cannot write leaves
// its WebAssembly engine stuck in its next statement, which blocks Node's event loop: no request is
// answered and no timer fires (docs/TROUBLESHOOTING.md, "The embedded database (PGlite) stops on a
// full disk"). Nothing can answer once that happened, so the service stops writing before: it reads
// the free space of DATA_DIR's filesystem every few seconds and, below a floor, refuses writes (the
// webhook answers 429, which GHL retries; /readyz 503; the workers pause) until space is back.

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.floor(bytes / MB);

/** Bytes an unprivileged process may still write on the filesystem holding `dir`. */
export async function freeBytesOf(dir: string): Promise<number> {
  // DATA_DIR may not exist yet (first start): its nearest existing parent is on the same filesystem
  // as the directory about to be made there.
  let at = resolve(dir);
  for (;;) {
    try {
      const s = await statfs(at);
      return Number(s.bavail) * Number(s.bsize);
    } catch (err) {
      const parent = dirname(at);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) throw err;
      at = parent;
    }
  }
}

/** The problem with `freeBytes` of free space under a floor of `floorBytes`, or null (a floor of 0 is off). */
export function lowSpace(freeBytes: number, floorBytes: number): StorageProblem | null {
  if (floorBytes <= 0 || freeBytes >= floorBytes) return null;
  return {
    message: `low disk space: ${mb(freeBytes)} MB free for the database, below the ${mb(floorBytes)} MB floor (DATA_DIR_MIN_FREE_MB)`,
    freeBytes,
    floorBytes,
  };
}

/** Start-up refused: the data directory's filesystem is already below the floor. */
export class LowDiskSpaceError extends Error {
  constructor(dir: string, problem: StorageProblem) {
    super(
      `${problem.message} on the filesystem of DATA_DIR (${dir}). The embedded database would stop ` +
        'the process when the disk fills; free space there, move DATA_DIR, or lower DATA_DIR_MIN_FREE_MB.',
    );
    this.name = 'LowDiskSpaceError';
  }
}

/** Throws LowDiskSpaceError when the filesystem of `dir` has less than `floorBytes` free. */
export async function refuseLowDiskSpace(dir: string, floorBytes: number): Promise<void> {
  if (floorBytes <= 0) return;
  const problem = lowSpace(await freeBytesOf(dir), floorBytes);
  if (problem) throw new LowDiskSpaceError(dir, problem);
}

export interface DiskSpaceGuard extends StorageSpace {
  /** Reads the free space now and updates the state (the timer does this every `intervalMs`). */
  check(): Promise<StorageProblem | null>;
  /** Called on each change between "room to write" (null) and a problem. */
  onChange(listener: (problem: StorageProblem | null) => void): void;
  start(): void;
  stop(): void;
}

export interface DiskSpaceGuardOptions {
  dir: string;
  floorBytes: number;
  /** How often the free space is read (default 1 s; a statfs call costs microseconds). */
  intervalMs?: number;
  logger: Logger;
  /** Each reading, for the metrics. */
  onReading?: (reading: { freeBytes: number; low: boolean }) => void;
}

/** Watches the free space of the data directory's filesystem against the floor. */
export function createDiskSpaceGuard(opts: DiskSpaceGuardOptions): DiskSpaceGuard {
  const listeners: Array<(problem: StorageProblem | null) => void> = [];
  let current: StorageProblem | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<StorageProblem | null> | null = null;
  let readFailed = false;

  async function read(): Promise<StorageProblem | null> {
    let freeBytes: number;
    try {
      freeBytes = await freeBytesOf(opts.dir);
    } catch (err) {
      // Keep the last state: a failed reading says nothing of the space left.
      if (!readFailed) opts.logger.warn({ err }, 'could not read the free space of DATA_DIR');
      readFailed = true;
      return current;
    }
    readFailed = false;
    const next = lowSpace(freeBytes, opts.floorBytes);
    opts.onReading?.({ freeBytes, low: next !== null });
    const was = current;
    current = next;
    if ((was === null) !== (next === null)) {
      if (next)
        opts.logger.error(
          { freeMb: mb(next.freeBytes), floorMb: mb(next.floorBytes) },
          `${next.message}: refusing writes (webhooks answer 429, /readyz 503, workers paused) until space is freed`,
        );
      else
        opts.logger.warn(
          { freeMb: mb(freeBytes), floorMb: mb(opts.floorBytes) },
          'disk space for the database is back above DATA_DIR_MIN_FREE_MB: accepting writes again',
        );
      for (const l of listeners) l(next);
    }
    return next;
  }

  // One reading at a time: a slow statfs (a hung network filesystem) does not pile up calls.
  const check = (): Promise<StorageProblem | null> => {
    inFlight ??= read().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return {
    problem: () => current,
    check,
    onChange(listener) {
      listeners.push(listener);
    },
    start() {
      if (timer || opts.floorBytes <= 0) return;
      timer = setInterval(() => void check(), opts.intervalMs ?? 1_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
