import { DELIVERY_RANK } from '../../domain/delivery-status.ts';
import type { Sql } from '../../ports.ts';
import type { DeliveryError, DeliveryReportStore, OutboundReport } from '../../ports/delivery-reports.ts';

export type { DeliveryError, OutboundReport };

export { statusLabel, UNDELIVERED_STATUSES } from '../../domain/delivery-status.ts';

const RANK = DELIVERY_RANK;

/** Records one OutboundMessage report; returns the message's status after it. */
export async function recordOutboundReport(tx: Sql, r: OutboundReport): Promise<string | null> {
  const status = r.status?.toLowerCase() ?? null;
  const rank = status === null ? -1 : (RANK[status] ?? 1);
  const values = [
    r.locationId,
    r.contactId,
    r.messageId ?? null,
    status,
    rank,
    r.error ? JSON.stringify(r.error) : null,
    r.source ?? null,
    r.userId ?? null,
    r.channel ?? null,
    r.sentAt,
    r.at,
  ];
  const insert = `INSERT INTO message_deliveries
      (location_id, contact_id, message_id, status, status_rank, error, source, user_id, channel, sent_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11)`;
  if (r.messageId === undefined) {
    await tx.query(insert, values);
    return status;
  }
  const { rows } = await tx.query<{ status: string | null }>(
    `${insert}
     ON CONFLICT (location_id, message_id) WHERE message_id IS NOT NULL DO UPDATE SET
       status = CASE WHEN EXCLUDED.status_rank >= message_deliveries.status_rank
                     THEN EXCLUDED.status ELSE message_deliveries.status END,
       error = CASE WHEN EXCLUDED.status_rank >= message_deliveries.status_rank
                    THEN EXCLUDED.error ELSE message_deliveries.error END,
       status_rank = GREATEST(EXCLUDED.status_rank, message_deliveries.status_rank),
       source = COALESCE(message_deliveries.source, EXCLUDED.source),
       user_id = COALESCE(message_deliveries.user_id, EXCLUDED.user_id),
       channel = COALESCE(message_deliveries.channel, EXCLUDED.channel),
       sent_at = LEAST(message_deliveries.sent_at, EXCLUDED.sent_at),
       updated_at = EXCLUDED.updated_at
     RETURNING status`,
    values,
  );
  return rows[0]?.status ?? status;
}

/** Whether we sent this GHL message (its id is on one of our outbox results). */
export async function isOurMessage(tx: Sql, locationId: string, messageId: string): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM outbox WHERE location_id = $1 AND (result ->> 'messageId') = $2 LIMIT 1`,
    [locationId, messageId],
  );
  return rows.length > 0;
}

/**
 * The follow-up step whose message GHL reported failed or undelivered is marked failed (it was
 * counted sent when its message was queued). Returns the steps changed.
 */
export async function failFollowUpOfMessage(
  tx: Sql,
  locationId: string,
  messageId: string,
  reason: string,
): Promise<{ id: number; step: string }[]> {
  const { rows } = await tx.query<{ id: number; step: string }>(
    `UPDATE follow_ups f SET status = 'failed', reason = $3
       FROM outbox o
      WHERE o.location_id = $1 AND (o.result ->> 'messageId') = $2 AND o.idempotency_key LIKE 'fu:%'
        AND f.id = split_part(o.idempotency_key, ':', 2)::bigint AND f.status = 'sent'
      RETURNING f.id, f.step`,
    [locationId, messageId, reason],
  );
  return rows.map((r) => ({ id: Number(r.id), step: r.step }));
}

/**
 * When someone other than us (a workflow, campaign, bulk action, another integration, a person in
 * GHL) last sent the contact a message. Decided now, not when the report came: a report of our own
 * send that arrived before the send's result was stored is recognised as ours here.
 */
export async function lastOtherSendAt(tx: Sql, locationId: string, contactId: string): Promise<Date | null> {
  const { rows } = await tx.query<{ at: Date | null }>(
    `SELECT max(d.sent_at) AS at FROM message_deliveries d
      WHERE d.location_id = $1 AND d.contact_id = $2
        AND (d.message_id IS NULL OR NOT EXISTS (
          SELECT 1 FROM outbox o WHERE o.location_id = d.location_id AND (o.result ->> 'messageId') = d.message_id))`,
    [locationId, contactId],
  );
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

/**
 * Holds a message's delivery report and the storing of its send's result apart (until the
 * transaction ends), so whichever comes second sees the first: a report arriving while the send's
 * answer is being stored is never read as someone else's message.
 */
export async function lockMessageReports(tx: Sql, locationId: string, messageId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `delivery/${locationId}/${messageId}`,
  ]);
}

/**
 * Stores GHL's id of the message an outbox row sent on its transcript line and reads the report
 * already recorded for the message, if any (its latest status), in one statement.
 */
export async function linkSentMessage(
  tx: Sql,
  locationId: string,
  outboxId: number,
  messageId: string,
): Promise<{ status: string | null; error: DeliveryError | null } | null> {
  const { rows } = await tx.query<{ status: string | null; error: DeliveryError | null }>(
    `WITH linked AS (UPDATE messages SET remote_message_id = $2 WHERE outbox_id = $3)
     SELECT status, error FROM message_deliveries WHERE location_id = $1 AND message_id = $2`,
    [locationId, messageId, outboxId],
  );
  return rows[0] ?? null;
}

/** Whether a message to the contact was handed to GHL and its answer is not stored yet. */
export async function messageSendInFlight(tx: Sql, locationId: string, contactId: string): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM outbox WHERE location_id = $1 AND contact_id = $2
        AND kind IN ('send_message', 'send_cma_email') AND status IN ('sending', 'pending') AND attempts > 0
      LIMIT 1`,
    [locationId, contactId],
  );
  return rows.length > 0;
}

/** The delivery reports on PostgreSQL and PGlite. */
export const deliveryReportsRepo: DeliveryReportStore = {
  lockMessage: lockMessageReports,
  record: recordOutboundReport,
  linkSentMessage,
  isOurs: isOurMessage,
  sendInFlight: messageSendInFlight,
  failFollowUpOf: failFollowUpOfMessage,
};
