import { describe, expect, it } from 'vitest';
import { createMemoryRateBudget } from '../../../src/adapters/rate-budget/memory-rate-budget.ts';

/** A virtual clock: sleeping schedules a wake-up; `settle` runs time forward until nobody sleeps. */
function virtualTime() {
  let t = 0;
  const timers: { at: number; wake: () => void }[] = [];
  const flush = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        timers.push({ at: t + ms, wake });
      }),
    async settle() {
      await flush();
      while (timers.length > 0) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        t = Math.max(t, next.at);
        next.wake();
        await flush();
      }
    },
  };
}

/** The most acquisitions that fall in any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0; i < sorted.length; i++) {
    const inWindow = sorted.filter((x) => x >= sorted[i]! && x < sorted[i]! + windowMs).length;
    best = Math.max(best, inWindow);
  }
  return best;
}

describe('memory rate budget', () => {
  it('lets the first `points` requests through without waiting', async () => {
    const clock = virtualTime();
    const budget = createMemoryRateBudget({ points: 3, durationMs: 1000, ...clock });
    const waits = await Promise.all([budget.acquire('loc'), budget.acquire('loc'), budget.acquire('loc')]);
    expect(waits).toEqual([0, 0, 0]);
  });

  it('makes the request over budget wait until the oldest slot frees up', async () => {
    const clock = virtualTime();
    const budget = createMemoryRateBudget({ points: 2, durationMs: 1000, ...clock });
    await budget.acquire('loc');
    const pending = Promise.all([budget.acquire('loc'), budget.acquire('loc'), budget.acquire('loc')]);
    await clock.settle();
    expect(await pending).toEqual([0, 1000, 1000]);
  });

  it('never admits more than `points` requests in any window', async () => {
    const clock = virtualTime();
    const budget = createMemoryRateBudget({ points: 5, durationMs: 1000, ...clock });
    const admitted: number[] = [];
    const all = Array.from({ length: 23 }, () =>
      budget.acquire('loc').then(() => admitted.push(clock.now())),
    );
    await clock.settle();
    await Promise.all(all);
    expect(admitted).toHaveLength(23);
    expect(busiestWindow(admitted, 1000)).toBe(5);
  });

  it('keeps separate budgets per key', async () => {
    const clock = virtualTime();
    const budget = createMemoryRateBudget({ points: 1, durationMs: 1000, ...clock });
    await budget.acquire('a');
    expect(await budget.acquire('b')).toBe(0);
  });

  it('blocks a paused key for the given time, and a shorter pause does not cut it short', async () => {
    const clock = virtualTime();
    const budget = createMemoryRateBudget({ points: 10, durationMs: 1000, ...clock });
    await budget.pause('loc', 2500);
    await budget.pause('loc', 100);
    const waited = budget.acquire('loc');
    const other = budget.acquire('other');
    await clock.settle();
    expect(await waited).toBe(2500);
    expect(await other).toBe(0);
  });

  it('rejects a budget that could never admit anything', () => {
    expect(() => createMemoryRateBudget({ points: 0, durationMs: 1000 })).toThrow();
  });
});
