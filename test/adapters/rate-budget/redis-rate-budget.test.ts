import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisRateBudget } from '../../../src/adapters/rate-budget/redis-rate-budget.ts';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('redis-rate-budget tests skipped: REDIS_URL is not set');

describe.skipIf(!redisUrl)('redis rate budget', () => {
  const prefix = `test-budget-${randomUUID()}`;
  let a: Redis;
  let b: Redis;

  beforeAll(() => {
    a = new Redis(redisUrl!);
    b = new Redis(redisUrl!);
  });

  afterAll(async () => {
    const keys = await a.keys(`${prefix}*`);
    if (keys.length > 0) await a.del(...keys);
    a.disconnect();
    b.disconnect();
  });

  it('shares one budget between two replicas', async () => {
    const opts = { points: 3, durationMs: 1000, keyPrefix: `${prefix}:shared` };
    const replicaA = createRedisRateBudget(a, opts);
    const replicaB = createRedisRateBudget(b, opts);
    const waits = await Promise.all([
      replicaA.acquire('loc'),
      replicaB.acquire('loc'),
      replicaA.acquire('loc'),
      replicaB.acquire('loc'),
      replicaA.acquire('loc'),
      replicaB.acquire('loc'),
    ]);
    expect(waits.filter((ms) => ms === 0)).toHaveLength(3);
    expect(waits.filter((ms) => ms > 0)).toHaveLength(3);
  });

  it('keeps separate budgets per key', async () => {
    const budget = createRedisRateBudget(a, { points: 1, durationMs: 1000, keyPrefix: `${prefix}:keys` });
    await budget.acquire('loc-1');
    expect(await budget.acquire('loc-2')).toBe(0);
  });

  it('a pause set by one replica blocks the other', async () => {
    const opts = { points: 100, durationMs: 1000, keyPrefix: `${prefix}:pause` };
    const replicaA = createRedisRateBudget(a, opts);
    const replicaB = createRedisRateBudget(b, opts);
    await replicaA.pause('loc', 300);
    await replicaA.pause('loc', 10);
    expect(await replicaB.acquire('loc')).toBeGreaterThanOrEqual(250);
    expect(await replicaB.acquire('other')).toBe(0);
  });

  it('counts over a sliding window, so a window boundary never lets twice the budget through', async () => {
    const budget = createRedisRateBudget(a, { points: 3, durationMs: 600, keyPrefix: prefix });
    const granted: number[] = [];
    for (let i = 0; i < 9; i++) {
      await budget.acquire('sliding');
      granted.push(Date.now());
    }
    // Any 550 ms span (a little under the window, for timer jitter) holds at most 3 grants.
    for (const start of granted) {
      expect(granted.filter((t) => t >= start && t < start + 550).length).toBeLessThanOrEqual(3);
    }
    // Nine grants at three per 600 ms need at least two full windows.
    expect(granted.at(-1)! - granted[0]!).toBeGreaterThanOrEqual(1150);
  });
});
