import type { Channel } from '../domain/conversation.ts';

/** Which email a reply answers: GHL's ids for it and its thread, and its subject. */
export interface InboundEmailRef {
  messageId?: string;
  threadId?: string;
  subject?: string;
}

/** What we learned about the contact from the event (only fields the event carried). */
export interface ContactPatch {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  timezone?: string;
  /** Address state and ZIP code. */
  state?: string;
  postalCode?: string;
  /** The full current tag list, when the event carries one. */
  tags?: string[];
  customFields?: Record<string, string | number>;
}

export type InboxPayload =
  | {
      kind: 'inbound_message';
      channel: Channel;
      /** The text as the bot reads it: email markup and quoted replies removed, cut to the cap. */
      body: string;
      /** Length of the text before it was cut to INBOUND_TEXT_MAX_CHARS; absent when it was not. */
      truncatedFrom?: number;
      contact?: ContactPatch;
      /** An email's id, thread and subject, so the answer goes into the same thread. */
      email?: InboundEmailRef;
    }
  | {
      kind: 'outbound_message';
      messageId?: string;
      source?: string;
      userId?: string;
      body?: string;
      /** GHL's delivery state of the message: pending, delivered, failed, undelivered, read… */
      status?: string;
      /** Why it failed, when the event says. */
      error?: { code?: string; message?: string };
      messageType?: string;
      /** When GHL says the message was sent (ISO). */
      dateAdded?: string;
    }
  | { kind: 'contact_updated'; contact: ContactPatch }
  | { kind: 'dnd_updated'; dnd: boolean; contact?: ContactPatch };

/** The inbound text as the transcript keeps it: a cut text says so, so a reader knows more was sent. */
export function transcriptText(p: { body: string; truncatedFrom?: number }): string {
  if (p.truncatedFrom === undefined) return p.body;
  const n = (x: number) => x.toLocaleString('en-US');
  return `${p.body}\n[truncated: ${n(p.truncatedFrom)} characters received, the first ${n(p.body.length)} kept]`;
}

/** One accepted event, normalised from any of our entry points, ready for the inbox. */
export interface InboxEvent {
  locationId: string;
  contactId: string;
  source: 'marketplace' | 'workflow' | 'sandbox';
  webhookId?: string;
  messageId?: string;
  payload: InboxPayload;
}
