import {
  botsWithPersona,
  effectiveLocationSettings,
  type LocationDefaults,
  type LocationSettingKey,
  type LocationSettings,
  type StoredLocationSettings,
} from '../../domain/location-settings.ts';
import type { BotsConfig } from '../../domain/bots-config.ts';
import type { CountLookup } from '../../observability/cache-metrics.ts';
import type { Db, Sql } from '../../ports.ts';
import type { LocationSettingsStorage, StoredLocationRow } from '../../ports/location-settings-storage.ts';
import type { TurnDeps } from '../turn/handle-inbox-event.ts';

export interface LocationSettingsDeps {
  db: Db;
  store: LocationSettingsStorage;
  /** The bots' settings as start-up loaded them: their persona is every location's default. */
  bots: BotsConfig;
  /** GHL_CALENDAR_ID and GHL_ASSIGNED_USER_ID. */
  calendarId: string | undefined;
  assignedUserId?: string | undefined;
  /** How long a location's settings are reused before they are read again (other replicas' edits); default 30 s. */
  ttlMs?: number;
  now?: () => number;
  /** Locations kept in memory at most; the least recently read ones are dropped first. */
  maxEntries?: number;
  /** Counts each lookup of the cache as a hit or a miss (jorge_cache_requests_total). */
  onLookup?: CountLookup;
}

export interface LocationSettingsView extends LocationSettings {
  locationId: string;
  /** Only the values stored for the location. */
  stored: StoredLocationSettings;
  updatedAt: Date | null;
}

/**
 * Per-location settings over the environment's defaults. The live path reads them through a short
 * cache; a write through this object clears its own cache at once, other replicas see it within
 * `ttlMs`.
 */
export function createLocationSettings(deps: LocationSettingsDeps) {
  const cache = new Map<string, { until: number; value: LocationSettings }>();
  const max = deps.maxEntries ?? 10_000;
  const clock = deps.now ?? (() => performance.now());
  // Counts writes, so a read that began before one never puts the old values back in the cache.
  let writes = 0;
  const defaults: LocationDefaults = {
    persona: deps.bots.persona,
    ...(deps.calendarId ? { calendarId: deps.calendarId } : {}),
    ...(deps.assignedUserId ? { assignedUserId: deps.assignedUserId } : {}),
  };

  const view = (locationId: string, row: StoredLocationRow | null) => {
    const stored = row?.settings ?? {};
    return {
      locationId,
      ...effectiveLocationSettings(defaults, stored),
      stored,
      updatedAt: row?.updatedAt ?? null,
    };
  };

  async function get(locationId: string, sql: Sql = deps.db): Promise<LocationSettings> {
    const now = clock();
    const hit = cache.get(locationId);
    deps.onLookup?.(hit && hit.until > now ? 'hit' : 'miss');
    if (hit && hit.until > now) {
      // Re-inserted so the map's order is least recently used first.
      cache.delete(locationId);
      cache.set(locationId, hit);
      return hit.value;
    }
    const before = writes;
    const row = await deps.store.read(sql, locationId);
    const value = effectiveLocationSettings(defaults, row?.settings ?? {});
    if (writes !== before) return value;
    cache.delete(locationId);
    cache.set(locationId, { until: now + (deps.ttlMs ?? 30_000), value });
    while (cache.size > max) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return value;
  }

  return {
    defaults,
    /** The settings a location's turn works with (cached). `sql` reads inside the caller's transaction. */
    get,
    /** The fallback time zone of a location's leads (quiet hours). */
    timezoneOf: async (locationId: string) => (await get(locationId)).persona.timezone,
    /** What a location's follow-ups are written with: its persona and fallback time zone. */
    async followUpLocal(locationId: string, sql: Sql) {
      const s = await get(locationId, sql);
      return { bots: botsWithPersona(deps.bots, s.persona), timezone: s.persona.timezone };
    },

    /** Effective and stored settings of a location, read fresh. */
    async read(locationId: string): Promise<LocationSettingsView> {
      return view(locationId, await deps.store.read(deps.db, locationId));
    },

    /** Stores values (null clears one); `replace` clears every key left out. */
    async write(
      locationId: string,
      values: Partial<Record<LocationSettingKey, string | null | undefined>>,
      opts: { replace: boolean; at: Date },
    ): Promise<LocationSettingsView> {
      writes += 1;
      const row = await deps.store.write(deps.db, locationId, values, opts);
      writes += 1;
      cache.delete(locationId);
      return view(locationId, row);
    },
  };
}

export type LocationSettingsStore = ReturnType<typeof createLocationSettings>;

/**
 * The turn's dependencies as one location sees them: its persona in the bots' settings and the
 * escalation messages, its calendar for free slots and bookings.
 */
export function turnDepsForLocation(
  base: TurnDeps,
  s: LocationSettings,
  /** The calendar of a location: its stored calendar id when it has one, else the default. */
  calendarOf: (locationId: string, stored: string | undefined) => ReturnType<TurnDeps['calendarFor']>,
): TurnDeps {
  const stored = s.sources.calendarId === 'location' ? s.calendarId : undefined;
  return {
    ...base,
    bots: botsWithPersona(base.bots, s.persona),
    calendarFor: (locationId) => calendarOf(locationId, stored),
    escalation:
      base.escalation.agentName === s.persona.agentName
        ? base.escalation
        : { ...base.escalation, agentName: s.persona.agentName },
  };
}
