import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

// The embedded database (PGlite) belongs to one process: PGlite does not guard its directory, and
// two processes writing the same files corrupt it. The first process creates a lock file in the data
// directory (O_EXCL, so exactly one creation succeeds) holding its pid, host and start time; a
// second one finds it and is refused. A lock left by a process that died (SIGKILL, power loss) is
// taken over when its pid no longer runs on this host.

export const LOCK_FILE = 'jorge-bots.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  /** The owner whose stale lock was taken over, if any (worth a log line). */
  readonly tookOverFrom: LockOwner | null;
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | null,
  ) {
    const who = owner
      ? `process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, started ${owner.startedAt}`
      : 'another process';
    const lock = join(dataDir, LOCK_FILE);
    super(
      `The embedded database in ${dataDir} is in use by ${who}.\n` +
        'Only one process may open it. Stop the other one, give this one its own DATA_DIR, or set DATABASE_URL ' +
        'so several processes share a PostgreSQL server.\n' +
        (owner && owner.host !== hostname()
          ? `If that process is gone, delete ${lock} and start again.`
          : `If no such process runs, delete ${lock} and start again.`),
    );
    this.name = 'DataDirInUseError';
  }
}

export interface LockOptions {
  now?: () => Date;
  pid?: number;
  host?: string;
  /** Whether a process with this pid runs on this host. */
  isRunning?: (pid: number) => boolean;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): { text: string; owner: LockOwner | null } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.startedAt === 'string') {
      return { text, owner: { pid: o.pid, host: o.host, startedAt: o.startedAt } };
    }
  } catch {
    // a lock file cut short by a crash while it was written
  }
  return { text, owner: null };
}

/** Takes the data directory for this process, or throws DataDirInUseError naming the owner. */
export function lockDataDir(dataDir: string, opts: LockOptions = {}): DataDirLock {
  const me: LockOwner = {
    pid: opts.pid ?? process.pid,
    host: opts.host ?? hostname(),
    startedAt: (opts.now?.() ?? new Date()).toISOString(),
  };
  const isRunning = opts.isRunning ?? processRuns;
  const path = join(dataDir, LOCK_FILE);
  const mine = `${JSON.stringify(me)}\n`;
  mkdirSync(dataDir, { recursive: true });
  let tookOverFrom: LockOwner | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        path,
        tookOverFrom,
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const found = readOwner(path);
    if (!found) continue; // released between our attempt and the read: try again
    const { owner } = found;
    // Our own pid in the file is a leftover: in a container every run is pid 1.
    const stale = owner !== null && owner.host === me.host && (owner.pid === me.pid || !isRunning(owner.pid));
    if (!stale) throw new DataDirInUseError(dataDir, owner);
    // Removed only if it is still the same stale lock, so two processes taking over at once do not
    // delete each other's fresh one.
    const again = readOwner(path);
    if (again?.text === found.text) {
      try {
        unlinkSync(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    tookOverFrom = owner;
  }
  throw new DataDirInUseError(dataDir, readOwner(path)?.owner ?? null);
}
