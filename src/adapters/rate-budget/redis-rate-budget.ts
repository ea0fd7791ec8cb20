import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateBudget } from '../../ports.ts';
import { sleepFor } from '../../resilience/retry.ts';
import { createMemoryRateBudget } from './memory-rate-budget.ts';

export interface RedisRateBudgetOptions {
  /** Requests allowed per key in any window of `durationMs`. */
  points: number;
  durationMs: number;
  /** Namespaces every Redis key this budget touches. */
  keyPrefix: string;
  sleep?: (ms: number) => Promise<void>;
}

// A sliding log in a sorted set, checked and taken atomically, timed by the Redis server's clock so
// replicas with drifting clocks still agree. A fixed window would let twice the budget through
// across a window boundary, and GHL counts over a sliding window.
// Returns 0 when a slot was taken, else the milliseconds until the oldest entry leaves the window.
const takeScript = `
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
local paused = redis.call('pttl', KEYS[2])
if paused > 0 then return paused end
redis.call('zremrangebyscore', KEYS[1], '-inf', now - window)
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('zadd', KEYS[1], now, ARGV[3])
  redis.call('pexpire', KEYS[1], window)
  return 0
end
local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)`;

// Extends a pause but never shortens one another replica set for longer.
const pauseScript = `
local ttl = redis.call('pttl', KEYS[1])
if ttl < tonumber(ARGV[1]) then
  redis.call('set', KEYS[1], '1', 'PX', ARGV[1])
end
return 1`;

/**
 * Budget shared by every replica that points at the same Redis and key prefix. The Redis client
 * belongs to the caller, who closes it. If Redis is unreachable each replica keeps to the budget
 * on its own (in memory) rather than stop sending.
 */
export function createRedisRateBudget(redis: Redis, opts: RedisRateBudgetOptions): RateBudget {
  if (!(opts.points >= 1) || !(opts.durationMs > 0)) {
    throw new Error('rate budget needs points >= 1 and durationMs > 0');
  }
  const sleep = opts.sleep ?? sleepFor;
  const fallback = createMemoryRateBudget({ points: opts.points, durationMs: opts.durationMs, sleep });
  const logKey = (key: string) => `${opts.keyPrefix}:log:${key}`;
  const pauseKey = (key: string) => `${opts.keyPrefix}:pause:${key}`;
  let seq = 0;
  const member = () => `${randomBytes(6).toString('hex')}:${++seq}`;

  return {
    mode: 'redis',
    async acquire(key) {
      // Time spent held back by the budget; Redis round trips are not waiting.
      let waited = 0;
      for (;;) {
        let wait: number;
        try {
          wait = Number(
            await redis.eval(
              takeScript,
              2,
              logKey(key),
              pauseKey(key),
              String(opts.points),
              String(opts.durationMs),
              member(),
            ),
          );
        } catch {
          return waited + (await fallback.acquire(key));
        }
        if (wait <= 0) return waited;
        await sleep(wait);
        waited += wait;
      }
    },
    async pause(key, ms) {
      const px = Math.max(1, Math.ceil(ms));
      await fallback.pause(key, px);
      try {
        await redis.eval(pauseScript, 1, pauseKey(key), String(px));
      } catch {
        // Redis down: the in-memory pause above still holds this replica back.
      }
    },
    async close() {
      await fallback.close();
    },
  };
}
