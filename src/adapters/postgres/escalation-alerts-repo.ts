import type { Sql } from '../../ports.ts';

export interface DueRealert {
  id: string;
  locationId: string;
  contactId: string;
  reason: string;
  createdAt: Date;
  /** The stage already reached: 0 = first alert only, 1 = agent alerted again. */
  stage: number;
}

const slaInterval = `($3::bigint * interval '1 millisecond')`;

/**
 * Open escalations nobody picked up whose next re-alert is due at `now`: the agent again after one
 * SLA, the backup contact after two. `only` picks one location (the sandbox on its own clock) or
 * every other one.
 */
export async function listDueRealerts(
  sql: Sql,
  opts: { now: Date; locationId: string; only: boolean; slaMs: number; limit: number },
): Promise<DueRealert[]> {
  const { rows } = await sql.query<{
    id: string;
    location_id: string;
    contact_id: string;
    reason: string;
    created_at: Date;
    alert_stage: number;
  }>(
    `SELECT id, location_id, contact_id, reason, created_at, alert_stage FROM escalations
      WHERE status = 'open' AND picked_up_at IS NULL AND alert_stage < 2
        AND created_at + (alert_stage + 1) * ${slaInterval} <= $1
        AND (CASE WHEN $4::boolean THEN location_id = $2 ELSE location_id <> $2 END)
      ORDER BY created_at LIMIT $5`,
    [opts.now, opts.locationId, opts.slaMs, opts.only, opts.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    locationId: r.location_id,
    contactId: r.contact_id,
    reason: r.reason,
    createdAt: new Date(r.created_at),
    stage: Number(r.alert_stage),
  }));
}

/**
 * Moves an escalation from `stage` to the next one; false when another replica did it first, or
 * someone picked it up or resolved it meanwhile, so each re-alert goes out once.
 */
export async function claimRealert(sql: Sql, id: string, stage: number, now: Date): Promise<boolean> {
  const { rows } = await sql.query(
    `UPDATE escalations SET alert_stage = alert_stage + 1, last_alert_at = $3, updated_at = $3
      WHERE id = $1 AND alert_stage = $2 AND status = 'open' AND picked_up_at IS NULL RETURNING id`,
    [id, stage, now],
  );
  return rows.length > 0;
}

/** Marks an open escalation as picked up by someone; the re-alerts stop. */
export async function pickUpEscalation(
  sql: Sql,
  id: string,
  by: string,
  now: Date,
): Promise<
  { ok: true; locationId: string; contactId: string } | { ok: false; reason: 'not_found' | 'not_open' }
> {
  const { rows } = await sql.query<{ location_id: string; contact_id: string }>(
    `UPDATE escalations SET picked_up_at = $3, picked_up_by = $2, updated_at = $3
      WHERE id = $1 AND status = 'open' AND picked_up_at IS NULL RETURNING location_id, contact_id`,
    [id, by, now],
  );
  const r = rows[0];
  if (r) return { ok: true, locationId: r.location_id, contactId: r.contact_id };
  const exists = await sql.query(`SELECT 1 FROM escalations WHERE id = $1`, [id]);
  return { ok: false, reason: exists.rows.length > 0 ? 'not_open' : 'not_found' };
}
