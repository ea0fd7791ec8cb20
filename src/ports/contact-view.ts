import type { Sql } from '../ports.ts';

// What the contact view (GET /api/v1/contacts/:id, the sandbox answer, the MCP get_contact tool)
// reads, and the documents (CMA PDFs) behind attachment links. PostgreSQL/PGlite:
// adapters/postgres/contact-view-repo.ts.

export interface FollowUpRow {
  id: number;
  location_id: string;
  contact_id: string;
  sequence_start: Date;
  step: string;
  due_at: Date;
  /** failed: sent, then GHL reported its message failed or undelivered (reason says which). */
  status: 'pending' | 'sent' | 'skipped' | 'cancelled' | 'failed';
  reason: string | null;
  channel: string | null;
  detail: Record<string, unknown>;
  sent_at: Date | null;
}

export interface ModelUsageTotals {
  calls: number;
  used: number;
  fallbacks: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
}

/** The contact with its conversation, as the view starts from. */
export interface ContactViewRow {
  location_id: string;
  id: string;
  tags: string[];
  custom_fields: Record<string, unknown>;
  opted_out: boolean;
  paused: boolean;
  bot: string | null;
  state: Record<string, unknown> | null;
  needs_human_review: boolean | null;
  compliance_hold: boolean | null;
}

/** A transcript message with its outbox status and what GHL reported about its delivery. */
export interface TranscriptMessageRow {
  direction: string;
  channel: string;
  body: string;
  created_at: Date;
  delivery: string | null;
  delivery_status: string | null;
  delivery_error: { code?: string; message?: string } | null;
}

export interface ContactViewStore {
  /** Without a location, the most recently updated contact with that id. */
  find(sql: Sql, contactId: string, locationId?: string): Promise<ContactViewRow | null>;
  /** Every message of the conversation, oldest first. */
  transcript(sql: Sql, locationId: string, contactId: string): Promise<TranscriptMessageRow[]>;
  followUps(sql: Sql, locationId: string, contactId: string): Promise<FollowUpRow[]>;
  modelUsage(sql: Sql, locationId: string, contactId: string): Promise<ModelUsageTotals>;
  /** The replies a turn queued for one inbox event, in order. */
  repliesFor(sql: Sql, inboxId: number): Promise<{ channel: string; body: string }[]>;
}

export interface StoredDocument {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface DocumentStore {
  save(sql: Sql, doc: StoredDocument & { id: string; at: Date }): Promise<void>;
  load(sql: Sql, id: string): Promise<StoredDocument | null>;
  /** A file the sandbox CRM kept for an upload, by the key its URL carries. */
  loadSandboxAttachment(sql: Sql, key: string): Promise<StoredDocument | null>;
}
