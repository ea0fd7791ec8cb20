import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateBudget } from '../../ports.ts';
import { sleepFor } from '../../resilience/retry.ts';

export interface RedisRateBudgetOptions {
  /** Requests allowed per key per window. */
  points: number;
  /** Whole seconds only: the limiter stores windows with second-granularity expiry. */
  durationMs: number;
  /** Namespaces every Redis key this budget touches. */
  keyPrefix: string;
  sleep?: (ms: number) => Promise<void>;
}

// Extends a pause but never shortens one another replica set for longer.
const pauseScript = `
local ttl = redis.call('pttl', KEYS[1])
if ttl < tonumber(ARGV[1]) then
  redis.call('set', KEYS[1], '1', 'PX', ARGV[1])
end
return 1`;

/**
 * Budget shared by every replica that points at the same Redis and key prefix. The Redis client
 * belongs to the caller, who closes it.
 *
 * The window is fixed, not sliding, so just after a window boundary the server may still count
 * requests from the previous one; its 429 + Retry-After then pauses every replica through `pause`.
 */
export function createRedisRateBudget(redis: Redis, opts: RedisRateBudgetOptions): RateBudget {
  if (!(opts.points >= 1) || !(opts.durationMs >= 1000) || opts.durationMs % 1000 !== 0) {
    throw new Error('redis rate budget needs points >= 1 and durationMs in whole seconds');
  }
  const sleep = opts.sleep ?? sleepFor;
  const duration = opts.durationMs / 1000;
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    points: opts.points,
    duration,
    keyPrefix: `${opts.keyPrefix}:budget`,
    // If Redis is unreachable, keep each replica within the budget on its own rather than stop.
    insuranceLimiter: new RateLimiterMemory({ points: opts.points, duration }),
  });
  const pauseKey = (key: string) => `${opts.keyPrefix}:pause:${key}`;

  async function pausedForMs(key: string): Promise<number> {
    try {
      return Math.max(0, await redis.pttl(pauseKey(key)));
    } catch {
      return 0;
    }
  }

  return {
    mode: 'redis',
    async acquire(key) {
      // Time spent held back by the budget; Redis round trips are not waiting.
      let waited = 0;
      for (;;) {
        const paused = await pausedForMs(key);
        if (paused > 0) {
          await sleep(paused);
          waited += paused;
          continue;
        }
        try {
          await limiter.consume(key);
          return waited;
        } catch (err) {
          if (!(err instanceof RateLimiterRes)) throw err;
          const ms = Math.max(1, err.msBeforeNext);
          await sleep(ms);
          waited += ms;
        }
      }
    },
    async pause(key, ms) {
      const px = Math.max(1, Math.ceil(ms));
      await redis.eval(pauseScript, 1, pauseKey(key), String(px));
    },
    async close() {},
  };
}
