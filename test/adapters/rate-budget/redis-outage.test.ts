import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { burstAllowance } from '../../../src/adapters/rate-budget/burst-allowance.ts';
import { createRedisRateBudget } from '../../../src/adapters/rate-budget/redis-rate-budget.ts';
import type { RateBudget } from '../../../src/ports.ts';
import { redisServerAvailable, startThrowawayRedis, type ThrowawayRedis } from './throwaway-redis.ts';
import { busiestWindow } from './virtual-time.ts';

// GHL's burst limit scaled down (20 per second instead of 100 per 10 s) so the outage fits in a
// few seconds; the budget's rules do not depend on the scale. The margin is the default 10%; the
// guard is 250 ms because on a busy test machine a request can take that long between its slot
// and the server, which at this scale is a quarter of the window.
const GHL_MAX = 20;
const INTERVAL_MS = 1_000;
const allowance = burstAllowance({ max: GHL_MAX, intervalMs: INTERVAL_MS, marginPct: 10, guardMs: 250 });

if (!redisServerAvailable()) console.warn('[skip] Redis outage tests: /usr/bin/redis-server is missing');

/** Stands in for GHL: a real HTTP server that notes when each request arrived. */
async function startCountingServer(): Promise<{ url: string; arrivals: number[]; close(): Promise<void> }> {
  const arrivals: number[] = [];
  const server: Server = createServer((_req, res) => {
    arrivals.push(performance.now());
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    arrivals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!redisServerAvailable())('Redis budget while Redis goes away and comes back', () => {
  let redis: ThrowawayRedis | undefined;
  let ghl: Awaited<ReturnType<typeof startCountingServer>> | undefined;
  const clients: Redis[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await redis?.stop();
    await ghl?.close();
  });

  /** Two replicas sharing one Redis, each with three workers calling "GHL" as fast as allowed. */
  async function replicasUnderLoad() {
    redis = await startThrowawayRedis();
    ghl = await startCountingServer();
    const prefix = 'outage';
    const replica = (): RateBudget => {
      const client = new Redis(redis!.url, { maxRetriesPerRequest: 2 });
      client.on('error', () => {});
      clients.push(client);
      return createRedisRateBudget(client, {
        ...allowance,
        keyPrefix: prefix,
        replicas: 2,
        daily: { limit: 200_000 },
        timeoutMs: 250,
        probeMs: 200,
      });
    };
    const budgets = [replica(), replica()];
    // Open the client's connections first, as a running service has them.
    await Promise.all(Array.from({ length: 6 }, () => fetch(ghl!.url)));
    ghl.arrivals.length = 0;
    let running = true;
    const started = performance.now();
    const workers = budgets.flatMap((budget) =>
      Array.from({ length: 3 }, async () => {
        while (running) {
          await budget.acquire('loc');
          if (!running) break;
          await fetch(ghl!.url);
        }
      }),
    );
    return {
      at: () => performance.now() - started,
      since: (fromMs: number, toMs: number) =>
        ghl!.arrivals.filter((t) => t - started >= fromMs && t - started < toMs).length,
      async stop() {
        running = false;
        await Promise.all(workers);
        for (const b of budgets) await b.close();
      },
    };
  }

  it('never lets more than GHL allows into any window when Redis is killed under load and restarts empty', async () => {
    const load = await replicasUnderLoad();
    await sleep(2_500);
    const killedAt = load.at();
    await redis!.kill();
    await sleep(5_000);
    const backAt = load.at();
    await redis!.start();
    await sleep(4_000);
    await load.stop();

    expect(busiestWindow(ghl!.arrivals, INTERVAL_MS)).toBeLessThanOrEqual(GHL_MAX);
    // Slower, not stopped: requests went out during the outage and after Redis returned.
    expect(load.since(killedAt + 3_500, backAt)).toBeGreaterThan(0);
    expect(load.since(backAt + 2_500, backAt + 4_000)).toBeGreaterThan(0);
  }, 30_000);

  it('keeps sending within the limit while Redis hangs without answering, and after it answers again', async () => {
    const load = await replicasUnderLoad();
    await sleep(2_500);
    const frozenAt = load.at();
    redis!.freeze();
    await sleep(5_000);
    const thawedAt = load.at();
    redis!.thaw();
    await sleep(3_000);
    await load.stop();

    expect(busiestWindow(ghl!.arrivals, INTERVAL_MS)).toBeLessThanOrEqual(GHL_MAX);
    expect(load.since(frozenAt + 3_500, thawedAt)).toBeGreaterThan(0);
    expect(load.since(thawedAt + 1_500, thawedAt + 3_000)).toBeGreaterThan(0);
    // What went out on the fallback shares was written into the shared day afterwards.
    const day = await clients[0]!.hvals('outage:day:loc');
    expect(day.reduce((sum, n) => sum + Number(n), 0)).toBeGreaterThanOrEqual(ghl!.arrivals.length);
  }, 30_000);
});
