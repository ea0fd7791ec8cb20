import type { Db, Sql } from '../../ports.ts';
import type { SandboxDueStore } from '../../ports/escalation-alert-store.ts';
import { PLANNED_EACH_RUN } from './db.ts';

/**
 * The earliest moment something of the sandbox location falls due after `after`: a pending
 * follow-up step (first sends and steps pushed to the lead's morning alike) or, when `slaMs` is
 * given, the next SLA re-alert of an open escalation nobody picked up. Null when nothing waits.
 */
export async function nextSandboxDueAt(
  sql: Sql,
  opts: { locationId: string; after: Date; slaMs: number | null },
): Promise<Date | null> {
  const { rows } = await sql.query<{ at: Date | null }>(
    `${PLANNED_EACH_RUN} SELECT min(due_at) AS at FROM follow_ups
      WHERE location_id = $1 AND status = 'pending' AND due_at > $2`,
    [opts.locationId, opts.after],
  );
  let next = rows[0]?.at ? new Date(rows[0].at) : null;
  if (opts.slaMs !== null) {
    const esc = await sql.query<{ at: Date | null }>(
      `SELECT min(created_at + (alert_stage + 1) * ($3::bigint * interval '1 millisecond')) AS at
         FROM escalations
        WHERE location_id = $1 AND status = 'open' AND picked_up_at IS NULL AND alert_stage < 2
          AND created_at + (alert_stage + 1) * ($3::bigint * interval '1 millisecond') > $2`,
      [opts.locationId, opts.after, opts.slaMs],
    );
    const e = esc.rows[0]?.at ? new Date(esc.rows[0].at) : null;
    if (e && (!next || e < next)) next = e;
  }
  return next;
}

/** What falls due on the sandbox's clock, on PostgreSQL/PGlite. */
export function createSandboxDueStore(db: Db): SandboxDueStore {
  return { nextDueAt: (opts) => nextSandboxDueAt(db, opts) };
}
