import { describe, expect, it } from 'vitest';
import { burstAllowance } from '../../../src/adapters/rate-budget/burst-allowance.ts';
import { createMemoryRateBudget } from '../../../src/adapters/rate-budget/memory-rate-budget.ts';
import { busiestWindow, virtualTime } from './virtual-time.ts';

// GHL's burst limit, and the budget the service builds from it with the default settings.
const GHL = { max: 100, intervalMs: 10_000 };
const defaults = burstAllowance({ ...GHL, marginPct: 10, guardMs: 500 });

/** A small seeded generator, so the "network" delays are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Requests asking for slots at `startsAt` (ms); each reaches GHL 20–420 ms after its slot, as
 * requests on a real network do. Returns when each one arrived at GHL.
 */
async function arrivalsAtGhl(budget: { points: number; durationMs: number }, startsAt: number[]) {
  const clock = virtualTime();
  const rate = createMemoryRateBudget({ ...budget, ...clock });
  const delay = seeded(7);
  const arrivals: number[] = [];
  const requests = startsAt.map(async (at) => {
    await clock.sleep(at);
    await rate.acquire('loc');
    arrivals.push(clock.now() + 20 + delay() * 400);
  });
  await clock.settle();
  await Promise.all(requests);
  return arrivals;
}

describe('burst budget against GHL’s own window', () => {
  it('spends 90 of GHL’s 100 per 10 s by default, in a window half a second longer', () => {
    expect(defaults).toEqual({ points: 90, durationMs: 10_500 });
  });

  it('never lands more than 100 in GHL’s window when a backlog is sent as fast as allowed', async () => {
    const arrivals = await arrivalsAtGhl(
      defaults,
      Array.from({ length: 450 }, () => 0),
    );
    expect(arrivals).toHaveLength(450);
    expect(busiestWindow(arrivals, GHL.intervalMs)).toBeLessThanOrEqual(GHL.max);
  });

  it('never lands more than 100 in GHL’s window under steady traffic above the limit', async () => {
    const arrivals = await arrivalsAtGhl(
      defaults,
      Array.from({ length: 600 }, (_, i) => Math.floor(i * 83.3)),
    );
    expect(arrivals).toHaveLength(600);
    expect(busiestWindow(arrivals, GHL.intervalMs)).toBeLessThanOrEqual(GHL.max);
  });

  it('would overshoot GHL without margin and guard, which is why they exist', async () => {
    const exact = { points: GHL.max, durationMs: GHL.intervalMs };
    const backlog = await arrivalsAtGhl(
      exact,
      Array.from({ length: 450 }, () => 0),
    );
    expect(busiestWindow(backlog, GHL.intervalMs)).toBeGreaterThan(GHL.max);
  });
});
