import type { Redis } from 'ioredis';
import type { DailyReport } from '../../ports.ts';
import { DAILY_BUCKET_MS, DAILY_BUCKETS, DAILY_REPORT_TTL_MS, DAY_MS } from './daily-window.ts';
import type { GrantReport } from './own-grants.ts';
import {
  observeDailyScript,
  pauseScript,
  reconcileScript,
  recoverScript,
  takeKeys,
  takeScript,
} from './redis-scripts.ts';

// A replica not seen for this long no longer counts towards the replicas sharing the budget.
const REPLICA_TTL_MS = 600_000;

export interface TakeRequest {
  points: number;
  member: string;
  replicaId: string;
  /** The Redis this replica knows ('' = none yet); another one means Redis lost its data. */
  epoch: string;
  share: number;
  dailyLimit: number;
  quietMs: number;
}

/** code 0 granted, 1 wait `ms`, 2 the day is used up for `ms`, 3 Redis is not the one known. */
export interface TakeResult {
  code: 0 | 1 | 2 | 3;
  ms: number;
  epoch: string;
  remaining: number;
  limit: number;
  replicas: number;
}

/**
 * The budget's calls to Redis. Each gives up after `timeoutMs`: a hung Redis (or one still being
 * reconnected to) must not hold requests up, and the caller falls back instead.
 */
export function createBudgetRedis(
  redis: Redis,
  opts: { keyPrefix: string; windowMs: number; timeoutMs: number },
) {
  const key = (kind: string, loc?: string) =>
    `${opts.keyPrefix}:${kind}${loc === undefined ? '' : `:${loc}`}`;
  const perLocation = new Set(['log', 'pause', 'day', 'dayreport']);

  async function call(fn: () => Promise<unknown>): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), opts.timeoutMs);
    });
    try {
      return await Promise.race([fn(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async take(loc: string, req: TakeRequest, newEpoch: string): Promise<TakeResult> {
      const raw = (await call(() =>
        redis.eval(
          takeScript,
          takeKeys.length,
          ...takeKeys.map((k) => (perLocation.has(k) ? key(k, loc) : key(k))),
          ...[
            req.points,
            opts.windowMs,
            req.member,
            req.replicaId,
            req.epoch,
            newEpoch,
            req.share,
            req.dailyLimit,
            DAILY_BUCKET_MS,
            DAILY_BUCKETS,
            REPLICA_TTL_MS,
            req.quietMs,
            DAILY_REPORT_TTL_MS,
          ].map(String),
        ),
      )) as [TakeResult['code'], number, string, number, number, number];
      const [code, ms, epoch, remaining, limit, replicas] = raw;
      return { code, ms, epoch, remaining, limit, replicas };
    },

    /** Marks that replicas may be on fallback shares (each keeps to its share for a window). */
    async recover(): Promise<void> {
      await call(() => redis.eval(recoverScript, 1, key('recovering'), String(opts.windowMs)));
    },

    async reconcile(loc: string, r: GrantReport): Promise<void> {
      const args = [
        opts.windowMs,
        DAILY_BUCKET_MS,
        DAILY_BUCKETS,
        r.window.length,
        ...r.window.flat(),
        ...r.day.flat(),
      ];
      await call(() => redis.eval(reconcileScript, 2, key('log', loc), key('day', loc), ...args.map(String)));
    },

    async pause(loc: string, px: number): Promise<void> {
      await call(() => redis.eval(pauseScript, 1, key('pause', loc), String(px)));
    },

    async observeDaily(loc: string, report: DailyReport): Promise<void> {
      await call(() =>
        redis.eval(
          observeDailyScript,
          1,
          key('dayreport', loc),
          String(report.remaining),
          report.limit === undefined ? '' : String(report.limit),
          String(DAILY_REPORT_TTL_MS),
          String(DAY_MS),
        ),
      );
    },
  };
}
