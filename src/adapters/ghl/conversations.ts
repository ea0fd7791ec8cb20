import { CrmError, type OutboundMatch, type SendMessageInput, type SentMessage } from '../../ports.ts';
import { confirmEmail, isEmailItem } from './email-confirm.ts';
import { type GhlHttp, type GhlLogger, type GhlRequest, ghlVersions } from './http.ts';
import { asArray, asObj, optString, requireString, seg } from './read.ts';

const version = ghlVersions.conversations;

/** GHL's clock and ours differ a little; a found message may be stamped slightly before our first try. */
export const sendClockSkewMs = 10_000;

/** How many of a contact's conversations to look through for a message already sent. */
const conversationsToScan = 5;

type Call = <T>(req: GhlRequest) => Promise<T>;

/** Messages of a conversation: really `{messages:{messages:[…]}}`, flat in the spec; accept both. */
export function messagesFromBody(body: unknown): unknown[] {
  const outer = asObj(body).messages;
  if (Array.isArray(outer)) return outer;
  return asArray(asObj(outer).messages);
}

async function conversationIds(call: Call, locationId: string, contactId: string): Promise<string[]> {
  const res = await call<unknown>({
    op: 'searchConversations',
    method: 'GET',
    path: '/conversations/search',
    version,
    locationId,
    query: { locationId, contactId },
  });
  return asArray(asObj(res).conversations)
    .map((c) => optString(asObj(c).id))
    .filter((id): id is string => id !== undefined);
}

/**
 * An outbound message to the contact at or after `since` that is the one described. SMS (and any
 * item that carries its body) match by exact body; emails, listed without a body, match by type and
 * time and are confirmed through the email endpoint (subject and text).
 */
async function findOutbound(
  call: Call,
  locationId: string,
  contactId: string,
  bodies: string[],
  since: Date,
  match: OutboundMatch = {},
): Promise<SentMessage | null> {
  const ids = (await conversationIds(call, locationId, contactId)).slice(0, conversationsToScan);
  for (const conversationId of ids) {
    const res = await call<unknown>({
      op: 'listMessages',
      method: 'GET',
      path: `/conversations/${seg(conversationId)}/messages`,
      version,
      locationId,
      query: { limit: 20 },
    });
    for (const raw of messagesFromBody(res)) {
      const m = asObj(raw);
      const id = optString(m.id);
      const at = Date.parse(String(m.dateAdded ?? ''));
      if (id === undefined || m.direction !== 'outbound' || !(at >= since.getTime())) continue;
      const found = { messageId: id, conversationId: optString(m.conversationId) ?? conversationId };
      const email = isEmailItem(m);
      if (email ? match.type === 'SMS' : match.type === 'Email') continue;
      if (typeof m.body === 'string' && bodies.includes(m.body)) return found;
      if (email && (await confirmEmail(call, locationId, m, bodies, match))) return found;
    }
  }
  return null;
}

export function createConversationOps(http: GhlHttp, logger?: GhlLogger) {
  async function sendMessage(locationId: string, input: SendMessageInput): Promise<SentMessage> {
    const since = new Date(Date.now() - sendClockSkewMs);
    const bodies = [input.message, ...(input.html !== undefined ? [input.html] : [])];
    const match: OutboundMatch = {
      type: input.type,
      ...(input.subject !== undefined ? { subject: input.subject } : {}),
    };
    const payload: Record<string, unknown> = {
      type: input.type,
      contactId: input.contactId,
      message: input.message,
    };
    if (input.subject !== undefined) payload.subject = input.subject;
    if (input.html !== undefined) payload.html = input.html;
    if (input.attachments !== undefined && input.attachments.length > 0) {
      payload.attachments = input.attachments;
    }
    // SendMessageBodyDto threads an email with replyMessageId / threadId; "reply" answers the sender
    // only (reply_all would copy whoever the lead copied).
    if (input.type === 'Email' && input.replyToMessageId !== undefined) {
      payload.replyMessageId = input.replyToMessageId;
      payload.emailReplyMode = 'reply';
    }
    if (input.type === 'Email' && input.threadId !== undefined) payload.threadId = input.threadId;
    // Set once any attempt may have reached GHL: from then on every retry first looks for the message.
    let mayHaveSent = false;
    try {
      return await http.retrying('sendMessage', async (attempt) => {
        if (mayHaveSent) {
          const found = await findOutbound(http.once, locationId, input.contactId, bodies, since, match);
          if (found) {
            logger?.info(
              { op: 'sendMessage', attempt },
              'GHL message had already been sent; not sending again',
            );
            return found;
          }
        }
        try {
          const res = await http.once<unknown>({
            op: 'sendMessage',
            method: 'POST',
            path: '/conversations/messages',
            version,
            locationId,
            json: payload,
            sideEffect: true,
          });
          const body = asObj(res);
          return {
            messageId: requireString(body.messageId, 'sendMessage', 'messageId'),
            conversationId: requireString(body.conversationId, 'sendMessage', 'conversationId'),
          };
        } catch (err) {
          if (err instanceof CrmError && err.ambiguous) mayHaveSent = true;
          throw err;
        }
      });
    } catch (err) {
      if (mayHaveSent && err instanceof CrmError && !err.ambiguous) {
        throw new CrmError(err.message, err.status, err.retryable, true);
      }
      throw err;
    }
  }

  function findRecentOutbound(
    locationId: string,
    contactId: string,
    body: string,
    since: Date,
    match: OutboundMatch = {},
  ) {
    const bodies = [body, ...(match.html !== undefined ? [match.html] : [])];
    return findOutbound(http.request, locationId, contactId, bodies, since, match);
  }

  async function conversationFor(locationId: string, contactId: string): Promise<string> {
    const existing = await conversationIds(http.request, locationId, contactId);
    if (existing[0] !== undefined) return existing[0];
    try {
      const res = await http.request<unknown>({
        op: 'createConversation',
        method: 'POST',
        path: '/conversations/',
        version,
        locationId,
        json: { locationId, contactId },
      });
      return requireString(asObj(asObj(res).conversation).id, 'createConversation', 'conversation.id');
    } catch (err) {
      // Another worker may have created it in the meantime; GHL then refuses a second one.
      if (!(err instanceof CrmError) || err.status !== 400) throw err;
      const again = await conversationIds(http.request, locationId, contactId);
      if (again[0] === undefined) throw err;
      return again[0];
    }
  }

  async function uploadAttachment(
    locationId: string,
    input: { contactId: string; filename: string; contentType: string; data: Uint8Array },
  ): Promise<{ url: string }> {
    const conversationId = await conversationFor(locationId, input.contactId);
    const form = new FormData();
    form.append('fileAttachment', new Blob([input.data], { type: input.contentType }), input.filename);
    form.append('conversationId', conversationId);
    form.append('contactId', input.contactId);
    form.append('locationId', locationId);
    const res = await http.request<unknown>({
      op: 'uploadAttachment',
      method: 'POST',
      path: '/conversations/messages/upload',
      version,
      locationId,
      form,
    });
    const files = asObj(asObj(res).uploadedFiles);
    const url = optString(files[input.filename]) ?? Object.values(files).map(optString).find(Boolean);
    return { url: requireString(url, 'uploadAttachment', 'uploadedFiles url') };
  }

  return { sendMessage, findRecentOutbound, uploadAttachment };
}
