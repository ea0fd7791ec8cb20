// Part of the composition root: the CRMs (GHL with each location's token, the sandbox CRM) and which
// one serves a location, wired from the config.
import { ghlAuthFromConfig } from '../adapters/ghl-oauth/from-config.ts';
import { createGhlCrm } from '../adapters/ghl/ghl-client.ts';
import { postgresStores } from '../adapters/postgres/stores.ts';
import { createSandboxCrm } from '../adapters/sandbox-crm/sandbox-crm.ts';
import type { createLocationSettings } from '../app/locations/location-settings.ts';
import { SANDBOX_LOCATION_ID } from '../app/locations/sandbox.ts';
import type { Config } from '../config.ts';
import type { BotsConfig } from '../domain/bots-config.ts';
import { leadMarkingTags } from '../domain/staff.ts';
import type { Logger } from '../observability/logger.ts';
import type { createMetrics } from '../observability/metrics.ts';
import type { Crm, Db, RateBudget } from '../ports.ts';
import type { Breaker, BreakerFactory } from './breakers.ts';

type Metrics = ReturnType<typeof createMetrics>;

export interface GhlWiring {
  db: Db;
  logger: Logger;
  metrics: Metrics;
  budget: RateBudget;
  /** A factory gives each GHL endpoint family its own breaker (adapters/ghl/http.ts). */
  breaker: Breaker | BreakerFactory;
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

/**
 * Both CRMs and the choice between them: the sandbox location always gets the sandbox CRM, every
 * other location GHL when it is configured (else the sandbox CRM too).
 */
export function crmsFromConfig(config: Config, w: GhlWiring) {
  // Links the sandbox CRM hands out (attachment URLs): the public address when one is configured.
  const publicBaseUrl =
    config.PUBLIC_BASE_URL?.replace(/\/+$/, '') ??
    `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT}`;
  const sandboxCrm = createSandboxCrm(w.db, { timezone: config.TIMEZONE, publicBaseUrl });
  const ghl = ghlCrmFromConfig(config, w);
  const ghlCrm = ghl.crm;
  const crmFor = (locationId: string): Crm =>
    locationId === SANDBOX_LOCATION_ID || !ghlCrm ? sandboxCrm : ghlCrm;

  // The sandbox has a believable calendar of its own; GHL needs the location's calendar id or GHL_CALENDAR_ID.
  const calendarOf = (locationId: string, stored: string | undefined) => {
    if (locationId === SANDBOX_LOCATION_ID || !ghlCrm)
      return { crm: sandboxCrm, calendarId: stored ?? 'sandbox-calendar' };
    const calendarId = stored ?? config.GHL_CALENDAR_ID;
    return calendarId ? { crm: ghlCrm, calendarId } : null;
  };
  const calendarFor = (locationId: string) => calendarOf(locationId, undefined);
  return { ghlCrm, installs: ghl.installs, crmFor, calendarOf, calendarFor };
}
