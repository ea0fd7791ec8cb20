import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { eventually, ghlEnv } from '../support/service.ts';
import { type SpawnedService, spawnService } from '../support/spawn-service.ts';
import { LEAD_TEXTS, leadTexts, repliesPerContact, seedLeads } from './support.ts';

// The embedded database (PGlite) on a disk that fills up, and on a data directory that is
// read-only. A small tmpfs of the test's own stands in for the disk: file permissions would not
// stop the root user tests run as here, a full or read-only filesystem does. Mounting needs root
// (CAP_SYS_ADMIN); without it the tests are skipped with a warning.
//
// What this covers: the free-space guard (adapters/postgres/disk-space-guard.ts) refusing writes
// while the disk holding DATA_DIR has less than DATA_DIR_MIN_FREE_MB free, and recovering once space
// is back; start-up on a disk already below the floor; and a data directory mounted read-only before
// start-up. It does not cover the disk filling completely between two readings of the guard (1 s):
// PGlite may then block the process as before.

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'jorge-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const MB = 1024 * 1024;
// The free-space floor on the test's 64 MB disk (DATA_DIR_MIN_FREE_MB).
const FLOOR_MB = 8;

/** Free space of the filesystem holding `dir`, in whole MB, as the service reads it (statfs). */
function freeMb(dir: string): number {
  const s = statfsSync(dir);
  return Math.floor((s.bavail * s.bsize) / MB);
}

const mountable = canMount();
if (!mountable) console.warn('[skip] PGlite disk tests: mounting a tmpfs needs root with CAP_SYS_ADMIN');

describe.skipIf(!mountable)('PGlite on a full or read-only disk', () => {
  let disk: string | undefined;
  let ghl: FakeGhl | undefined;
  let svc: SpawnedService | undefined;
  const mountDisk = () => {
    disk = mkdtempSync(join(tmpdir(), 'jorge-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', disk]);
    return disk;
  };
  afterEach(async () => {
    await svc?.kill();
    svc = undefined;
    await ghl?.close();
    if (disk) {
      execFileSync('umount', ['-l', disk]);
      rmSync(disk, { recursive: true, force: true });
      disk = undefined;
    }
  });

  // PGlite 0.5.16 itself stops on a full disk: after a CHECKPOINT that cannot write, its next
  // statement never returns and blocks Node's event loop (docs/TROUBLESHOOTING.md, "The embedded
  // database (PGlite) stops on a full disk"). So the service must stop writing before the disk is
  // full: below DATA_DIR_MIN_FREE_MB of free space it refuses writes and recovers by itself.
  it('disk nearly full: webhooks answer 429 naming low disk space, /readyz 503, and every text is answered once after space returns', async () => {
    const dir = mountDisk();
    ghl = await startFakeGhl({ rateLimit: { max: 10_000, intervalMs: 10_000 } });
    svc = await spawnService(
      {
        DATA_DIR: join(dir, 'data'),
        DATA_DIR_MIN_FREE_MB: String(FLOOR_MB),
        ...ghlEnv(ghl),
        GHL_RATE_LIMIT_MAX: '10000',
        LOG_LEVEL: 'info',
      },
      // A first start in a new checkout builds the database template and transforms the sources.
      60_000,
    );
    const contacts = seedLeads(ghl, 'diskLow', 6);
    expect((await leadTexts(svc.url, ghl, contacts[0]!, 'hi, thinking about selling')).status).toBe(200);
    await eventually(
      () => repliesPerContact(ghl!, [contacts[0]!])[contacts[0]!] === 1,
      20_000,
      'a first reply',
    );
    expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);

    // Something else fills the disk to half the floor.
    const fill = freeMb(dir) - FLOOR_MB / 2;
    execFileSync('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=1M', `count=${fill}`], {
      stdio: 'ignore',
    });
    expect(freeMb(dir)).toBeLessThan(FLOOR_MB);
    await eventually(async () => (await fetch(`${svc!.url}/readyz`)).status === 503, 10_000, '/readyz 503');
    const ready = (await (await fetch(`${svc.url}/readyz`)).json()) as { reason: string };
    expect(ready.reason).toMatch(/^low disk space: \d+ MB free for the database, below the 8 MB floor/);
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toMatch(/^jorge_data_dir_space_low 1$/m);

    // GHL's deliveries meanwhile are refused with 429 and the reason; GHL retries them later.
    let freed!: () => void;
    const spaceBack = new Promise<void>((resolve) => {
      freed = resolve;
    });
    const refusals: unknown[] = [];
    const later = contacts.slice(1);
    const deliveries = later.map((id, i) =>
      leadTexts(svc!.url, ghl!, id, LEAD_TEXTS[i]!, {
        wait: async () => {
          refusals.push(id);
          await spaceBack;
        },
      }),
    );
    await eventually(() => refusals.length === later.length, 15_000, 'every delivery refused once');
    const direct = await leadTexts(svc.url, ghl, contacts[0]!, 'still there?', { retryOn429: false });
    expect(direct.status).toBe(429);
    expect(direct.body).toMatchObject({
      error: { code: 'overloaded', message: expect.stringMatching(/low disk space/) },
    });
    const sandbox = await fetch(`${svc.url}/api/v1/sandbox/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contactId: 'diskLowSandbox', message: 'hi' }),
    });
    expect(sandbox.status).toBe(503);
    expect(sandbox.headers.get('retry-after')).toBe('60');
    // Answered without waiting on the database: the process is not blocked.
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);

    // Space is freed: the service takes writes again without a restart.
    execFileSync('rm', [join(dir, 'filler')]);
    await eventually(async () => (await fetch(`${svc!.url}/readyz`)).status === 200, 10_000, '/readyz 200');
    freed();
    const results = await Promise.all(deliveries);
    expect(new Set(results.flatMap((r) => r.statuses))).toEqual(new Set([200, 429]));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await eventually(
      () => Object.values(repliesPerContact(ghl!, later)).every((n) => n >= 1),
      30_000,
      'every text answered',
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(repliesPerContact(ghl, later)).toEqual(Object.fromEntries(later.map((id) => [id, 1])));
    expect(svc.output()).toMatch(/low disk space: \d+ MB free for the database.*refusing writes/);
    expect(svc.output()).toMatch(/accepting writes again/);
    expect(svc.output()).not.toMatch(/No space left on device/);
    expect(svc.child.exitCode).toBeNull();
  }, 150_000);

  it('read-only data directory: the service refuses to start and says why', async () => {
    const dir = mountDisk();
    ghl = await startFakeGhl();
    const env = { DATA_DIR: join(dir, 'data'), DATA_DIR_MIN_FREE_MB: String(FLOOR_MB), ...ghlEnv(ghl) };
    // A data directory made by a first, cleanly stopped run...
    const first = await spawnService(env);
    await first.stop();
    // ...then mounted read-only (a full volume remounted read-only by the kernel looks the same).
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const start = spawnService(env, 30_000);
    const err = await start.then(
      async (s) => {
        svc = s;
        return null;
      },
      (e: unknown) => e as Error,
    );
    expect(err).not.toBeNull();
    expect(String(err?.message)).toMatch(/read-only|EROFS/i);
  }, 90_000);
});

// Needs no disk of its own: the floor is set above what the machine's disk has free.
describe('PGlite on a disk already below the free-space floor', () => {
  let svc: SpawnedService | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await svc?.kill();
    svc = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to start and says why', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jorge-floor-'));
    const floor = freeMb(dataDir) + 1024;
    const err = await spawnService(
      { DATA_DIR: join(dataDir, 'data'), DATA_DIR_MIN_FREE_MB: String(floor) },
      30_000,
    ).then(
      (s) => {
        svc = s;
        return null;
      },
      (e: unknown) => e as Error,
    );
    expect(err).not.toBeNull();
    expect(String(err?.message)).toMatch(
      new RegExp(
        `low disk space: \\d+ MB free for the database, below the ${floor} MB floor \\(DATA_DIR_MIN_FREE_MB\\) on the filesystem of DATA_DIR`,
      ),
    );
  }, 60_000);
});
