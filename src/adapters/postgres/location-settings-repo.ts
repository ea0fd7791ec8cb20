import {
  LOCATION_SETTING_KEYS,
  type LocationSettingKey,
  type StoredLocationSettings,
} from '../../domain/location-settings.ts';
import type { Sql } from '../../ports.ts';
import type { LocationSettingsStorage, StoredLocationRow } from '../../ports/location-settings-storage.ts';

// Column of each setting in location_settings (migrations/012_location_settings.sql). Only these
// fixed names are ever put into SQL text; values always travel as parameters.
const COLUMN: Record<LocationSettingKey, string> = {
  calendarId: 'calendar_id',
  assignedUserId: 'assigned_user_id',
  agentName: 'agent_name',
  assistantName: 'assistant_name',
  brokerage: 'brokerage',
  licenseNumber: 'license_number',
  market: 'market',
  timezone: 'timezone',
};

const COLUMNS = LOCATION_SETTING_KEYS.map((k) => COLUMN[k]);

export type { StoredLocationRow };

function fromRow(row: Record<string, unknown>): StoredLocationRow {
  const settings: StoredLocationSettings = {};
  for (const key of LOCATION_SETTING_KEYS) {
    const v = row[COLUMN[key]];
    if (typeof v === 'string') settings[key] = v;
  }
  return { settings, updatedAt: new Date(row.updated_at as string | Date) };
}

/** The settings stored for a location, or null when it has none. */
export async function readLocationSettings(sql: Sql, locationId: string): Promise<StoredLocationRow | null> {
  const { rows } = await sql.query(
    `SELECT ${COLUMNS.join(', ')}, updated_at FROM location_settings WHERE location_id = $1`,
    [locationId],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/**
 * Writes a location's settings: every key in `values` is set (null clears it back to the default);
 * with `replace`, keys left out are cleared too. Returns what is stored afterwards.
 */
export async function writeLocationSettings(
  sql: Sql,
  locationId: string,
  values: Partial<Record<LocationSettingKey, string | null | undefined>>,
  opts: { replace: boolean; at: Date },
): Promise<StoredLocationRow> {
  const keys = LOCATION_SETTING_KEYS.filter((k) => opts.replace || values[k] !== undefined);
  const params: unknown[] = [locationId, opts.at, ...keys.map((k) => values[k] ?? null)];
  const cols = keys.map((k) => COLUMN[k]);
  const insertCols = ['location_id', 'updated_at', ...cols].join(', ');
  const placeholders = params.map((_, i) => `$${i + 1}`).join(', ');
  const updates = ['updated_at = EXCLUDED.updated_at', ...cols.map((c) => `${c} = EXCLUDED.${c}`)].join(', ');
  const { rows } = await sql.query(
    `INSERT INTO location_settings (${insertCols}) VALUES (${placeholders})
     ON CONFLICT (location_id) DO UPDATE SET ${updates}
     RETURNING ${COLUMNS.join(', ')}, updated_at`,
    params,
  );
  return fromRow(rows[0] as Record<string, unknown>);
}

export const locationSettingsRepo: LocationSettingsStorage = {
  read: readLocationSettings,
  write: writeLocationSettings,
};
