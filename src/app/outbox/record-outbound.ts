import { UNDELIVERED_STATUSES } from '../../domain/delivery-status.ts';
import type { Sql } from '../../ports.ts';
import type { InboxRow } from '../../ports/inbox-store.ts';
import type { Stores } from '../../ports/stores.ts';

/** Where delivery reports are kept, and the audit log. */
export type DeliveryStores = Pick<Stores, 'deliveries' | 'contacts'>;

export interface OutboundDelivery {
  /** GHL's status of the message after this report (null when no report carried one). */
  status: string | null;
  /** We sent the message (its GHL id is on one of our outbox results). */
  ours: boolean;
  /**
   * Not known to be ours yet, but a send of ours to the contact awaits GHL's answer: the report may
   * be of that send, arriving before its result was stored. It is counted when the result is stored
   * (storeSendResult), not now.
   */
  awaitingSend?: boolean;
}

/**
 * Keeps what an OutboundMessage event says about a message to the contact: its delivery state (shown
 * on the contact, counted in metrics) and, for messages we did not send, when someone else last
 * texted the contact (follow-ups hold back after it). A follow-up step whose message GHL reports
 * failed or undelivered stops counting as sent.
 */
export async function recordOutbound(
  stores: DeliveryStores,
  tx: Sql,
  row: InboxRow,
  now: Date,
): Promise<OutboundDelivery> {
  const d = stores.deliveries;
  const p = row.payload;
  if (p.kind !== 'outbound_message') return { status: null, ours: false };
  const loc = row.location_id;
  const cid = row.contact_id;
  // GHL's time of the send, unless it is ahead of ours (clock skew): a late retry of the webhook
  // (up to ~70 minutes) still dates the send right.
  const said = p.dateAdded ? new Date(p.dateAdded) : now;
  const sentAt = said.getTime() < now.getTime() ? said : now;
  if (p.messageId) await d.lockMessage(tx, loc, p.messageId);
  const status = await d.record(tx, {
    locationId: loc,
    contactId: cid,
    ...(p.messageId ? { messageId: p.messageId } : {}),
    ...(p.status ? { status: p.status } : {}),
    ...(p.error ? { error: p.error } : {}),
    ...(p.source ? { source: p.source } : {}),
    ...(p.userId ? { userId: p.userId } : {}),
    ...(p.messageType ? { channel: p.messageType } : {}),
    sentAt,
    at: now,
  });
  const ours = p.messageId ? await d.isOurs(tx, loc, p.messageId) : false;
  if (ours && p.messageId && status && UNDELIVERED_STATUSES.has(status)) {
    await failFollowUp(
      stores,
      tx,
      loc,
      cid,
      p.messageId,
      status,
      { ...(p.error ? { error: p.error } : {}), inboxId: row.id },
      now,
    );
  }
  if (!ours && p.messageId && (await d.sendInFlight(tx, loc, cid)))
    return { status, ours, awaitingSend: true };
  return { status, ours };
}

async function failFollowUp(
  stores: DeliveryStores,
  tx: Sql,
  loc: string,
  cid: string,
  messageId: string,
  status: string,
  detail: Record<string, unknown>,
  now: Date,
): Promise<void> {
  for (const step of await stores.deliveries.failFollowUpOf(tx, loc, messageId, status)) {
    await stores.contacts.audit(tx, {
      locationId: loc,
      contactId: cid,
      actor: 'crm',
      action: 'follow_up_undelivered',
      detail: { step: step.step, status, ...detail },
      at: now,
    });
  }
}

/**
 * Stores GHL's id of a message we sent (call in the transaction that stores the send's result). A
 * delivery report that arrived before it (a race of milliseconds: GHL reports as soon as it has
 * queued the message) is applied now as it would have been then: an undelivered follow-up step is
 * marked failed. Returns that report's status, to be counted as ours; null when none came yet.
 */
export async function storeSendResult(
  stores: DeliveryStores,
  tx: Sql,
  row: { id: number; location_id: string; contact_id: string },
  messageId: string,
  now: Date,
): Promise<string | null> {
  const loc = row.location_id;
  await stores.deliveries.lockMessage(tx, loc, messageId);
  const report = await stores.deliveries.linkSentMessage(tx, loc, row.id, messageId);
  if (!report) return null;
  if (report.status && UNDELIVERED_STATUSES.has(report.status)) {
    const detail = { ...(report.error ? { error: report.error } : {}), outboxId: row.id };
    await failFollowUp(stores, tx, loc, row.contact_id, messageId, report.status, detail, now);
  }
  return report.status;
}
