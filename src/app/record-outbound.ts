import { audit } from '../adapters/postgres/contacts-repo.ts';
import {
  failFollowUpOfMessage,
  isOurMessage,
  recordOutboundReport,
  UNDELIVERED_STATUSES,
} from '../adapters/postgres/deliveries-repo.ts';
import type { InboxRow } from '../adapters/postgres/inbox-repo.ts';
import type { Sql } from '../ports.ts';

export interface OutboundDelivery {
  /** GHL's status of the message after this report (null when no report carried one). */
  status: string | null;
  /** We sent the message (its GHL id is on one of our outbox results). */
  ours: boolean;
}

/**
 * Keeps what an OutboundMessage event says about a message to the contact: its delivery state (shown
 * on the contact, counted in metrics) and, for messages we did not send, when someone else last
 * texted the contact (follow-ups hold back after it). A follow-up step whose message GHL reports
 * failed or undelivered stops counting as sent.
 */
export async function recordOutbound(tx: Sql, row: InboxRow, now: Date): Promise<OutboundDelivery> {
  const p = row.payload;
  if (p.kind !== 'outbound_message') return { status: null, ours: false };
  const loc = row.location_id;
  const cid = row.contact_id;
  // GHL's time of the send, unless it is ahead of ours (clock skew): a late retry of the webhook
  // (up to ~70 minutes) still dates the send right.
  const said = p.dateAdded ? new Date(p.dateAdded) : now;
  const sentAt = said.getTime() < now.getTime() ? said : now;
  const status = await recordOutboundReport(tx, {
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
  const ours = p.messageId ? await isOurMessage(tx, loc, p.messageId) : false;
  if (ours && p.messageId && status && UNDELIVERED_STATUSES.has(status)) {
    for (const step of await failFollowUpOfMessage(tx, loc, p.messageId, status)) {
      await audit(tx, {
        locationId: loc,
        contactId: cid,
        actor: 'crm',
        action: 'follow_up_undelivered',
        detail: { step: step.step, status, ...(p.error ? { error: p.error } : {}), inboxId: row.id },
        at: now,
      });
    }
  }
  return { status, ours };
}
