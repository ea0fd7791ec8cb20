import type { Channel } from '../domain/conversation.ts';

/** What we learned about the contact from the event (only fields the event carried). */
export interface ContactPatch {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  timezone?: string;
  /** The full current tag list, when the event carries one. */
  tags?: string[];
  customFields?: Record<string, string | number>;
}

export type InboxPayload =
  | { kind: 'inbound_message'; channel: Channel; body: string; contact?: ContactPatch }
  | { kind: 'outbound_message'; messageId?: string; source?: string; userId?: string; body?: string }
  | { kind: 'contact_updated'; contact: ContactPatch }
  | { kind: 'dnd_updated'; dnd: boolean; contact?: ContactPatch };

/** One accepted event, normalised from any of our entry points, ready for the inbox. */
export interface InboxEvent {
  locationId: string;
  contactId: string;
  source: 'marketplace' | 'workflow' | 'sandbox';
  webhookId?: string;
  messageId?: string;
  payload: InboxPayload;
}
