import type { Db, Sql } from '../../ports.ts';
import type { DueRealert, EscalationAlertStore, PickUpResult } from '../../ports/escalation-alert-store.ts';
import type { OutboxAction } from '../../ports/outbox-action.ts';
import { audit } from './contacts-repo.ts';
import { enqueueSteps } from './outbox-repo.ts';

const slaInterval = `($3::bigint * interval '1 millisecond')`;

async function listDue(
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

async function realert(
  db: Db,
  e: DueRealert,
  steps: readonly OutboxAction[],
  action: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The stage in the WHERE clause is the claim: a second replica's UPDATE matches no row.
    const { rows } = await tx.query(
      `UPDATE escalations SET alert_stage = alert_stage + 1, last_alert_at = $3, updated_at = $3
        WHERE id = $1 AND alert_stage = $2 AND status = 'open' AND picked_up_at IS NULL RETURNING id`,
      [e.id, e.stage, now],
    );
    if (rows.length === 0) return false;
    const stage = e.stage + 1;
    await enqueueSteps(
      tx,
      { locationId: e.locationId, contactId: e.contactId, keyPrefix: `${e.id}:realert:${stage}`, at: now },
      steps,
    );
    await audit(tx, {
      locationId: e.locationId,
      contactId: e.contactId,
      actor: 'system',
      action,
      detail: { escalationId: e.id, stage, recipients: steps.length },
      at: now,
    });
    return true;
  });
}

async function pickUp(db: Db, id: string, by: string, now: Date): Promise<PickUpResult> {
  const { rows } = await db.query<{ location_id: string; contact_id: string }>(
    `UPDATE escalations SET picked_up_at = $3, picked_up_by = $2, updated_at = $3
      WHERE id = $1 AND status = 'open' AND picked_up_at IS NULL RETURNING location_id, contact_id`,
    [id, by, now],
  );
  const r = rows[0];
  if (r) return { ok: true, locationId: r.location_id, contactId: r.contact_id };
  const exists = await db.query(`SELECT 1 FROM escalations WHERE id = $1`, [id]);
  return { ok: false, reason: exists.rows.length > 0 ? 'not_open' : 'not_found' };
}

/** The escalation SLA store on PostgreSQL/PGlite. */
export function createEscalationAlertStore(db: Db): EscalationAlertStore {
  return {
    listDue: (opts) => listDue(db, opts),
    realert: (e, steps, action, now) => realert(db, e, steps, action, now),
    pickUp: (id, by, now) => pickUp(db, id, by, now),
  };
}
