import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGhl, startFakeGhl } from '../support/fakes/ghl-server.ts';
import { eventually, ghlEnv } from '../support/service.ts';
import { type SpawnedService, spawnService } from '../support/spawn-service.ts';
import { leadTexts, repliesPerContact, seedLeads } from './support.ts';

// The embedded database (PGlite) on a disk that fills up, and on a data directory that is
// read-only. A small tmpfs of the test's own stands in for the disk: file permissions would not
// stop the root user tests run as here, a full or read-only filesystem does. Mounting needs root
// (CAP_SYS_ADMIN); without it the tests are skipped with a warning.
//
// What this covers: PostgreSQL inside PGlite failing to extend its files (ENOSPC) while WAL
// segments already allocated still take commits, and a data directory mounted read-only before
// start-up. It does not cover a WAL segment switch failing on a full disk (PostgreSQL's PANIC),
// which needs far more writes than a test can afford.

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

  // Skipped: PGlite 0.5.16 itself stops on a full disk, so this test cannot pass from our side.
  // What runs show (docs/TROUBLESHOOTING.md, "The embedded database (PGlite) stops on a full disk"):
  // - Writes PGlite answers are on disk: its NodeFS writes through to the files (its syncToFs is a
  //   no-op there, nothing is buffered for a later dump), and rows it accepted while the disk was
  //   full were all there after space returned and after a reopen. Statements that cannot extend a
  //   file fail at once with 53100, which the webhook turns into 429.
  // - But after the first "inbox worker error" / "outbox drainer error" with ENOSPC, the service
  //   stops answering: every later webhook times out (30 s) with no log line, even after space is
  //   back. A standalone script reproduces a freeze: on a full tmpfs, CHECKPOINT fails with 53100
  //   (or never returns) and the next statement never returns; the WebAssembly call blocks Node's
  //   event loop, so not even a timer fires and no timeout of ours can answer 429 instead.
  // Run it with `it.only` to reproduce; enable it when a PGlite release recovers from ENOSPC.
  it.skip('disk full: the webhook answers 429 (never 5xx), the error is logged clearly, and every text is answered once after space returns', async () => {
    const dir = mountDisk();
    ghl = await startFakeGhl({ rateLimit: { max: 10_000, intervalMs: 10_000 } });
    svc = await spawnService({
      DATA_DIR: join(dir, 'data'),
      ...ghlEnv(ghl),
      GHL_RATE_LIMIT_MAX: '10000',
      // Retries of CRM actions that could not be recorded come quickly once space is back.
      OUTBOX_RETRY_BASE_MS: '200',
      LOG_LEVEL: 'info',
    });
    const contacts = seedLeads(ghl, 'diskFull', 41);
    expect((await leadTexts(svc.url, ghl, contacts[0]!, 'hi, thinking about selling')).status).toBe(200);
    await eventually(
      () => repliesPerContact(ghl!, [contacts[0]!])[contacts[0]!] === 1,
      20_000,
      'a first reply',
    );

    // The disk fills up. GHL retries a 429 ten minutes later; by then space has been freed.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=1M', 'count=100'], {
        stdio: 'ignore',
      });
    } catch {
      // dd stops with "No space left on device": the disk is full, as wanted.
    }
    let freed!: () => void;
    const spaceBack = new Promise<void>((resolve) => {
      freed = resolve;
    });
    let refused = 0;
    let finished = 0;
    const later = contacts.slice(1);
    const deliveries = later.map((id) =>
      leadTexts(svc!.url, ghl!, id, 'we want to buy a 3 bed around 600k, pre approved', {
        wait: async () => {
          refused += 1;
          await spaceBack;
        },
      }).finally(() => {
        finished += 1;
      }),
    );
    await eventually(() => refused + finished === later.length, 30_000, 'every first delivery answered');
    expect(refused).toBeGreaterThan(0);
    execFileSync('rm', [join(dir, 'filler')]);
    freed();
    const results = await Promise.all(deliveries);

    // Only 200 and 429 were ever answered, and every text was accepted in the end.
    expect(new Set(results.flatMap((r) => r.statuses))).toEqual(new Set([200, 429]));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await eventually(
      () => Object.values(repliesPerContact(ghl!, contacts)).every((n) => n >= 1),
      30_000,
      'every text answered',
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(repliesPerContact(ghl, contacts)).toEqual(Object.fromEntries(contacts.map((id) => [id, 1])));
    expect(svc.output()).toMatch(/No space left on device/);
    expect(svc.child.exitCode).toBeNull();
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  }, 90_000);

  it('read-only data directory: the service refuses to start and says why', async () => {
    const dir = mountDisk();
    ghl = await startFakeGhl();
    const env = { DATA_DIR: join(dir, 'data'), ...ghlEnv(ghl) };
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
