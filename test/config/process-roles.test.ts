import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { startTestService, type TestService } from '../support/service.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

describe('process roles and connection pools (settings)', () => {
  it('receives webhooks and runs the workers by default, with a pool for each side', () => {
    const c = loadConfig({});
    expect(c.RECEIVER_ENABLED).toBe(true);
    expect(c.WORKERS_ENABLED).toBe(true);
    expect(c.DATABASE_POOL_SIZE).toBe(5);
    // Unset: WORKER_CONCURRENCY + 6 when the service opens the pool.
    expect(c.WORKER_POOL_SIZE).toBeUndefined();
  });

  it('runs as a receiver only or as a worker only', () => {
    const receiver = loadConfig({ WORKERS_ENABLED: 'false' });
    expect([receiver.RECEIVER_ENABLED, receiver.WORKERS_ENABLED]).toEqual([true, false]);
    const worker = loadConfig({ RECEIVER_ENABLED: 'false' });
    expect([worker.RECEIVER_ENABLED, worker.WORKERS_ENABLED]).toEqual([false, true]);
  });

  it('refuses to start with neither role, naming both settings', () => {
    const problems = problemsOf({ RECEIVER_ENABLED: 'false', WORKERS_ENABLED: '0' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^RECEIVER_ENABLED: .*WORKERS_ENABLED.*both false/);
  });

  it('takes pool sizes as whole numbers in range and names the setting otherwise', () => {
    const c = loadConfig({ DATABASE_POOL_SIZE: '3', WORKER_POOL_SIZE: '12' });
    expect([c.DATABASE_POOL_SIZE, c.WORKER_POOL_SIZE]).toEqual([3, 12]);
    expect(problemsOf({ DATABASE_POOL_SIZE: '0' })).toEqual([expect.stringMatching(/^DATABASE_POOL_SIZE: /)]);
    expect(problemsOf({ WORKER_POOL_SIZE: 'lots' })).toEqual([expect.stringMatching(/^WORKER_POOL_SIZE: /)]);
    expect(problemsOf({ WORKER_POOL_SIZE: '1' })).toEqual([expect.stringMatching(/^WORKER_POOL_SIZE: /)]);
    expect(problemsOf({ RECEIVER_ENABLED: 'maybe' })).toEqual([expect.stringMatching(/^RECEIVER_ENABLED: /)]);
  });
});

describe('a worker process (RECEIVER_ENABLED=false)', () => {
  let tdb: TestDb;
  let svc: TestService;

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { RECEIVER_ENABLED: 'false' }, { workers: false });
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('answers a webhook 503 naming the setting and stores nothing', async () => {
    const res = await emitWebhook(
      `${svc.url}/webhooks/ghl`,
      inboundMessagePayload({ locationId: 'loc-roles', contactId: 'rolesA0000000000001', body: 'hi' }),
    );
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      error: { code: 'unavailable', message: expect.stringContaining('RECEIVER_ENABLED=false') },
    });
    const { rows } = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox`);
    expect(rows[0]?.n).toBe(0);
  });

  it('still answers the probes and metrics, and says which roles it runs', async () => {
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${svc.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', modes: { roles: 'workers' } });
    const metrics = await fetch(`${svc.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('jorge_webhooks_total{outcome="disabled"} 1');
  });
});
