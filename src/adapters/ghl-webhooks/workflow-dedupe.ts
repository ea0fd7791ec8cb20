import { createHash } from 'node:crypto';
import type { InboxEvent } from '../../ports/inbox-event.ts';

export interface WorkflowDedupeIds {
  /** The event's idempotency key, stored as its messageId (unique per location). */
  messageId: string;
  /**
   * The key the same delivery would have had in the previous time window: if a row with it
   * exists, this delivery is a repeat that crossed a window boundary.
   */
  earlierMessageId?: string;
}

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const asStamp = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/**
 * A stable idempotency key for a workflow "Webhook" action payload that has no
 * `customData.messageId`.
 *
 * GHL's standard Webhook action sends no id of the message and no time it was sent: the contact
 * envelope (`contact_id`, names, `tags`, custom fields), `location`, `workflow {id, name}`,
 * `customData`, and for reply-triggered workflows `message {type, body}`. Its `date_created`
 * (and `dateAdded` where present) is the *contact's* creation time, the same for every message
 * the contact ever sends, so keying on it would merge every "yes" a lead writes; it is not used.
 *
 * The key is therefore a hash of location, contact and the message itself (channel and text; the
 * whole payload for contact updates), plus the first per-message timestamp the payload carries
 * (`message.dateAdded` / `message.date_added`, or `customData.messageDate` when the workflow maps
 * one), or else the receipt time rounded down to `windowMs`. The workflow id is left out on
 * purpose: two workflows forwarding the same reply are the commonest duplicate.
 *
 * Safe because: a repeat of one delivery (a workflow firing twice, two workflows, a re-post)
 * within `windowMs` always gets the same key, or the previous window's key, which the caller looks
 * up. The trade-off: without a per-message timestamp, two genuinely different messages with the
 * same text from the same contact within one window (up to two windows across a boundary) are
 * taken as one, and the second gets no reply of its own.
 */
export function workflowDedupeIds(
  event: InboxEvent,
  body: Record<string, unknown>,
  nowMs: number,
  windowMs: number,
): WorkflowDedupeIds {
  const message = asObject(body.message);
  const stamp =
    asStamp(message.dateAdded) ??
    asStamp(message.date_added) ??
    asStamp(asObject(body.customData).messageDate);
  const p = event.payload;
  const content = p.kind === 'inbound_message' ? [p.kind, p.channel, p.body] : [p.kind, JSON.stringify(p)];
  const key = (when: string) =>
    `wf_${createHash('sha256')
      .update(JSON.stringify([event.locationId, event.contactId, ...content, when]))
      .digest('hex')
      .slice(0, 40)}`;
  if (stamp !== undefined) return { messageId: key(`at:${stamp}`) };
  const bucket = Math.floor(nowMs / windowMs);
  return {
    messageId: key(`window:${windowMs}:${bucket}`),
    earlierMessageId: key(`window:${windowMs}:${bucket - 1}`),
  };
}
