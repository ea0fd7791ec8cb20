import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGhlCrm } from '../../../src/adapters/ghl/ghl-client.ts';
import { watchDailyBudget } from '../../../src/adapters/rate-budget/daily-watch.ts';
import { createMemoryRateBudget } from '../../../src/adapters/rate-budget/memory-rate-budget.ts';
import { createRedisRateBudget } from '../../../src/adapters/rate-budget/redis-rate-budget.ts';
import { createMetrics } from '../../../src/observability/metrics.ts';
import { createBreaker } from '../../../src/resilience/breaker.ts';
import { DailyBudgetExhaustedError, type RateBudget } from '../../../src/ports.ts';
import { type FakeGhl, startFakeGhl } from '../../support/fakes/ghl-server.ts';
import { virtualTime } from './virtual-time.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function spend(budget: RateBudget, n: number, key = 'loc'): Promise<void> {
  for (let i = 0; i < n; i++) await budget.acquire(key);
}

function refusal(p: Promise<unknown>): Promise<DailyBudgetExhaustedError> {
  return p.then(
    () => {
      throw new Error('expected the day’s budget to be used up');
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(DailyBudgetExhaustedError);
      return err as DailyBudgetExhaustedError;
    },
  );
}

describe('daily budget (in process)', () => {
  it('holds requests once the rolling day is spent, and lets them go as the day rolls on', async () => {
    const clock = virtualTime(1_000 * DAY);
    const budget = createMemoryRateBudget({ points: 100, durationMs: 10_000, daily: { limit: 5 }, ...clock });
    await spend(budget, 3);
    clock.advance(6 * HOUR);
    await spend(budget, 2);
    const held = await refusal(budget.acquire('loc'));
    expect(held.retryable).toBe(true);
    expect(held.message).toMatch(/daily request budget \(5\).*used up/);
    // The first three leave the rolling day 24 h after they were sent (counted in 5-minute steps).
    expect(held.retryAfterMs).toBeGreaterThan(18 * HOUR);
    expect(held.retryAfterMs).toBeLessThanOrEqual(18 * HOUR + 10 * 60_000);
    expect(await budget.acquire('other')).toBe(0);
    clock.advance(held.retryAfterMs);
    await spend(budget, 3);
    await refusal(budget.acquire('loc'));
  });

  it('trusts GHL’s remaining count when it is lower, and asks GHL again ten minutes after it said none', async () => {
    const clock = virtualTime(1_000 * DAY);
    const budget = createMemoryRateBudget({
      points: 100,
      durationMs: 10_000,
      daily: { limit: 200_000 },
      ...clock,
    });
    await spend(budget, 10);
    // Other integrations on the location used most of GHL's day.
    await budget.observeDaily?.('loc', { remaining: 2, limit: 200_000 });
    await spend(budget, 2);
    const held = await refusal(budget.acquire('loc'));
    expect(held.retryAfterMs).toBeLessThanOrEqual(10 * 60_000);
    clock.advance(held.retryAfterMs);
    // One request goes to hear from GHL again, and only one.
    await spend(budget, 1);
    expect((await refusal(budget.acquire('loc'))).retryAfterMs).toBe(10 * 60_000);
    // GHL's day started afresh.
    await budget.observeDaily?.('loc', { remaining: 199_999 });
    await spend(budget, 5);
  });

  it('honours a lower daily limit GHL applies to the location', async () => {
    const clock = virtualTime(1_000 * DAY);
    const budget = createMemoryRateBudget({
      points: 100,
      durationMs: 10_000,
      daily: { limit: 200_000 },
      ...clock,
    });
    await budget.observeDaily?.('loc', { remaining: 99_000, limit: 3 });
    await spend(budget, 3);
    expect((await refusal(budget.acquire('loc'))).limit).toBe(3);
  });

  it('shows what is left of the day in /metrics and warns once when 80% is used', async () => {
    const clock = virtualTime(1_000 * DAY);
    const metrics = createMetrics();
    const warnings: { obj: object; msg: string }[] = [];
    const onUsage = watchDailyBudget({
      logger: { warn: (obj, msg) => warnings.push({ obj, msg }) },
      gauge: metrics.ghlDailyBudgetRemaining,
    });
    const budget = createMemoryRateBudget({
      points: 100,
      durationMs: 10_000,
      daily: { limit: 10, onUsage },
      ...clock,
    });
    await spend(budget, 7);
    expect(warnings).toEqual([]);
    expect(await metrics.registry.metrics()).toContain('jorge_ghl_daily_budget_remaining{location="loc"} 3');
    await spend(budget, 3);
    expect(await metrics.registry.metrics()).toContain('jorge_ghl_daily_budget_remaining{location="loc"} 0');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/80% used/);
    expect(warnings[0]?.obj).toMatchObject({ location: 'loc', used: 8, limit: 10 });
  });
});

describe('daily budget through the GHL client', () => {
  let ghl: FakeGhl | undefined;
  afterEach(async () => {
    await ghl?.close();
  });

  it('stops calling GHL once GHL says the day is used up; the caller gets a retryable error saying so', async () => {
    ghl = await startFakeGhl({ dailyLimit: 3 });
    ghl.seedContact({ id: 'cnt00000000000000001', firstName: 'Ana' });
    const budget = createMemoryRateBudget({ points: 90, durationMs: 10_500, daily: { limit: 200_000 } });
    const retries: number[] = [];
    const crm = createGhlCrm({
      baseUrl: ghl.url,
      token: ghl.token,
      budget,
      retry: { maxRetries: 3, initialBackoffMs: 1, maxBackoffMs: 5, base: 2, jitter: 0 },
      observer: { onRetry: (_op, attempt) => retries.push(attempt) },
    });
    for (let i = 0; i < 3; i++) await crm.getContact(ghl.locationId, 'cnt00000000000000001');
    const err = await crm.getContact(ghl.locationId, 'cnt00000000000000001').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DailyBudgetExhaustedError);
    expect(err).toMatchObject({ retryable: true, ambiguous: false });
    expect(ghl.requests).toHaveLength(3);
    expect(retries).toEqual([]);
  });

  it('a day used up while GHL’s circuit waits for its trial call does not keep the circuit from closing', async () => {
    ghl = await startFakeGhl();
    ghl.seedContact({ id: 'cnt00000000000000001', firstName: 'Ana' });
    const budget = createMemoryRateBudget({ points: 90, durationMs: 10_500, daily: { limit: 200_000 } });
    const crm = createGhlCrm({
      baseUrl: ghl.url,
      token: ghl.token,
      budget,
      retry: { maxRetries: 0, initialBackoffMs: 1, maxBackoffMs: 1, base: 2, jitter: 0 },
      breaker: createBreaker('ghl', { failureThreshold: 1, halfOpenAfterMs: 50 }),
    });
    const read = () => crm.getContact(ghl!.locationId, 'cnt00000000000000001');
    ghl.failNext({ method: 'GET', path: '/contacts/cnt00000000000000001', status: 503, times: 1 });
    await expect(read()).rejects.toMatchObject({ status: 503 });
    await new Promise((r) => setTimeout(r, 80));
    await budget.observeDaily?.(ghl.locationId, { remaining: 0 });
    await expect(read()).rejects.toBeInstanceOf(DailyBudgetExhaustedError);
    await budget.observeDaily?.(ghl.locationId, { remaining: 1_000 });
    expect((await read()).id).toBe('cnt00000000000000001');
  });
});

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('[skip] shared daily budget: REDIS_URL is not set (CI sets it)');

describe.skipIf(!redisUrl)('daily budget shared through Redis', () => {
  const prefix = `test-daily-${randomUUID()}`;
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

  it('counts both replicas’ requests against one day, and what GHL told one holds for the other', async () => {
    const opts = { points: 100, durationMs: 1_000, keyPrefix: `${prefix}:count`, daily: { limit: 4 } };
    const replicaA = createRedisRateBudget(a, opts);
    const replicaB = createRedisRateBudget(b, opts);
    await spend(replicaA, 2);
    await spend(replicaB, 2);
    await refusal(replicaA.acquire('loc'));
    const held = await refusal(replicaB.acquire('loc'));
    expect(held.retryAfterMs).toBeGreaterThan(DAY - 10 * 60_000);

    const told = { ...opts, keyPrefix: `${prefix}:told`, daily: { limit: 200_000 } };
    const toldA = createRedisRateBudget(a, told);
    const toldB = createRedisRateBudget(b, told);
    await spend(toldA, 1);
    await toldA.observeDaily?.('loc', { remaining: 1 });
    await spend(toldB, 1);
    expect((await refusal(toldB.acquire('loc'))).retryAfterMs).toBeLessThanOrEqual(10 * 60_000);
    await refusal(toldA.acquire('loc'));
    await toldB.observeDaily?.('loc', { remaining: 50 });
    await spend(toldA, 2);
  });
});
