import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DailyBudgetExhaustedError, type RateBudget } from '../../ports.ts';
import { sleepFor } from '../../resilience/retry.ts';
import { createBudgetRedis } from './budget-redis.ts';
import type { DailyUsage } from './daily-window.ts';
import type { DailyBudgetOptions } from './memory-rate-budget.ts';
import { OwnGrants } from './own-grants.ts';
import { SlidingLog } from './sliding-log.ts';

export interface BudgetLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface RedisRateBudgetOptions {
  /** Requests allowed per key in any window of `durationMs`, shared by every replica. */
  points: number;
  durationMs: number;
  /** Namespaces every Redis key this budget touches. */
  keyPrefix: string;
  /**
   * Replicas expected to share the budget (at least; more seen in Redis count too). While Redis is
   * unreachable each replica spends only `points / replicas`, so together they stay within it.
   */
  replicas?: number;
  daily?: DailyBudgetOptions;
  /** A Redis call slower than this counts as Redis being unreachable (a hung server never answers). */
  timeoutMs?: number;
  /** On the fallback, how often a request checks whether Redis is back. */
  probeMs?: number;
  logger?: BudgetLogger;
  sleep?: (ms: number) => Promise<void>;
  /** This replica's clock, for its own fallback; the shared log uses the Redis server's clock. */
  now?: () => number;
}

interface Fallback {
  /** No request before this: grants made through Redis just before it failed may still count. */
  quietUntil: number;
  log: SlidingLog;
  divisor: number;
  nextProbe: number;
  dayUsed: Map<string, number>;
}

/**
 * Budget shared by every replica that points at the same Redis and key prefix. The Redis client
 * belongs to the caller, who closes it.
 *
 * Fail safe when Redis fails: slower, never over budget. A replica that cannot reach Redis first
 * waits one window (others may have filled it just before), then spends its share
 * (`points / replicas`). When Redis answers again, the replica writes what it sent meanwhile into
 * the shared log before taking more, and for one window every replica keeps to its share, since
 * others may not have written theirs yet. An empty Redis that started less than a window ago
 * (restarted) lets nobody take until that window has passed.
 */
export function createRedisRateBudget(redis: Redis, opts: RedisRateBudgetOptions): RateBudget {
  if (!(opts.points >= 1) || !(opts.durationMs > 0)) {
    throw new Error('rate budget needs points >= 1 and durationMs > 0');
  }
  const sleep = opts.sleep ?? sleepFor;
  const now = opts.now ?? (() => performance.now());
  const timeoutMs = opts.timeoutMs ?? 1_000;
  const probeMs = opts.probeMs ?? 1_000;
  const window = opts.durationMs;
  // A fallback waits a little longer than a window before its first request, so that Redis can
  // tell an outage (no call for longer than this) from a replica sleeping until a slot frees.
  const quietMs = window + Math.min(window, 1_000);
  const replicaId = randomBytes(6).toString('hex');
  const shared = createBudgetRedis(redis, { keyPrefix: opts.keyPrefix, windowMs: window, timeoutMs });
  const own = new OwnGrants(window);
  const pausedUntil = new Map<string, number>();
  const lastDay = new Map<string, DailyUsage>();
  let epoch = '';
  let seenReplicas = 1;
  let seq = 0;
  let fallback: Fallback | null = null;

  const divisor = () => Math.max(1, opts.replicas ?? 1, seenReplicas);
  const share = () => Math.max(1, Math.floor(opts.points / divisor()));

  function enterFallback(err: unknown): void {
    if (fallback) return;
    const at = now();
    fallback = {
      quietUntil: at + quietMs,
      log: new SlidingLog(share(), window),
      divisor: divisor(),
      nextProbe: at + probeMs,
      dayUsed: new Map(),
    };
    opts.logger?.warn(
      { err, share: share(), quietMs },
      'Redis unreachable: GHL rate budget waits one window, then spends this replica share',
    );
  }

  /** Writes this replica's recent grants into Redis; throws if Redis cannot take them. */
  async function reconcile(): Promise<void> {
    await shared.recover();
    for (let round = 0; round < 5; round++) {
      for (const loc of own.keys(now())) {
        const r = own.report(loc, now());
        await shared.reconcile(loc, r);
        own.counted(loc, r.dayCount);
      }
      if (!own.hasUncounted()) return;
    }
    throw new Error('requests kept arriving faster than they could be written to Redis');
  }

  let probing = false;
  async function probe(): Promise<void> {
    if (!fallback || probing || now() < fallback.nextProbe) return;
    probing = true;
    try {
      await reconcile();
      fallback = null;
      opts.logger?.info({}, 'Redis reachable again: GHL rate budget shared again');
    } catch {
      // Still away; the fallback goes on.
    } finally {
      probing = false;
      if (fallback) fallback.nextProbe = now() + probeMs;
    }
  }

  async function take(loc: string, member: string) {
    try {
      const request = {
        points: opts.points,
        member,
        replicaId,
        epoch,
        share: share(),
        dailyLimit: opts.daily?.limit ?? 0,
        quietMs,
      };
      return await shared.take(loc, request, randomBytes(8).toString('hex'));
    } catch (err) {
      enterFallback(err);
      return null;
    }
  }

  /** A slot from this replica's share while Redis is away: 0 if taken, else ms to wait. */
  function takeAlone(loc: string, fb: Fallback): number {
    const at = now();
    const held = Math.max((pausedUntil.get(loc) ?? 0) - at, fb.quietUntil - at);
    if (held > 0) return held;
    const known = lastDay.get(loc);
    const used = fb.dayUsed.get(loc) ?? 0;
    if (opts.daily) {
      const allowance = Math.floor((known?.remaining ?? opts.daily.limit) / fb.divisor);
      if (used >= allowance) {
        throw new DailyBudgetExhaustedError(loc, known?.limit ?? opts.daily.limit, Math.max(window, probeMs));
      }
    }
    const wait = fb.log.take(loc, at);
    if (wait > 0) return wait;
    own.granted(loc, `${replicaId}:${++seq}`, at, false);
    fb.dayUsed.set(loc, used + 1);
    if (opts.daily && known) {
      opts.daily.onUsage?.(loc, { remaining: Math.max(0, known.remaining - used - 1), limit: known.limit });
    }
    return 0;
  }

  return {
    mode: 'redis',
    async acquire(loc) {
      // Time spent held back by the budget; Redis round trips are not waiting.
      let waited = 0;
      for (;;) {
        await probe();
        let wait: number;
        if (fallback) {
          wait = takeAlone(loc, fallback);
          if (wait === 0) return waited;
          wait = Math.min(wait, Math.max(1, fallback.nextProbe - now()));
        } else {
          const member = `${replicaId}:${++seq}`;
          const r = await take(loc, member);
          if (!r) continue;
          if (r.code === 3) {
            // Redis lost its data (restart, flush): put back what this replica sent first.
            epoch = r.epoch;
            try {
              await reconcile();
            } catch (err) {
              enterFallback(err);
            }
            continue;
          }
          epoch = r.epoch;
          seenReplicas = Math.max(1, r.replicas);
          if (r.code === 2) throw new DailyBudgetExhaustedError(loc, r.limit, r.ms);
          if (r.code === 0) {
            own.granted(loc, member, now(), true);
            if (opts.daily) {
              const usage = { remaining: Math.max(0, r.remaining), limit: r.limit };
              lastDay.set(loc, usage);
              opts.daily.onUsage?.(loc, usage);
            }
            return waited;
          }
          wait = Math.max(1, r.ms);
        }
        await sleep(wait);
        waited += wait;
      }
    },
    async pause(loc, ms) {
      const px = Math.max(1, Math.ceil(ms));
      const until = now() + px;
      if ((pausedUntil.get(loc) ?? 0) < until) pausedUntil.set(loc, until);
      // Redis away: the local pause above holds this replica back; waiting on Redis would not help.
      if (fallback) return;
      try {
        await shared.pause(loc, px);
      } catch (err) {
        enterFallback(err);
      }
    },
    async observeDaily(loc, report) {
      if (!opts.daily) return;
      const limit = Math.min(opts.daily.limit, report.limit ?? opts.daily.limit);
      const known = lastDay.get(loc);
      const ours = known ? known.remaining - (fallback?.dayUsed.get(loc) ?? 0) : report.remaining;
      lastDay.set(loc, { remaining: Math.max(0, Math.min(report.remaining, ours)), limit });
      if (fallback) {
        // The fallback keeps to its share of what GHL said was left.
        fallback.dayUsed.delete(loc);
        return;
      }
      try {
        await shared.observeDaily(loc, report);
      } catch (err) {
        enterFallback(err);
      }
    },
    async close() {
      own.clear();
      pausedUntil.clear();
      lastDay.clear();
      fallback = null;
    },
  };
}
