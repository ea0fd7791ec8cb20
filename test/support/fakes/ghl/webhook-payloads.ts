import { randomUUID } from 'node:crypto';
import { newId } from './wire.ts';

// Webhook bodies as GHL sends them (reference §8a marketplace events, §8d workflow "Webhook" action).

export interface MessagePayloadInput {
  locationId: string;
  contactId: string;
  body: string;
  messageId?: string;
  webhookId?: string;
  timestamp?: string;
  messageType?: string;
  conversationId?: string;
  from?: string;
  to?: string;
  attachments?: string[];
  dateAdded?: string;
  status?: string;
  subject?: string;
  appId?: string;
}

const TYPE_IDS: Record<string, { id: number; name: string }> = {
  SMS: { id: 2, name: 'TYPE_SMS' },
  Email: { id: 3, name: 'TYPE_EMAIL' },
  CALL: { id: 1, name: 'TYPE_CALL' },
  WhatsApp: { id: 19, name: 'TYPE_WHATSAPP' },
};

// Fictional 555-01xx numbers: the range reserved for examples.
const CONTACT_NUMBER = '+15555550100';
const BUSINESS_NUMBER = '+15555550199';

function messagePayload(kind: 'InboundMessage' | 'OutboundMessage', p: MessagePayloadInput) {
  const messageType = p.messageType ?? 'SMS';
  const typeInfo = TYPE_IDS[messageType];
  const timestamp = p.timestamp ?? new Date().toISOString();
  const inbound = kind === 'InboundMessage';
  const isEmail = messageType === 'Email';
  return {
    type: kind,
    locationId: p.locationId,
    ...(p.appId === undefined ? {} : { appId: p.appId }),
    attachments: p.attachments ?? [],
    body: p.body,
    contactId: p.contactId,
    contentType: isEmail ? 'text/html' : 'text/plain',
    conversationId: p.conversationId ?? newId(),
    dateAdded: p.dateAdded ?? timestamp,
    direction: inbound ? 'inbound' : 'outbound',
    messageType,
    ...(typeInfo === undefined ? {} : { messageTypeId: typeInfo.id, messageTypeString: typeInfo.name }),
    messageId: p.messageId ?? newId(),
    status: p.status ?? 'delivered',
    from: p.from ?? (inbound ? CONTACT_NUMBER : BUSINESS_NUMBER),
    to: p.to ?? (inbound ? BUSINESS_NUMBER : CONTACT_NUMBER),
    ...(isEmail
      ? { emailMessageId: newId(), threadId: newId(), subject: p.subject ?? '', provider: 'mailgun' }
      : {}),
    timestamp,
    webhookId: p.webhookId ?? randomUUID(),
  };
}

export function inboundMessagePayload(p: MessagePayloadInput) {
  return messagePayload('InboundMessage', p);
}

/** Your own API sends come back as these; `source` lets a receiver skip its own echoes. */
export function outboundMessagePayload(p: MessagePayloadInput & { source?: string; userId?: string }) {
  return {
    ...messagePayload('OutboundMessage', p),
    source: p.source ?? 'api',
    userId: p.userId ?? newId(),
  };
}

export interface ContactPayloadInput {
  locationId: string;
  contactId: string;
  tags: string[];
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  dnd?: boolean;
  customFields?: { id: string; value: unknown }[];
  webhookId?: string;
  timestamp?: string;
}

/** Flat contact with the full current tag list (no diff), as ContactTagUpdate sends it. */
export function contactTagUpdatePayload(p: ContactPayloadInput) {
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
  const timestamp = p.timestamp ?? new Date().toISOString();
  return {
    type: 'ContactTagUpdate',
    locationId: p.locationId,
    id: p.contactId,
    ...(p.firstName === undefined ? {} : { firstName: p.firstName }),
    ...(p.lastName === undefined ? {} : { lastName: p.lastName }),
    ...(name === '' ? {} : { name }),
    ...(p.email === undefined ? {} : { email: p.email }),
    ...(p.phone === undefined ? {} : { phone: p.phone }),
    dnd: p.dnd ?? false,
    tags: p.tags,
    customFields: p.customFields ?? [],
    dateAdded: timestamp,
    timestamp,
    webhookId: p.webhookId ?? randomUUID(),
  };
}

export interface WorkflowPayloadInput {
  locationId: string;
  contactId: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  tags?: string[];
  /** Custom field display name → value; GHL puts each at the top level. */
  customFields?: Record<string, unknown>;
  customData?: Record<string, string>;
  /** Present when the workflow was triggered by a reply ("Customer Replied"). */
  message?: { body: string; type?: number };
  workflow?: { id: string; name: string };
  locationName?: string;
  timezone?: string;
  source?: string;
}

/** Workflow "Webhook" action body: flat snake_case contact, comma-string tags, never signed. */
export function workflowWebhookPayload(p: WorkflowPayloadInput) {
  const fullName = [p.firstName, p.lastName].filter(Boolean).join(' ');
  return {
    contact_id: p.contactId,
    ...(p.firstName === undefined ? {} : { first_name: p.firstName }),
    ...(p.lastName === undefined ? {} : { last_name: p.lastName }),
    ...(fullName === '' ? {} : { full_name: fullName }),
    ...(p.email === undefined ? {} : { email: p.email }),
    ...(p.phone === undefined ? {} : { phone: p.phone }),
    tags: (p.tags ?? []).join(','),
    country: 'US',
    timezone: p.timezone ?? 'America/Los_Angeles',
    date_created: new Date().toISOString(),
    contact_source: p.source ?? 'api',
    full_address: '',
    contact_type: 'lead',
    attributionSource: {},
    ...(p.customFields ?? {}),
    location: {
      id: p.locationId,
      name: p.locationName ?? 'Test Location',
      address: '',
      city: '',
      state: 'CA',
      country: 'US',
      postalCode: '',
      fullAddress: '',
    },
    workflow: p.workflow ?? { id: randomUUID(), name: 'Inbound reply to bot' },
    triggerData: {},
    contact: { attributionSource: {}, lastAttributionSource: {} },
    ...(p.message === undefined ? {} : { message: { type: p.message.type ?? 2, body: p.message.body } }),
    customData: p.customData ?? {},
  };
}
