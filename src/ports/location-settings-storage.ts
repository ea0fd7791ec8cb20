import type { LocationSettingKey, StoredLocationSettings } from '../domain/location-settings.ts';
import type { Sql } from '../ports.ts';

// Each location's own settings over the environment's (docs/LOCATIONS.md).
// PostgreSQL/PGlite: adapters/postgres/location-settings-repo.ts.

export interface StoredLocationRow {
  settings: StoredLocationSettings;
  updatedAt: Date;
}

export interface LocationSettingsStorage {
  /** The settings stored for a location, or null when it has none. */
  read(sql: Sql, locationId: string): Promise<StoredLocationRow | null>;
  /**
   * Sets every key in `values` (null clears it back to the default); with `replace`, keys left out
   * are cleared too. Returns what is stored afterwards.
   */
  write(
    sql: Sql,
    locationId: string,
    values: Partial<Record<LocationSettingKey, string | null | undefined>>,
    opts: { replace: boolean; at: Date },
  ): Promise<StoredLocationRow>;
}
