import { getContact } from './contact-model.ts';
import {
  conversationToWire,
  createConversation,
  emailToWire,
  findConversationFor,
  getConversation,
  messageToWire,
  messageToWireWithBody,
  storeMessage,
} from './conversation-model.ts';
import { type Ctx, type Route, route } from './router.ts';
import { uploadAttachment } from './routes-upload.ts';
import type { FakeState } from './state.ts';
import type { FakeContact, FakeMessage } from './types.ts';
import {
  badRequest,
  forbiddenLocation,
  newId,
  ok,
  requireFields,
  str,
  stringArray,
  traceId,
  unprocessable,
} from './wire.ts';

const SEND_TYPES = ['SMS', 'RCS', 'Email', 'WhatsApp', 'IG', 'FB', 'Custom', 'Live_Chat', 'TIKTOK'];

// ASSUMPTION: a send on a channel whose dndSettings status is active or permanent is refused with
// a 400 of this wording (reported, not documented: shared reference §3). The global `dnd` flag
// refuses only a contact without per-channel settings: real contacts carry `dnd: true` with every
// channel inactive and are texted.
function assertNotDnd(contact: FakeContact, channel: string): void {
  const setting = contact.dndSettings[channel];
  const perChannel = Object.values(contact.dndSettings).some((s) => !!s?.status);
  const blocked = setting?.status
    ? setting.status === 'active' || setting.status === 'permanent'
    : !perChannel && contact.dnd;
  if (blocked) throw badRequest(`Cannot send message as DND is active for ${channel}.`);
}

const REPLY_MODES = ['reply', 'reply_all'];

/**
 * An email's own id and its thread. SendMessageBodyDto: `replyMessageId` "ID of message being
 * replied to", `threadId` "the message ID that contains multiple email messages in the thread",
 * `emailReplyMode` reply | reply_all. A first email starts its own thread (InboundMessage.md's email
 * example has threadId == emailMessageId). ASSUMPTION: `replyMessageId` names an email message id
 * (GetEmailMessageResponseDto.replyToMessageId is "email message Id of the reply to email"); a reply
 * joins the replied email's thread; an id GHL does not know is kept as given (undocumented).
 */
function emailThreading(state: FakeState, body: Record<string, unknown>): Partial<FakeMessage> {
  const mode = body.emailReplyMode;
  if (mode !== undefined && (typeof mode !== 'string' || !REPLY_MODES.includes(mode))) {
    throw unprocessable([`emailReplyMode must be one of the following values: ${REPLY_MODES.join(', ')}`]);
  }
  const emailMessageId = newId();
  const replyTo = str(body.replyMessageId);
  const repliedTo = replyTo ? state.messages.find((m) => m.emailMessageId === replyTo) : undefined;
  const threadId = str(body.threadId) ?? repliedTo?.threadId ?? replyTo ?? emailMessageId;
  return {
    emailMessageId,
    threadId,
    ...(replyTo ? { replyToMessageId: replyTo } : {}),
    ...(typeof mode === 'string' ? { emailReplyMode: mode } : {}),
  };
}

function sendMessage({ state, body }: Ctx) {
  const errors: string[] = [];
  if (typeof body.type !== 'string' || !SEND_TYPES.includes(body.type)) {
    errors.push(`type must be one of the following values: ${SEND_TYPES.join(', ')}`);
  }
  if (typeof body.contactId !== 'string' || body.contactId === '') {
    errors.push('contactId should not be empty', 'contactId must be a string');
  }
  if (errors.length > 0) throw unprocessable(errors);
  const type = body.type as string;
  const contact = getContact(state, body.contactId as string);
  const attachments = stringArray(body, 'attachments') ?? [];
  assertNotDnd(contact, type);
  // The exact wording is not documented; GHL refuses a channel the contact has no address for.
  if (type === 'SMS' && !contact.phone && !str(body.toNumber)) {
    throw badRequest('Contact does not have a phone number.');
  }
  if (type === 'Email' && !contact.email && !str(body.emailTo)) {
    throw badRequest('Contact does not have an email address.');
  }
  const message: Omit<FakeMessage, 'id' | 'conversationId' | 'contactId' | 'dateAdded'> = {
    type,
    direction: 'outbound',
    body: str(body.message) ?? str(body.html) ?? '',
    attachments,
    source: 'api',
    status: typeof body.scheduledTimestamp === 'number' ? 'scheduled' : 'pending',
  };
  if (typeof body.subject === 'string') message.subject = body.subject;
  if (typeof body.html === 'string') message.html = body.html;
  if (typeof body.scheduledTimestamp === 'number') message.scheduledTimestamp = body.scheduledTimestamp;
  if (type === 'Email') Object.assign(message, emailThreading(state, body));
  const stored = storeMessage(state, contact, message);
  return ok({
    conversationId: stored.conversationId,
    messageId: stored.id,
    ...(stored.emailMessageId === undefined ? {} : { emailMessageId: stored.emailMessageId }),
    msg: 'Message queued successfully.',
  });
}

function searchConversations({ state, query }: Ctx) {
  if (!str(query.locationId)) throw unprocessable(['locationId should not be empty']);
  if (query.locationId !== state.locationId) throw forbiddenLocation();
  const limit = Math.min(Number(query.limit ?? 20) || 20, 100);
  const found = [...state.conversations.values()]
    .filter((c) => !c.deleted && (query.contactId === undefined || c.contactId === query.contactId))
    .sort((a, b) => Date.parse(b.lastMessageDate) - Date.parse(a.lastMessageDate));
  return ok({
    conversations: found.slice(0, limit).map((c) => conversationToWire(state, c)),
    total: found.length,
    traceId: traceId(),
  });
}

function createConversationRoute({ state, body }: Ctx) {
  requireFields(body, { locationId: 'string', contactId: 'string' });
  if (body.locationId !== state.locationId) throw forbiddenLocation();
  const contact = getContact(state, body.contactId as string);
  const existing = findConversationFor(state, contact.id);
  // The wording for an existing conversation is not confirmed; the id in the body is what callers need.
  if (existing) throw badRequest('Conversation already exists', { conversationId: existing.id });
  const c = createConversation(state, contact);
  const { id, dateUpdated, dateAdded, deleted, contactId, locationId, lastMessageDate } = c;
  return ok(
    {
      success: true,
      conversation: { id, dateUpdated, dateAdded, deleted, contactId, locationId, lastMessageDate },
    },
    201,
  );
}

function listMessages({ state, params, query }: Ctx) {
  const conv = getConversation(state, params.id ?? '');
  const types = query.type ? query.type.split(',').map((t) => t.trim()) : undefined;
  let all = state.messages
    .filter((m) => m.conversationId === conv.id)
    .map((m) => messageToWire(state, m))
    .filter((m) => types === undefined || types.includes(m.messageType as string))
    .reverse();
  if (query.lastMessageId) {
    const at = all.findIndex((m) => m.id === query.lastMessageId);
    all = at >= 0 ? all.slice(at + 1) : [];
  }
  const limit = Math.min(Number(query.limit ?? 20) || 20, 100);
  const page = all.slice(0, limit);
  return ok({
    messages: {
      lastMessageId: page.at(-1)?.id ?? null,
      nextPage: all.length > page.length,
      messages: page,
    },
    traceId: traceId(),
  });
}

function getMessage({ state, params }: Ctx) {
  const m = state.messages.find((x) => x.id === params.id);
  if (!m) throw badRequest(`Message with id ${params.id ?? ''} not found`);
  return ok(messageToWireWithBody(state, m));
}

function getEmail({ state, params }: Ctx) {
  const m = state.messages.find((x) => x.emailMessageId !== undefined && x.emailMessageId === params.id);
  // ASSUMPTION: an unknown id is a 400 "not found", as GHL answers for other unknown ids (reference §10).
  if (!m) throw badRequest(`Email with id ${params.id ?? ''} not found`);
  return ok({ ...emailToWire(state, m), traceId: traceId() });
}

function getConversationRoute({ state, params }: Ctx) {
  const c = getConversation(state, params.id ?? '');
  return ok({ ...conversationToWire(state, c), traceId: traceId() });
}

export const conversationRoutes: Route[] = [
  route('POST', '/conversations/messages/upload', uploadAttachment),
  route('POST', '/conversations/messages', sendMessage),
  route('GET', '/conversations/search', searchConversations),
  route('GET', '/conversations/messages/email/:id', getEmail),
  route('GET', '/conversations/messages/:id', getMessage),
  route('GET', '/conversations/:id/messages', listMessages),
  route('GET', '/conversations/:id', getConversationRoute),
  route('POST', '/conversations', createConversationRoute),
];
