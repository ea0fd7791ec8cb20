// The shapes a bot decides with. Pure data: the app layer loads them, the bot returns a Decision,
// and the app layer carries the Decision out (state, transcript, outbox) in one transaction.

import type { ContactFields, FieldValue } from './contact-fields.ts';

export type BotName = 'lead' | 'seller' | 'buyer';
export type Channel = 'SMS' | 'Email';
export type Temperature = 'hot' | 'warm' | 'cold';
export type { FieldValue };

export interface ContactView {
  firstName?: string;
  tags: readonly string[];
  fields: Readonly<Record<string, unknown>>;
  optedOut: boolean;
}

export interface InboundTurn {
  text: string;
  channel: Channel;
  at: Date;
}

export type CrmAction =
  | { type: 'add_tags'; tags: string[] }
  | { type: 'remove_tags'; tags: string[] }
  | { type: 'set_fields'; fields: ContactFields }
  | { type: 'add_note'; body: string }
  | { type: 'create_task'; title: string; body?: string; dueAt: string }
  | { type: 'book_appointment'; startTime: string; title: string }
  /** Changes only our own record of the contact (no CRM call). */
  | { type: 'set_contact'; optedOut?: boolean; paused?: boolean; pausedReason?: string | null };

export interface Decision {
  bot: BotName;
  /** What to send back on the inbound channel; null = stay silent. */
  reply: string | null;
  actions: CrmAction[];
  state: Record<string, unknown>;
  temperature?: Temperature;
}

/** Tags compare case-insensitively: GHL stores them lower-cased. */
export function hasTag(tags: readonly string[], tag: string): boolean {
  const t = tag.toLowerCase();
  return tags.some((x) => x.toLowerCase() === t);
}
