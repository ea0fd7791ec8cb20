import type { PlannedFollowUp } from '../../domain/follow-up/index.ts';
import type { Sql } from '../../ports.ts';
import type { FollowUpRow } from '../../ports/contact-view.ts';
import type { FollowUpOutcome } from '../../ports/follow-up-store.ts';
import { PLANNED_EACH_RUN } from './db.ts';

export type { FollowUpRow };

/** Cancels every pending step of the contact (the lead wrote again). Returns how many. */
export async function cancelPendingFollowUps(
  tx: Sql,
  loc: string,
  cid: string,
  reason: string,
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `UPDATE follow_ups SET status = 'cancelled', reason = $3
      WHERE location_id = $1 AND contact_id = $2 AND status = 'pending' RETURNING id`,
    [loc, cid, reason],
  );
  return rows.length;
}

/** Stores a sequence; a step already stored for the same start is left as it is. */
export async function insertFollowUps(
  tx: Sql,
  loc: string,
  cid: string,
  sequenceStart: Date,
  steps: readonly PlannedFollowUp[],
): Promise<void> {
  for (const s of steps) {
    await tx.query(
      `INSERT INTO follow_ups (location_id, contact_id, sequence_start, step, due_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $3)
       ON CONFLICT (location_id, contact_id, sequence_start, step) DO NOTHING`,
      [loc, cid, sequenceStart, s.step, s.dueAt],
    );
  }
}

/** Ids of pending steps due at `now`, oldest first; `sandbox` selects the sandbox location or all others. */
export async function listDueFollowUps(
  sql: Sql,
  opts: { now: Date; locationId: string; only: boolean; limit: number },
): Promise<number[]> {
  const { rows } = await sql.query<{ id: number }>(
    `${PLANNED_EACH_RUN} SELECT id FROM follow_ups
      WHERE status = 'pending' AND due_at <= $1 AND (location_id = $2) = $3
      ORDER BY due_at, id LIMIT $4`,
    [opts.now, opts.locationId, opts.only, opts.limit],
  );
  return rows.map((r) => Number(r.id));
}

/** Locks one pending step if it is still due and nobody else holds it. */
export async function lockDueFollowUp(tx: Sql, id: number, now: Date): Promise<FollowUpRow | null> {
  const { rows } = await tx.query<FollowUpRow>(
    `SELECT * FROM follow_ups WHERE id = $1 AND status = 'pending' AND due_at <= $2 FOR UPDATE SKIP LOCKED`,
    [id, now],
  );
  return rows[0] ?? null;
}

export async function lastFollowUpSentAt(tx: Sql, loc: string, cid: string): Promise<Date | null> {
  const { rows } = await tx.query<{ at: Date | null }>(
    `SELECT max(sent_at) AS at FROM follow_ups WHERE location_id = $1 AND contact_id = $2 AND status = 'sent'`,
    [loc, cid],
  );
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

export async function finishFollowUp(tx: Sql, id: number, f: FollowUpOutcome): Promise<void> {
  await tx.query(
    `UPDATE follow_ups SET status = $2, reason = $3, channel = $4, detail = detail || $5::jsonb,
            sent_at = CASE WHEN $2 = 'sent' THEN $6::timestamptz ELSE sent_at END
      WHERE id = $1`,
    [id, f.status, f.reason ?? null, f.channel ?? null, JSON.stringify(f.detail ?? {}), f.at],
  );
}

export async function postponeFollowUp(tx: Sql, id: number, dueAt: Date): Promise<void> {
  await tx.query(`UPDATE follow_ups SET due_at = $2 WHERE id = $1`, [id, dueAt]);
}

/** Moves a step to a later time and says why it waits (shown as the step's reason until it runs). */
export async function holdFollowUp(tx: Sql, id: number, dueAt: Date, reason: string): Promise<void> {
  await tx.query(`UPDATE follow_ups SET due_at = $2, reason = $3 WHERE id = $1`, [id, dueAt, reason]);
}

/** Every step of the contact's sequences, latest sequence first, in step order. */
export async function listFollowUps(sql: Sql, loc: string, cid: string): Promise<FollowUpRow[]> {
  const { rows } = await sql.query<FollowUpRow>(
    `SELECT * FROM follow_ups WHERE location_id = $1 AND contact_id = $2 ORDER BY sequence_start DESC, due_at, id`,
    [loc, cid],
  );
  return rows;
}

export async function saveDocument(
  tx: Sql,
  doc: { id: string; filename: string; contentType: string; bytes: Buffer; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO documents (id, filename, content_type, bytes, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO NOTHING`,
    [doc.id, doc.filename, doc.contentType, doc.bytes, doc.at],
  );
}

export async function loadDocument(
  sql: Sql,
  id: string,
): Promise<{ filename: string; contentType: string; bytes: Buffer } | null> {
  const { rows } = await sql.query<{ filename: string; content_type: string; bytes: Uint8Array }>(
    `SELECT filename, content_type, bytes FROM documents WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  return r ? { filename: r.filename, contentType: r.content_type, bytes: Buffer.from(r.bytes) } : null;
}
