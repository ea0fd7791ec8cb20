import { displayName } from './contact-model.ts';
import type { FakeState } from './state.ts';
import type { FakeContact, FakeConversation, FakeMessage } from './types.ts';
import { badRequest, newId } from './wire.ts';

// REST messages carry a numeric `type` and a TYPE_* `messageType`, unlike webhooks (reference §11.9).
const MESSAGE_TYPES: Record<string, { n: number; name: string }> = {
  SMS: { n: 2, name: 'TYPE_SMS' },
  Email: { n: 3, name: 'TYPE_EMAIL' },
  WhatsApp: { n: 19, name: 'TYPE_WHATSAPP' },
};

export function wireMessageType(type: string): { n: number | undefined; name: string } {
  return MESSAGE_TYPES[type] ?? { n: undefined, name: `TYPE_${type.toUpperCase()}` };
}

export function getConversation(state: FakeState, id: string): FakeConversation {
  const conv = state.conversations.get(id);
  if (!conv || conv.locationId !== state.locationId) throw badRequest(`Conversation with id ${id} not found`);
  return conv;
}

export function findConversationFor(state: FakeState, contactId: string): FakeConversation | undefined {
  for (const c of state.conversations.values()) if (c.contactId === contactId && !c.deleted) return c;
  return undefined;
}

export function createConversation(state: FakeState, contact: FakeContact): FakeConversation {
  const now = state.nowIso();
  const conv: FakeConversation = {
    id: newId(),
    contactId: contact.id,
    locationId: state.locationId,
    dateAdded: now,
    dateUpdated: now,
    lastMessageDate: now,
    type: contact.phone ? 'TYPE_PHONE' : 'TYPE_EMAIL',
    unreadCount: 0,
    deleted: false,
  };
  state.conversations.set(conv.id, conv);
  return conv;
}

export function storeMessage(
  state: FakeState,
  contact: FakeContact,
  m: Omit<FakeMessage, 'id' | 'conversationId' | 'contactId' | 'dateAdded'>,
): FakeMessage {
  const conv = findConversationFor(state, contact.id) ?? createConversation(state, contact);
  const msg: FakeMessage = {
    id: newId(),
    conversationId: conv.id,
    contactId: contact.id,
    dateAdded: state.nowIso(),
    ...m,
  };
  state.messages.push(msg);
  conv.lastMessageDate = msg.dateAdded;
  conv.dateUpdated = msg.dateAdded;
  conv.lastMessageBody = msg.body;
  conv.lastMessageType = wireMessageType(msg.type).name;
  conv.lastMessageDirection = msg.direction;
  if (msg.direction === 'inbound') conv.unreadCount += 1;
  state.onMessageStored?.(msg);
  return msg;
}

/**
 * A message as `GET /conversations/{id}/messages` lists it. Emails are listed WITHOUT a body: only
 * their type, direction, dates and `meta.email.messageIds`; the text has to be read with
 * `GET /conversations/messages/email/{id}` (issue #40 on GoHighLevel/highlevel-api-docs, answered by
 * the maintainers with that endpoint; `MessageMeta.email` in apps/conversations.json). The spec's
 * list item (GetMessageResponseDto) has no `subject` either.
 */
export function messageToWire(state: FakeState, m: FakeMessage): Record<string, unknown> {
  const wire = messageToWireWithBody(state, m);
  if (m.type === 'Email') delete wire.body;
  return wire;
}

/**
 * A message as `GET /conversations/messages/{id}` returns it: the reporter of issue #40 read email
 * bodies this way. ASSUMPTION: the body is the one stored at send time (html when given).
 */
export function messageToWireWithBody(state: FakeState, m: FakeMessage): Record<string, unknown> {
  const t = wireMessageType(m.type);
  return {
    id: m.id,
    ...(t.n === undefined ? {} : { type: t.n }),
    messageType: t.name,
    locationId: state.locationId,
    contactId: m.contactId,
    conversationId: m.conversationId,
    dateAdded: m.dateAdded,
    body: m.html ?? m.body,
    direction: m.direction,
    status: m.status ?? (m.direction === 'inbound' ? 'delivered' : 'sent'),
    contentType: m.html === undefined ? 'text/plain' : 'text/html',
    attachments: m.attachments,
    source: m.source ?? (m.direction === 'inbound' ? 'app' : 'api'),
    // "messageIds is list of all email message ids under the message thread" (MessageMeta, spec).
    // ASSUMPTION: each email is its own list entry, so the list holds that one email's id.
    ...(m.emailMessageId === undefined ? {} : { meta: { email: { messageIds: [m.emailMessageId] } } }),
  };
}

/**
 * `GET /conversations/messages/email/{id}`: GetEmailMessageResponseDto of apps/conversations.json
 * (flat; `id` is the email message id, `threadId` "Message Id or thread Id", `replyToMessageId` the
 * email message id replied to). ASSUMPTION: `body` is the html when the send carried html, else the
 * plain text; `provider` and `from` of a location without its own mailbox are not documented.
 */
export function emailToWire(state: FakeState, m: FakeMessage): Record<string, unknown> {
  const contact = state.contacts.get(m.contactId);
  const business = 'Jorge Realty <jorge@example.com>';
  const lead = contact?.email ?? '';
  return {
    id: m.emailMessageId,
    threadId: m.threadId ?? m.emailMessageId,
    locationId: state.locationId,
    contactId: m.contactId,
    conversationId: m.conversationId,
    dateAdded: m.dateAdded,
    subject: m.subject ?? '',
    body: m.html ?? m.body,
    direction: m.direction,
    status: m.status ?? (m.direction === 'inbound' ? 'delivered' : 'sent'),
    contentType: m.html === undefined ? 'text/plain' : 'text/html',
    attachments: m.attachments,
    provider: 'Leadconnector Gmail',
    from: m.direction === 'inbound' ? lead : business,
    to: [m.direction === 'inbound' ? business : lead],
    cc: [],
    bcc: [],
    ...(m.replyToMessageId === undefined ? {} : { replyToMessageId: m.replyToMessageId }),
    source: m.source ?? (m.direction === 'inbound' ? 'app' : 'api'),
  };
}

/** Search results carry epoch-ms dates and a few contact fields. */
export function conversationToWire(state: FakeState, c: FakeConversation): Record<string, unknown> {
  const contact = state.contacts.get(c.contactId);
  const name = contact ? displayName(contact) : '';
  return {
    id: c.id,
    contactId: c.contactId,
    locationId: c.locationId,
    lastMessageBody: c.lastMessageBody ?? '',
    lastMessageType: c.lastMessageType ?? null,
    lastMessageDirection: c.lastMessageDirection ?? null,
    lastMessageDate: Date.parse(c.lastMessageDate),
    dateAdded: Date.parse(c.dateAdded),
    dateUpdated: Date.parse(c.dateUpdated),
    type: c.type,
    unreadCount: c.unreadCount,
    fullName: name,
    contactName: name,
    email: contact?.email ?? null,
    phone: contact?.phone ?? null,
    tags: contact?.tags ?? [],
  };
}
