// Part of the composition root: the circuit breakers and the GHL client, wired from the config.
import { ghlAuthFromConfig } from '../adapters/ghl-oauth/from-config.ts';
import { createGhlCrm } from '../adapters/ghl/ghl-client.ts';
import type { createLocationSettings } from '../app/locations/location-settings.ts';
import { postgresStores } from '../adapters/postgres/stores.ts';
import type { Config } from '../config.ts';
import type { BotsConfig } from '../domain/bots-config.ts';
import { leadMarkingTags } from '../domain/staff.ts';
import type { Logger } from '../observability/logger.ts';
import type { createMetrics } from '../observability/metrics.ts';
import type { Crm, Db, RateBudget } from '../ports.ts';
import { createBreaker } from '../resilience/breaker.ts';

type Metrics = ReturnType<typeof createMetrics>;
type Breaker = ReturnType<typeof createBreaker>;

const breakerState = { closed: 0, half_open: 1, open: 2 } as const;

/** One breaker per dependency, its state exported as a gauge and logged on change. */
export function breakerFactory(config: Config, metrics: Metrics, logger: Logger): (name: string) => Breaker {
  return (name) => {
    metrics.circuitState.set({ dependency: name }, 0);
    return createBreaker(
      name,
      { failureThreshold: config.BREAKER_FAILURE_THRESHOLD, halfOpenAfterMs: config.BREAKER_HALF_OPEN_MS },
      {
        onChange: (dependency, state) => {
          metrics.circuitState.set({ dependency }, breakerState[state]);
          logger.warn({ dependency, state }, 'circuit breaker changed state');
        },
      },
    );
  };
}

export interface GhlWiring {
  db: Db;
  logger: Logger;
  metrics: Metrics;
  budget: RateBudget;
  breaker: Breaker;
  bots: BotsConfig;
  locationSettings: ReturnType<typeof createLocationSettings>;
}

/**
 * The GHL client with each location's own token (the Private Integration token's location and every
 * OAuth install), or null when neither mode is configured (the sandbox CRM answers alone).
 */
export function ghlCrmFromConfig(config: Config, w: GhlWiring) {
  const ghlAuth = ghlAuthFromConfig(config, { db: w.db, logger: w.logger });
  const { metrics } = w;
  const crm: Crm | null = ghlAuth.tokens
    ? createGhlCrm({
        breaker: w.breaker,
        baseUrl: config.GHL_API_BASE_URL,
        timeoutMs: config.GHL_REQUEST_TIMEOUT_MS,
        tokens: ghlAuth.tokens,
        budget: w.budget,
        logger: w.logger,
        // Appointments and tasks go to the location's user, else its calendar's team (assignment.ts).
        assignment: {
          userFor: async (loc) => (await w.locationSettings.get(loc)).assignedUserId,
          calendarFor: async (loc) => (await w.locationSettings.get(loc)).calendarId,
        },
        // A staff alert never goes to a lead of the bots (docs/ESCALATIONS.md, "Staff alerts").
        leadTags: leadMarkingTags(w.bots.tags),
        isLeadContact: (loc, c) => postgresStores.contacts.isKnownLead(w.db, loc, c.id),
        observer: {
          onCall: (op, status, ms) => {
            metrics.crmCalls.inc({ operation: op, status: String(status) });
            metrics.crmCallDuration.observe({ operation: op }, ms / 1000);
          },
          onRateLimitWait: (ms) => {
            metrics.rateLimitWaits.inc();
            metrics.rateLimitWaitSeconds.inc(ms / 1000);
          },
          onRetry: (op) => metrics.crmRetries.inc({ operation: op }),
        },
      })
    : null;
  return { crm, installs: ghlAuth.installs };
}
