import type { Channel } from '../../domain/conversation.ts';

/** The channel a message came in on, as far as a webhook names it. */
export type ChannelRead =
  /** One the bot answers, in that same channel. */
  | { answered: Channel }
  /** A channel the bot cannot answer on (calls, Facebook, WhatsApp…): never answered by SMS. */
  | { other: OtherChannel }
  /** The payload names no channel at all. */
  | { none: true };

/** A bounded label for logs and metrics; the raw value is never logged. */
export type OtherChannel =
  | 'call'
  | 'voicemail'
  | 'facebook'
  | 'instagram'
  | 'whatsapp'
  | 'gmb'
  | 'live_chat'
  | 'other';

// Names GHL uses for a message's channel, upper-cased with spaces and dashes as `_` and without a
// `TYPE_` prefix:
// - webhook `messageType` short forms (docs/webhook events/InboundMessage.md, reference §8a):
//   SMS, Email, CALL, WhatsApp, GMB, FB, IG, Live Chat (the doc's channel table), Voicemail;
// - REST `messageType` / webhook `messageTypeString` (apps/conversations.json, GetMessageResponseDto
//   enum): TYPE_SMS, TYPE_EMAIL, TYPE_CALL, TYPE_FACEBOOK, TYPE_INSTAGRAM, TYPE_WHATSAPP, TYPE_GMB,
//   TYPE_LIVE_CHAT, TYPE_WEBCHAT, TYPE_IVR_CALL, TYPE_CAMPAIGN_VOICEMAIL…;
// - send types (SendMessageBodyDto / ProcessMessageBodyDto): FB, IG, Live_Chat, WebChat, Call, IVR_Call;
// - numeric `message.type` of workflow payloads and `messageTypeId` (reference §8d: 2 = SMS,
//   3 = email, 1 = call, 10 = voicemail). The other numbers follow the order of the enum above
//   without TYPE_RCS (11 facebook, 15 GMB, 18 Instagram, 19 WhatsApp), as public client code lists
//   them; only 2 and 3 are answered, so a wrong guess there can only cost a reply, never misdirect one.
const NAMES: Record<string, Channel | OtherChannel> = {
  SMS: 'SMS',
  '2': 'SMS',
  EMAIL: 'Email',
  '3': 'Email',
  CALL: 'call',
  IVR_CALL: 'call',
  CUSTOM_CALL: 'call',
  CAMPAIGN_CALL: 'call',
  CAMPAIGN_MANUAL_CALL: 'call',
  PHONE: 'call',
  '1': 'call',
  VOICEMAIL: 'voicemail',
  CAMPAIGN_VOICEMAIL: 'voicemail',
  '10': 'voicemail',
  FB: 'facebook',
  FACEBOOK: 'facebook',
  FB_MESSENGER: 'facebook',
  FACEBOOK_COMMENT: 'facebook',
  '11': 'facebook',
  IG: 'instagram',
  INSTAGRAM: 'instagram',
  INSTAGRAM_COMMENT: 'instagram',
  '18': 'instagram',
  WHATSAPP: 'whatsapp',
  '19': 'whatsapp',
  GMB: 'gmb',
  '15': 'gmb',
  LIVE_CHAT: 'live_chat',
  LIVECHAT: 'live_chat',
  WEBCHAT: 'live_chat',
};

const SEPARATORS = /[\s-]+/g;

function readOne(value: string | number): ChannelRead {
  const key = String(value).trim().toUpperCase().replace(SEPARATORS, '_');
  const name = NAMES[key.startsWith('TYPE_') ? key.slice(5) : key];
  if (name === 'SMS' || name === 'Email') return { answered: name };
  return { other: name ?? 'other' };
}

const present = (v: unknown): v is string | number =>
  (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v));

/**
 * The channel named by the first of `candidates` that is present (callers list the fields in the
 * order they trust them). Only SMS and Email are answered; any other name, known or not, is a
 * channel the bot does not answer on. Nothing present: `{ none: true }`.
 */
export function readChannel(...candidates: unknown[]): ChannelRead {
  const named = candidates.find(present);
  return named === undefined ? { none: true } : readOne(named);
}
