import { DailyBudgetExhaustedError, type RateBudget } from '../../ports.ts';
import { sleepFor } from '../../resilience/retry.ts';
import { DailyWindow, type DailyUsage } from './daily-window.ts';
import { SlidingLog } from './sliding-log.ts';

export interface DailyBudgetOptions {
  /** Requests allowed per key in any rolling 24 h (GHL: 200,000 per location). */
  limit: number;
  /** Told what is left of the day after each request (metrics, the 80% warning). */
  onUsage?: (key: string, usage: DailyUsage) => void;
}

export interface MemoryRateBudgetOptions {
  /** Requests allowed per key in any window of `durationMs`. */
  points: number;
  durationMs: number;
  /** Without it the day is not counted. */
  daily?: DailyBudgetOptions;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** In-process budget for a single replica. */
export function createMemoryRateBudget(opts: MemoryRateBudgetOptions): RateBudget {
  if (!(opts.points >= 1) || !(opts.durationMs > 0)) {
    throw new Error('rate budget needs points >= 1 and durationMs > 0');
  }
  const sleep = opts.sleep ?? sleepFor;
  const now = opts.now ?? Date.now;
  const burst = new SlidingLog(opts.points, opts.durationMs);
  const daily = opts.daily ? new DailyWindow(opts.daily.limit) : null;
  const pausedUntil = new Map<string, number>();

  /** Takes a slot if one is free (0); otherwise how long until one might be. */
  function tryTake(key: string, at: number): number {
    const until = pausedUntil.get(key);
    if (until !== undefined) {
      if (until > at) return until - at;
      pausedUntil.delete(key);
    }
    if (daily) {
      const day = daily.check(key, at);
      if (!day.ok) throw new DailyBudgetExhaustedError(key, day.limit, day.retryAfterMs);
    }
    const wait = burst.take(key, at);
    if (wait === 0 && daily) {
      const usage = daily.record(key, at);
      opts.daily?.onUsage?.(key, usage);
    }
    return wait;
  }

  return {
    mode: 'memory',
    async acquire(key) {
      let waited = 0;
      for (;;) {
        const wait = tryTake(key, now());
        if (wait === 0) return waited;
        const ms = Math.max(1, wait);
        await sleep(ms);
        waited += ms;
      }
    },
    async pause(key, ms) {
      const until = now() + Math.max(0, ms);
      if ((pausedUntil.get(key) ?? 0) < until) pausedUntil.set(key, until);
    },
    async observeDaily(key, report) {
      if (!daily) return;
      daily.observe(key, report, now());
      opts.daily?.onUsage?.(key, daily.usage(key, now()));
    },
    async close() {
      burst.clear();
      daily?.clear();
      pausedUntil.clear();
    },
  };
}
