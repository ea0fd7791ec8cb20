// Part of the composition root: one circuit breaker per outside dependency, wired from the config.
import type { Config } from '../config.ts';
import type { Logger } from '../observability/logger.ts';
import type { createMetrics } from '../observability/metrics.ts';
import { createBreaker } from '../resilience/breaker.ts';

type Metrics = ReturnType<typeof createMetrics>;
export type Breaker = ReturnType<typeof createBreaker>;
export type BreakerFactory = (name: string) => Breaker;

const breakerState = { closed: 0, half_open: 1, open: 2 } as const;

/** One breaker per dependency, its state exported as a gauge, its changes counted and logged. */
export function breakerFactory(config: Config, metrics: Metrics, logger: Logger): BreakerFactory {
  return (name) => {
    metrics.circuitState.set({ dependency: name }, 0);
    return createBreaker(
      name,
      { failureThreshold: config.BREAKER_FAILURE_THRESHOLD, halfOpenAfterMs: config.BREAKER_HALF_OPEN_MS },
      {
        onChange: (dependency, state) => {
          metrics.circuitState.set({ dependency }, breakerState[state]);
          metrics.circuitTransitions.inc({ dependency, state });
          logger.warn({ dependency, state }, 'circuit breaker changed state');
        },
      },
    );
  };
}
