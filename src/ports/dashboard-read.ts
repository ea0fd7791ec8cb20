/**
 * What the dashboard's Inbox and Contact pages read. Implemented in
 * adapters/postgres/dashboard-inbox-read.ts and dashboard-contact-read.ts.
 */

export const INBOX_FLAGS = [
  'escalated',
  'compliance_hold',
  'paused',
  'opted_out',
  'human_takeover',
  'booked',
  'delivery_failed',
] as const;
export type InboxFlag = (typeof INBOX_FLAGS)[number];

export interface InboxFilter {
  /** Part of the name, phone, email or contact id. */
  search?: string;
  bot?: 'lead' | 'buyer' | 'seller';
  temperature?: 'hot' | 'warm' | 'cold';
  flag?: InboxFlag;
  limit: number;
  /** The next page: only conversations that come after this one in the list's order. */
  after?: InboxPosition;
}

/**
 * Where a conversation sits in the inbox's order (latest activity first, then location and contact
 * id, descending). `updatedAt` is the database's own timestamp as UTC ISO text with microseconds, so
 * two contacts changed within the same millisecond still page apart, neither repeated nor skipped.
 */
export interface InboxPosition {
  updatedAt: string;
  locationId: string;
  contactId: string;
}

export interface InboxItem {
  locationId: string;
  contactId: string;
  name: string | null;
  phone: string | null;
  /** Where the lead came from: the contact's `source` field, else the channel of the last message. */
  source: string | null;
  bot: string;
  temperature: string | null;
  lastMessage: { direction: string; channel: string; body: string; at: Date } | null;
  /** Latest activity (message, CRM update or dashboard action). */
  updatedAt: Date;
  flags: InboxFlag[];
  /** This row's place in the order; the next page starts after the last row's. */
  position: InboxPosition;
}

/** Who wrote a transcript row, as the Contact page shows it. */
export type MessageAuthor = 'lead' | 'bot' | 'agent' | 'follow_up';

export interface WhyReply {
  /**
   * What the bot read in the lead's message of the turn: its dialogue acts (`{ act: 'question',
   * topic: 'home_value' }`…) and the slot values it states; null when not recorded.
   */
  reading: { acts: Record<string, unknown>[]; slots: Record<string, unknown> } | null;
  /** Decision events of the turn: rules that fired, knowledge-base answers, compliance screens. */
  events: { action: string; detail: Record<string, unknown> }[];
  /** CRM changes the same turn queued (tags, fields, notes, tasks…). */
  actions: { kind: string; summary: string }[];
  /** Language-model calls of the turn: what for, which model, and whether its output was used. */
  modelCalls: { task: string; model: string; outcome: string; detail: string | null }[];
}

export interface TranscriptItem {
  id: number;
  author: MessageAuthor;
  direction: string;
  channel: string;
  body: string;
  at: Date;
  /** Outbox status of an outbound row (pending, sending, sent, failed, cancelled) and its last error. */
  outboxStatus: string | null;
  outboxError: string | null;
  /** What GHL reported about the message (delivered, failed, undelivered, read…). */
  deliveryStatus: string | null;
  /** The PDF an email carried (a CMA), as a document id. */
  documentId: string | null;
  why: WhyReply | null;
}

export interface ContactView {
  locationId: string;
  contactId: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  optedOut: boolean;
  paused: boolean;
  pausedReason: string | null;
  bot: string;
  /** The bot's state, of which the scalar entries are shown as collected facts. */
  state: Record<string, unknown>;
  needsHumanReview: boolean;
  complianceHold: boolean;
  transcript: TranscriptItem[];
  temperatureHistory: { at: Date; tag: string }[];
  followUps: {
    step: string;
    status: string;
    dueAt: Date;
    sentAt: Date | null;
    reason: string | null;
    channel: string | null;
    documentId: string | null;
  }[];
  escalations: {
    id: string;
    kind: 'escalation' | 'compliance';
    reason: string;
    status: string;
    createdAt: Date;
    resolvedAt: Date | null;
    note: string | null;
  }[];
  documents: { id: string; filename: string; at: Date }[];
}

export interface DashboardRead {
  inbox(filter: InboxFilter): Promise<InboxItem[]>;
  /** Changes whenever anything the inbox shows may have changed; cheap enough to poll each second. */
  changeStamp(): Promise<string>;
  contact(locationId: string, contactId: string): Promise<ContactView | null>;
  /** A stored document (CMA PDF) by id. */
  document(id: string): Promise<{ filename: string; contentType: string; bytes: Buffer } | null>;
}
