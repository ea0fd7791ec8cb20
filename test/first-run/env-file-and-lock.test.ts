import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/adapters/postgres/data-dir-lock.ts';
import { type SpawnedService, spawnService } from '../support/spawn-service.ts';

// `npm start` as a newcomer runs it: settings in a .env file next to it, the embedded database in
// DATA_DIR.
const work = mkdtempSync(join(tmpdir(), 'jorge-first-run-'));
const dataDir = join(work, 'data');
const running: SpawnedService[] = [];
const START_MS = 60_000;

const start = async (env: Record<string, string>, cwd?: string) => {
  const s = await spawnService({ DATA_DIR: dataDir, ...env }, START_MS, cwd ? { cwd } : {});
  running.push(s);
  return s;
};
const failedStart = (env: Record<string, string>, cwd?: string) =>
  spawnService({ DATA_DIR: dataDir, ...env }, START_MS, cwd ? { cwd } : {}).then(
    (s) => {
      running.push(s);
      throw new Error(`a second process started at ${s.url}`);
    },
    (err: Error) => err.message,
  );

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** SIGTERM and the graceful exit, within 30 s; otherwise SIGKILL and fail with what the process wrote. */
async function stopWithin(s: SpawnedService): Promise<void> {
  const exited = s.stop().then(() => true);
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000).unref());
  if (await Promise.race([exited, late])) return;
  await s.kill();
  throw new Error(`process ${s.child.pid} did not exit within 30 s of SIGTERM:\n${s.output()}`);
}

afterEach(async () => {
  for (const s of running.splice(0)) await s.kill();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a .env file in the working directory', () => {
  it('sets what the environment does not; the environment wins', async () => {
    const cwd = mkdtempSync(join(work, 'cwd-'));
    const port = await freePort();
    writeFileSync(
      join(cwd, '.env'),
      `# copied from .env.example\nPORT=${port}\nAGENT_NAME=Rosa\nMARKET=Ontario, CA\n`,
    );
    // PORT empty in the environment counts as unset, so the file's port is used.
    const s = await start({ PORT: '', AGENT_NAME: 'Maria' }, cwd);
    expect(s.url).toBe(`http://127.0.0.1:${port}`);
    // The defaults a location's settings fall back to: AGENT_NAME from the environment, MARKET from the file.
    const res = await fetch(`${s.url}/api/v1/locations/loc_first_run/settings`);
    const { settings } = (await res.json()) as { settings: Record<string, unknown> };
    expect(settings).toMatchObject({ agentName: 'Maria', market: 'Ontario, CA' });
    expect(s.output()).toContain(`settings    ${join(cwd, '.env')}`);
  }, 120_000);

  it('with a malformed line stops start-up naming the line', async () => {
    const cwd = mkdtempSync(join(work, 'cwd-'));
    writeFileSync(join(cwd, '.env'), 'PORT=3000\nAGENT_NAME Rosa\n');
    const message = await failedStart({}, cwd);
    expect(message).toContain('exited with 1');
    expect(message).toContain('.env line 2: expected NAME=value');
  }, 60_000);
});

describe('the embedded data directory', () => {
  it('belongs to one process: a second is refused; the lock goes on exit; a dead owner’s lock is taken over and released on SIGTERM', async () => {
    const own = { DATA_DIR: join(work, 'data-lock') };
    const lock = join(own.DATA_DIR, LOCK_FILE);
    const first = await start(own);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: first.child.pid, host: hostname() });

    const refusal = await failedStart(own);
    expect(refusal).toContain('exited with 1');
    expect(refusal).toContain(
      `The embedded database in ${own.DATA_DIR} is in use by process ${first.child.pid}`,
    );
    expect(refusal).toContain('DATABASE_URL');

    await stopWithin(first);
    running.length = 0;
    expect(first.child.exitCode).toBe(0);
    expect(existsSync(lock)).toBe(false);

    // What a killed process leaves behind: its lock, naming a pid that no longer runs.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(
      lock,
      JSON.stringify({ pid: dead, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const next = await start(own);
    expect(next.output()).toContain(`process ${dead} that held it no longer runs`);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: next.child.pid });
    // Stopped the moment it says it is listening: SIGTERM then still drains, exits 0 and releases.
    await stopWithin(next);
    running.length = 0;
    expect(next.child.exitCode).toBe(0);
    expect(existsSync(lock)).toBe(false);
  }, 200_000);
});
