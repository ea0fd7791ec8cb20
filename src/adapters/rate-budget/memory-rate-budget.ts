import type { RateBudget } from '../../ports.ts';
import { sleepFor } from '../../resilience/retry.ts';

export interface MemoryRateBudgetOptions {
  /** Requests allowed per key in any window of `durationMs`. */
  points: number;
  durationMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * In-process budget for a single replica. A sliding log (not a fixed window) because GHL counts
 * requests over a sliding window: a fixed window would allow twice the budget across a boundary.
 */
export function createMemoryRateBudget(opts: MemoryRateBudgetOptions): RateBudget {
  if (!(opts.points >= 1) || !(opts.durationMs > 0)) {
    throw new Error('rate budget needs points >= 1 and durationMs > 0');
  }
  const sleep = opts.sleep ?? sleepFor;
  const now = opts.now ?? Date.now;
  const logs = new Map<string, number[]>();
  const pausedUntil = new Map<string, number>();

  /** Takes a slot if one is free; otherwise says how long until one might be. */
  function tryTake(key: string, at: number): number {
    const until = pausedUntil.get(key);
    if (until !== undefined) {
      if (until > at) return until - at;
      pausedUntil.delete(key);
    }
    let log = logs.get(key);
    if (!log) {
      log = [];
      logs.set(key, log);
    }
    while (log.length > 0 && (log[0] ?? 0) + opts.durationMs <= at) log.shift();
    if (log.length < opts.points) {
      log.push(at);
      return 0;
    }
    return (log[0] ?? at) + opts.durationMs - at;
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
    async close() {
      logs.clear();
      pausedUntil.clear();
    },
  };
}
