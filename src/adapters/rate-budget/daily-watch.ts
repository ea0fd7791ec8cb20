import type { DailyUsage } from './daily-window.ts';

export interface DailyWatchDeps {
  logger: { warn(obj: object, msg: string): void };
  /** Remaining requests of the day per location. */
  gauge: { set(labels: { location: string }, value: number): void };
}

// Early enough to act (find the loop, raise the limit with GHL) before sends stop for the day.
const WARN_AT = 0.8;

/**
 * Publishes what is left of each location's day and warns once when 80% is used, again only
 * after usage fell back below (a new day), so a busy location does not flood the log.
 */
export function watchDailyBudget(deps: DailyWatchDeps): (location: string, usage: DailyUsage) => void {
  const warned = new Set<string>();
  return (location, usage) => {
    deps.gauge.set({ location }, usage.remaining);
    const used = usage.limit - usage.remaining;
    if (usage.limit > 0 && used >= usage.limit * WARN_AT) {
      if (warned.has(location)) return;
      warned.add(location);
      deps.logger.warn(
        { location, used, limit: usage.limit, remaining: usage.remaining },
        'GHL daily request budget 80% used; requests stop when it runs out',
      );
    } else warned.delete(location);
  };
}
