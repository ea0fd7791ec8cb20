import type { Config } from '../../config.ts';
import type { Logger } from '../../observability/logger.ts';
import type { RateBudget } from '../../ports.ts';
import { burstAllowance } from './burst-allowance.ts';
import { type DailyWatchDeps, watchDailyBudget } from './daily-watch.ts';
import { createMemoryRateBudget } from './memory-rate-budget.ts';
import { createRedisRateBudget } from './redis-rate-budget.ts';

/**
 * GHL's rate budget as configured: shared through Redis when REDIS_URL is set (every replica draws
 * from one budget per location), else in this process. `redis` is the connection to close.
 */
export async function rateBudgetFromConfig(
  config: Config,
  deps: { logger: Logger; gauge: DailyWatchDeps['gauge'] },
): Promise<{ budget: RateBudget; redis: import('ioredis').Redis | null }> {
  const burst = burstAllowance({
    max: config.GHL_RATE_LIMIT_MAX,
    intervalMs: config.GHL_RATE_LIMIT_INTERVAL_MS,
    marginPct: config.GHL_RATE_LIMIT_MARGIN_PCT,
    guardMs: config.GHL_RATE_LIMIT_GUARD_MS,
  });
  const daily = {
    limit: config.GHL_RATE_LIMIT_DAILY,
    onUsage: watchDailyBudget({ logger: deps.logger, gauge: deps.gauge }),
  };
  if (!config.REDIS_URL) return { budget: createMemoryRateBudget({ ...burst, daily }), redis: null };
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
  redis.on('error', (err) => deps.logger.warn({ err }, 'redis error'));
  const budget = createRedisRateBudget(redis, {
    ...burst,
    keyPrefix: `${config.REDIS_KEY_PREFIX}:ghl-budget`,
    replicas: config.GHL_RATE_LIMIT_REPLICAS,
    daily,
    logger: deps.logger,
  });
  return { budget, redis };
}
