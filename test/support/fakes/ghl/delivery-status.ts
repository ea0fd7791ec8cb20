import type { FakeState } from './state.ts';
import type { FakeMessage } from './types.ts';
import { type MessagePayloadInput, outboundMessagePayload } from './webhook-payloads.ts';

// What becomes of an outbound message after GHL accepted it.
//
// Sources:
// - GoHighLevel/highlevel-api-docs, docs/webhook events/OutboundMessage.md: every OutboundMessage
//   event carries `status` and the `messageId` of the message.
// - apps/conversations.json, GetMessageResponseDto.status: connected, delivered, failed, opened,
//   pending, read, scheduled, sent, undelivered, clicked, opt_out, queued.
// - Help article "Troubleshooting SMS delivery" (help.gohighlevel.com/.../48000981696): a send can
//   fail at GHL (DND, landline, quotas) or at the carrier; the error shows in the conversation.
// - Issue GoHighLevel/highlevel-api-docs#160: webhooks carry only the high-level status
//   (failed/undelivered), no carrier error code. So by default no error detail is sent.
//
// ASSUMPTION: an API send is first reported with status `pending`, then a second OutboundMessage
// event (same messageId, new webhookId) reports the outcome. GHL documents that status changes
// arrive as OutboundMessage events but not their exact order or timing.
// ASSUMPTION: when a test asks for an `error`, it is shaped like ErrorDto of
// UpdateMessageStatusDto ({code, type, message}); GHL does not document an error on the webhook.

export type DeliveryOutcome = 'delivered' | 'failed' | 'undelivered';

export interface DeliveryRule {
  /** The contact's phone number (E.164) the rule applies to. */
  phone?: string;
  contactId?: string;
  status: 'failed' | 'undelivered';
  /** Sent along with the status (see the ASSUMPTION above); absent by default, like GHL. */
  error?: { code: string; type?: string; message: string };
  /** How many sends the rule applies to; default every one. */
  times?: number;
}

/** The outcome rules a test set, and the clock the reports are stamped with. */
export interface DeliveryReports {
  rules: DeliveryRule[];
  now: () => Date;
}

/** The rule that decides the outcome of this message, if any (taking one use of it). */
export function takeDeliveryRule(
  state: FakeState,
  rules: DeliveryRule[],
  m: FakeMessage,
): DeliveryRule | undefined {
  const phone = state.contacts.get(m.contactId)?.phone;
  const at = rules.findIndex(
    (r) =>
      (r.contactId === undefined || r.contactId === m.contactId) &&
      (r.phone === undefined || r.phone === phone),
  );
  const rule = rules[at];
  if (!rule) return undefined;
  if (rule.times !== undefined) {
    rule.times -= 1;
    if (rule.times <= 0) rules.splice(at, 1);
  }
  return rule;
}

/** An OutboundMessage event reporting a new status of a message already sent. */
export function outboundStatusPayload(
  p: MessagePayloadInput & { status: string; error?: DeliveryRule['error'] },
) {
  return {
    ...outboundMessagePayload({ ...p, source: 'api' }),
    ...(p.error ? { error: p.error } : {}),
  };
}

/** The payload input describing a stored message (as the send echo carries it). */
export function messageEventInput(state: FakeState, m: FakeMessage): MessagePayloadInput {
  return {
    // The contact's own location: with OAuth installs one fake serves several.
    locationId: state.contacts.get(m.contactId)?.locationId ?? state.locationId,
    contactId: m.contactId,
    conversationId: m.conversationId,
    messageId: m.id,
    body: m.body,
    messageType: m.type,
    dateAdded: m.dateAdded,
  };
}

/** Decides the outcome of a sent message, records it on the message and builds its status event. */
export function deliveryStatusEvent(state: FakeState, reports: DeliveryReports, m: FakeMessage) {
  const rule = takeDeliveryRule(state, reports.rules, m);
  const status: DeliveryOutcome = rule?.status ?? 'delivered';
  m.status = status;
  return outboundStatusPayload({
    ...messageEventInput(state, m),
    status,
    timestamp: reports.now().toISOString(),
    ...(rule?.error ? { error: rule.error } : {}),
  });
}
