import { execFileSync, spawn } from 'node:child_process';
import {
  accessSync,
  appendFileSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL cluster of its own for tests that stop, restart or break the server, which the shared
 * one (DATABASE_URL) must never suffer. initdb in a temp dir, trust auth, 127.0.0.1 on a free port.
 * PostgreSQL refuses to run as root, so as root every command runs as the `postgres` OS user.
 */
export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** `pg_ctl restart -m fast`: sessions are terminated (57P01), the server is back when this returns. */
  restart(): Promise<void>;
  /** `pg_ctl stop` (fast by default: open sessions get 57P01, new connections are refused). */
  stop(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its files. */
  destroy(): Promise<void>;
  /** The server's log, for a failing test's message. */
  log(): string;
}

type Availability =
  | { ok: true; bin: string; runAs: { uid: number; gid: number } | null }
  | { ok: false; reason: string };

const BIN_ROOT = '/usr/lib/postgresql';

function findBinDir(): string | null {
  if (!existsSync(BIN_ROOT)) return null;
  // The newest installed major version.
  const versions = readdirSync(BIN_ROOT)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(BIN_ROOT, v, 'bin');
    if (['initdb', 'pg_ctl', 'postgres'].every((b) => isExecutable(join(bin, b)))) return bin;
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let cached: Availability | undefined;

/** Whether this machine can run a throwaway cluster, and if not, why (for the skip message). */
export function throwawayPostgresAvailability(): Availability {
  if (cached) return cached;
  const bin = findBinDir();
  if (!bin) {
    cached = { ok: false, reason: `no initdb/pg_ctl/postgres under ${BIN_ROOT}/<version>/bin` };
    return cached;
  }
  const uid = process.getuid?.();
  if (uid === undefined) {
    cached = { ok: false, reason: 'this platform has no POSIX user ids' };
    return cached;
  }
  if (uid !== 0) {
    // Any ordinary user may own and run a cluster.
    cached = { ok: true, bin, runAs: null };
    return cached;
  }
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    cached = { ok: true, bin, runAs: { uid: id('-u'), gid: id('-g') } };
  } catch {
    cached = { ok: false, reason: 'running as root and there is no `postgres` OS user to run the server as' };
  }
  return cached;
}

/** Logs once per file why a throwaway-cluster test is skipped; returns whether it can run. */
export function canRunThrowawayPostgres(what: string): boolean {
  const a = throwawayPostgresAvailability();
  if (!a.ok) console.warn(`[skip] ${what}: cannot start a throwaway PostgreSQL cluster (${a.reason}).`);
  return a.ok;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const live = new Set<{
  bin: string;
  root: string;
  dataDir: string;
  runAs: { uid: number; gid: number } | null;
}>();
let exitHookInstalled = false;

// A test that dies before its afterAll must not leave a postmaster behind.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of live) {
      try {
        execFileSync(join(c.bin, 'pg_ctl'), ['stop', '-D', c.dataDir, '-m', 'immediate', '-w'], {
          stdio: 'ignore',
          ...(c.runAs ?? {}),
        });
      } catch {
        // already stopped
      }
      rmSync(c.root, { recursive: true, force: true });
    }
  });
}

/** Initialises and starts a new cluster; throws when the machine cannot (check availability first). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const a = throwawayPostgresAvailability();
  if (!a.ok) throw new Error(`cannot start a throwaway PostgreSQL cluster: ${a.reason}`);
  const { bin, runAs } = a;
  const root = mkdtempSync(join(tmpdir(), 'jorge-pg-'));
  if (runAs) chownSync(root, runAs.uid, runAs.gid);
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');

  const run = (cmd: string, args: string[], timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(join(bin, cmd), args, {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
        ...(runAs ?? {}),
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += String(d);
      });
      child.stderr.on('data', (d) => {
        out += String(d);
      });
      const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.once('error', (err) => {
        clearTimeout(t);
        reject(err);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(t);
        if (code === 0) resolve();
        else reject(new Error(`${cmd} ${args.join(' ')} failed (${code ?? signal}):\n${out}`));
      });
    });

  await run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  // Kept in postgresql.conf so every restart comes back with the same settings. Durability is not
  // under test: fsync off keeps the stop/start cycles fast.
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    [
      '',
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
  const ctl = (...args: string[]) => run('pg_ctl', ['-D', dataDir, '-w', '-t', '60', ...args]);
  const start = () => ctl('start', '-l', logFile);
  const entry = { bin, root, dataDir, runAs };
  installExitHook();
  live.add(entry);
  let port = 0;
  // A free port may be taken by someone else before the server binds it: then try another.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    appendFileSync(join(dataDir, 'postgresql.conf'), `port = ${port}\n`);
    try {
      await start();
      break;
    } catch (err) {
      if (attempt >= 3) {
        live.delete(entry);
        rmSync(root, { recursive: true, force: true });
        throw err;
      }
    }
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  return {
    url,
    port,
    dataDir,
    restart: () => ctl('restart', '-m', 'fast', '-l', logFile),
    stop: (mode = 'fast') => ctl('stop', '-m', mode),
    start,
    async destroy() {
      await ctl('stop', '-m', 'immediate').catch(() => {});
      live.delete(entry);
      rmSync(root, { recursive: true, force: true });
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
}

/** Runs one statement on a short-lived connection of its own (e.g. pg_terminate_backend from outside). */
export async function runSql<R extends Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}
