import { z } from 'zod';
import type { ContactPatch, InboxEvent } from '../../ports/inbox-event.ts';
import { clean } from '../../domain/clean.ts';
import { channelInDnd } from '../../domain/dnd.ts';
import { type ChannelRead, readChannel } from './channel.ts';
import { emailThreadOf } from './email-text.ts';
import { inboundText } from './inbound-text.ts';

export interface NormalizeOptions {
  /** Inbound message text beyond this many characters is cut off (INBOUND_TEXT_MAX_CHARS). */
  maxTextChars?: number;
}

/** Why a message is not answered: a channel we cannot answer on, none named, or no text in it. */
export type SkipReason = 'channel' | 'no_channel' | 'no_text';

/** A message left unanswered, with bounded labels safe for logs and metrics. */
export interface Skipped {
  reason: SkipReason;
  channel: string;
}

export type Normalized =
  | { ok: true; event: InboxEvent }
  | { ok: true; ignored: string; skipped?: Skipped }
  | { ok: false; problems: string[] };

const str = z.string().trim().min(1);
const optStr = z.string().optional().nullable();

const signedEnvelope = z.object({ type: str, locationId: str, webhookId: str, timestamp: str });

const messageEvent = z.object({
  contactId: str,
  messageId: optStr,
  body: z.string().optional().nullable(),
  messageType: optStr,
  direction: optStr,
  source: optStr,
  userId: optStr,
  attachments: z.array(z.string()).optional().nullable(),
});

// Built once: zod compiles a schema on first use, and extending per request cost ~100 µs a webhook.
const inboundMessageEvent = messageEvent.extend({ body: z.string() });

// OutboundMessage (highlevel-api-docs, docs/webhook events/OutboundMessage.md): `status` is the
// message's delivery state (pending, delivered, failed, undelivered, read…). GHL documents no error
// field on the event (highlevel-api-docs#160 asks for one); one shaped like the ErrorDto of
// UpdateMessageStatusDto ({code, type, message}) or a plain string is kept when present.
const outboundMessageEvent = messageEvent.extend({
  status: optStr,
  dateAdded: optStr,
  error: z.unknown().optional(),
});

const ERROR_TEXT_MAX = 300;

function deliveryErrorOf(e: unknown): { code?: string; message?: string } | undefined {
  const text = (v: unknown) =>
    typeof v === 'string' && v.trim() !== ''
      ? v.trim().slice(0, ERROR_TEXT_MAX)
      : typeof v === 'number'
        ? String(v)
        : undefined;
  if (typeof e === 'string') return text(e) ? { message: text(e) as string } : undefined;
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as Record<string, unknown>;
  const out = clean({ code: text(o.code), message: text(o.message) ?? text(o.error) });
  return Object.keys(out).length > 0 ? out : undefined;
}

const contactEvent = z.object({
  id: str,
  firstName: optStr,
  lastName: optStr,
  email: optStr,
  phone: optStr,
  timezone: optStr,
  state: optStr,
  postalCode: optStr,
  tags: z.array(z.string()).optional().nullable(),
  dnd: z.boolean().optional().nullable(),
  dndSettings: z
    .record(z.string(), z.object({ status: z.string().optional() }).loose())
    .optional()
    .nullable(),
});

// Zod 4 issues carry no input unless asked, so a missing field is told apart by its message.
const MISSING = /received undefined$/;

function problemsOf(err: z.ZodError): string[] {
  return err.issues.map(
    (i) =>
      `${i.path.join('.') || 'body'}: ${i.code === 'invalid_type' && MISSING.test(i.message) ? 'is required' : i.message}`,
  );
}

export function envelopeOf(
  body: unknown,
):
  | { ok: true; type: string; locationId: string; webhookId: string; timestamp: string }
  | { ok: false; problems: string[] } {
  const r = signedEnvelope.safeParse(body);
  return r.success ? { ok: true, ...r.data } : { ok: false, problems: problemsOf(r.error) };
}

/**
 * A message on a channel the bot does not answer, or naming none: ignored, never answered by SMS.
 * Only SMS and Email replies are sent, in the channel the message came in on.
 */
function notAnswered(ch: Exclude<ChannelRead, { answered: unknown }>, field: string): Normalized {
  if ('other' in ch)
    return {
      ok: true,
      ignored: `${ch.other} messages are not answered (only SMS and Email are)`,
      skipped: { reason: 'channel', channel: ch.other },
    };
  return {
    ok: true,
    ignored: `the message names no channel (${field}); only SMS and Email are answered`,
    skipped: { reason: 'no_channel', channel: 'none' },
  };
}

/** An SMS or email with no text, e.g. an MMS that is only pictures: nothing to read or answer. */
const noText = (channel: 'SMS' | 'Email'): Normalized => ({
  ok: true,
  ignored: `${channel} message has no text to answer (attachments only, or empty)`,
  skipped: { reason: 'no_text', channel: channel.toLowerCase() },
});

const isBlank = (text: string | null | undefined) => text == null || text.trim() === '';

/** A signed marketplace event (InboundMessage, OutboundMessage, ContactTagUpdate, ContactDndUpdate…). */
export function normalizeMarketplaceEvent(
  body: Record<string, unknown>,
  opts: NormalizeOptions = {},
): Normalized {
  const env = envelopeOf(body);
  if (!env.ok) return env;
  const base = { locationId: env.locationId, source: 'marketplace' as const, webhookId: env.webhookId };
  switch (env.type) {
    case 'InboundMessage': {
      const m = messageEvent.safeParse(body);
      if (!m.success) return { ok: false, problems: problemsOf(m.error) };
      // Calls and voicemails carry no body (InboundMessage.md examples): the channel decides first.
      const ch = readChannel(m.data.messageType, body.messageTypeString, body.messageTypeId);
      if (!('answered' in ch)) return notAnswered(ch, 'messageType');
      const channel = ch.answered;
      // ASSUMPTION: an MMS of pictures alone arrives with `body` absent or empty and the pictures in
      // `attachments`; GHL documents no example. It is not answered and not stored (nothing to read).
      if (isBlank(m.data.body) && (m.data.body != null || (m.data.attachments?.length ?? 0) > 0))
        return noText(channel);
      const r = inboundMessageEvent.safeParse(body);
      if (!r.success) return { ok: false, problems: problemsOf(r.error) };
      return {
        ok: true,
        event: {
          ...base,
          contactId: r.data.contactId,
          ...(r.data.messageId ? { messageId: r.data.messageId } : {}),
          payload: {
            kind: 'inbound_message',
            channel,
            ...inboundText(channel, r.data.body, opts.maxTextChars),
            ...(channel === 'Email' ? clean({ email: emailThreadOf(body) }) : {}),
          },
        },
      };
    }
    case 'OutboundMessage': {
      const r = outboundMessageEvent.safeParse(body);
      if (!r.success) return { ok: false, problems: problemsOf(r.error) };
      const d = r.data;
      return {
        ok: true,
        event: {
          ...base,
          contactId: d.contactId,
          // Status updates of one outbound message reuse its messageId; keep them all (webhookId dedupes).
          payload: clean({
            kind: 'outbound_message' as const,
            messageId: d.messageId ?? undefined,
            source: d.source ?? undefined,
            userId: d.userId ?? undefined,
            status: d.status?.trim().slice(0, 40) || undefined,
            error: deliveryErrorOf(d.error),
            messageType: d.messageType?.slice(0, 40) ?? undefined,
            dateAdded: d.dateAdded && Number.isFinite(Date.parse(d.dateAdded)) ? d.dateAdded : undefined,
          }),
        },
      };
    }
    case 'ContactTagUpdate':
    case 'ContactUpdate':
    case 'ContactCreate':
    case 'ContactDndUpdate': {
      const r = contactEvent.safeParse(body);
      if (!r.success) return { ok: false, problems: problemsOf(r.error) };
      const c = r.data;
      const contact: ContactPatch = clean({
        firstName: c.firstName ?? undefined,
        lastName: c.lastName ?? undefined,
        email: c.email ?? undefined,
        phone: c.phone ?? undefined,
        timezone: c.timezone ?? undefined,
        state: c.state ?? undefined,
        postalCode: c.postalCode ?? undefined,
        tags: c.tags ?? undefined,
      });
      if (env.type === 'ContactDndUpdate') {
        // Texting opt-out follows the SMS channel's own setting: payloads carry `dnd: true` with every
        // channel inactive (domain/dnd.ts). Other channels are checked before each send.
        const smsDnd = channelInDnd({ dnd: c.dnd ?? false, dndSettings: c.dndSettings ?? null }, 'SMS');
        return {
          ok: true,
          event: { ...base, contactId: c.id, payload: { kind: 'dnd_updated', dnd: smsDnd, contact } },
        };
      }
      return { ok: true, event: { ...base, contactId: c.id, payload: { kind: 'contact_updated', contact } } };
    }
    default:
      return { ok: true, ignored: `event type ${env.type} is not used` };
  }
}

const STANDARD_WORKFLOW_KEYS = new Set([
  'contact_id',
  'first_name',
  'last_name',
  'full_name',
  'email',
  'phone',
  'tags',
  'address1',
  'city',
  'state',
  'country',
  'postal_code',
  'timezone',
  'company_name',
  'website',
  'date_of_birth',
  'date_created',
  'contact_source',
  'full_address',
  'contact_type',
  'attributionSource',
  'lastAttributionSource',
  'location',
  'workflow',
  'triggerData',
  'contact',
  'customData',
  'message',
  'user',
  'id',
  'type',
]);

const asString = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/**
 * A workflow "Webhook" action payload: flat snake_case contact, tags as a comma string, custom
 * fields as top-level keys by display name, `customData` and `message: {type, body}`.
 * customData wins over message, which wins over the root (that is where users map merge fields).
 */
export function normalizeWorkflowPayload(
  body: Record<string, unknown>,
  defaultLocationId: string | undefined,
  opts: NormalizeOptions = {},
): Normalized {
  const custom = (
    typeof body.customData === 'object' && body.customData !== null ? body.customData : {}
  ) as Record<string, unknown>;
  const message = (typeof body.message === 'object' && body.message !== null ? body.message : {}) as Record<
    string,
    unknown
  >;
  const location = (
    typeof body.location === 'object' && body.location !== null ? body.location : {}
  ) as Record<string, unknown>;
  const contactId = asString(custom.contactId) ?? asString(body.contact_id);
  const locationId = asString(custom.locationId) ?? asString(location.id) ?? defaultLocationId;
  const text = asString(custom.body) ?? (typeof message.body === 'string' ? message.body : undefined);
  const ch = readChannel(custom.channel, message.type);
  const problems: string[] = [];
  if (!contactId) problems.push('contact_id: is required (or customData.contactId)');
  if (!locationId)
    problems.push('location.id: is required (or customData.locationId, or set GHL_LOCATION_ID)');
  const tags =
    typeof body.tags === 'string'
      ? body.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : Array.isArray(body.tags)
        ? body.tags.filter((t): t is string => typeof t === 'string')
        : undefined;
  // A call or a Facebook message (message.type named) may come without a body: ignored, not refused.
  if (text === undefined && tags === undefined && !('other' in ch))
    problems.push('message.body: is required (or customData.body)');
  if (problems.length > 0 || !contactId || !locationId) return { ok: false, problems };
  if ('other' in ch) return notAnswered(ch, 'customData.channel or message.type');
  const customFields: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(body)) {
    if (!STANDARD_WORKFLOW_KEYS.has(k) && (typeof v === 'string' || typeof v === 'number'))
      customFields[k] = v;
  }
  const contact: ContactPatch = clean({
    firstName: asString(body.first_name),
    lastName: asString(body.last_name),
    email: asString(body.email),
    phone: asString(body.phone),
    timezone: asString(body.timezone),
    state: asString(body.state),
    postalCode: asString(body.postal_code),
    tags,
    customFields: Object.keys(customFields).length > 0 ? customFields : undefined,
  });
  const messageId = asString(custom.messageId);
  const base = { locationId, contactId, source: 'workflow' as const, ...(messageId ? { messageId } : {}) };
  if (text === undefined)
    return { ok: true, event: { ...base, payload: { kind: 'contact_updated', contact } } };
  // ASSUMPTION: GHL's standard Webhook action on a reply trigger always sends `message.type`
  // (reference §8d), so a message naming no channel at all comes from a hand-built body (Custom
  // Webhook, Custom Data only). It is not answered: texting a lead who wrote on Facebook or chat
  // would reach a phone they never wrote from. Such a workflow sets `customData.channel`.
  if ('none' in ch) return notAnswered(ch, 'customData.channel or message.type');
  const channel = ch.answered;
  if (isBlank(text)) return noText(channel);
  // The standard payload's `message` has only type and body: an email's subject and ids come from
  // Custom Data the workflow fills (docs/GHL_SETUP.md), so the answer can go into the same thread.
  const thread = {
    subject: custom.subject,
    threadId: custom.threadId,
    emailMessageId: custom.replyMessageId,
  };
  return {
    ok: true,
    event: {
      ...base,
      payload: {
        kind: 'inbound_message',
        channel,
        ...inboundText(channel, text, opts.maxTextChars),
        ...(channel === 'Email' ? clean({ email: emailThreadOf(thread) }) : {}),
        contact,
      },
    },
  };
}
