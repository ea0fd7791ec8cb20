import type { BotsConfig, Persona } from './bots-config.ts';

// Settings one GHL location may hold for itself. The environment gives every location the same
// defaults (GHL_CALENDAR_ID, GHL_ASSIGNED_USER_ID, AGENT_NAME, ASSISTANT_NAME, BROKERAGE,
// AGENT_LICENSE_NUMBER, MARKET, TIMEZONE); a value stored for a location wins for that location.

const PERSONA_KEYS = [
  'agentName',
  'assistantName',
  'brokerage',
  'licenseNumber',
  'market',
  'timezone',
] as const;

export const LOCATION_SETTING_KEYS = ['calendarId', 'assignedUserId', ...PERSONA_KEYS] as const;

export type LocationSettingKey = (typeof LOCATION_SETTING_KEYS)[number];

/** What a location stores: only the keys it overrides. */
export type StoredLocationSettings = Partial<Record<LocationSettingKey, string>>;

/** The environment's values, shared by every location. */
export interface LocationDefaults {
  persona: Persona;
  calendarId?: string;
  assignedUserId?: string;
}

/**
 * Where an effective value came from: stored for the location, the service's default (the
 * environment, or the persona of BOTS_CONFIG_FILE), or nowhere (an optional value left unset).
 */
export type SettingSource = 'location' | 'default' | 'unset';

export interface LocationSettings {
  persona: Persona;
  calendarId?: string;
  assignedUserId?: string;
  sources: Record<LocationSettingKey, SettingSource>;
}

/** The values a location works with: each stored value over the environment's. */
export function effectiveLocationSettings(
  defaults: LocationDefaults,
  stored: StoredLocationSettings,
): LocationSettings {
  const persona: Persona = { ...defaults.persona };
  const sources = {} as Record<LocationSettingKey, SettingSource>;
  for (const key of PERSONA_KEYS) {
    const value = stored[key];
    if (value !== undefined) persona[key] = value;
    sources[key] = value !== undefined ? 'location' : persona[key] !== undefined ? 'default' : 'unset';
  }
  const calendarId = stored.calendarId ?? defaults.calendarId;
  const assignedUserId = stored.assignedUserId ?? defaults.assignedUserId;
  const from = (key: 'calendarId' | 'assignedUserId', fallback: string | undefined): SettingSource =>
    stored[key] !== undefined ? 'location' : fallback !== undefined ? 'default' : 'unset';
  sources.calendarId = from('calendarId', defaults.calendarId);
  sources.assignedUserId = from('assignedUserId', defaults.assignedUserId);
  return {
    persona,
    ...(calendarId !== undefined ? { calendarId } : {}),
    ...(assignedUserId !== undefined ? { assignedUserId } : {}),
    sources,
  };
}

/** The bots' settings with a location's persona; the same object when nothing differs. */
export function botsWithPersona(bots: BotsConfig, persona: Persona): BotsConfig {
  const same =
    PERSONA_KEYS.every((k) => bots.persona[k] === persona[k]) &&
    Object.keys(bots.persona).length === Object.keys(persona).length;
  return same ? bots : { ...bots, persona };
}
