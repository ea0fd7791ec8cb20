import type { Sql } from '../ports.ts';
import type { ContactRow } from './contact-store.ts';
import type { FollowUpRow } from './contact-view.ts';
import type { ModelCallRecord } from './model-call-record.ts';
import type { OutboxAction } from './outbox-action.ts';

/** The contact a follow-up step would reach, with its conversation (null: none stored yet). */
export interface FollowUpSubjectRow {
  contact: ContactRow;
  conversation: {
    bot: string;
    state: Record<string, unknown>;
    needs_human_review: boolean;
    compliance_hold: boolean;
  } | null;
}

/** How a follow-up step ended. */
export interface FollowUpOutcome {
  status: 'sent' | 'skipped';
  reason?: string;
  channel?: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** One CRM step to queue in the outbox. */
export interface OutboxEnqueue {
  locationId: string;
  contactId: string;
  inboxId: number | null;
  action: OutboxAction;
  idempotencyKey: string;
  at: Date;
}

/** One line of a contact's transcript. */
export interface TranscriptLine {
  locationId: string;
  contactId: string;
  direction: 'inbound' | 'outbound';
  channel: string;
  body: string;
  inboxId?: number;
  outboxId?: number;
  at: Date;
}

/**
 * What the follow-up runner reads and writes, each method in the transaction (or pool) it is
 * given: the due steps and their outcome, what the step's checks need (the contact, the last sends),
 * and what a sent step leaves behind (outbox rows, the transcript line, the CMA document, model
 * usage).
 */
export interface FollowUpStore {
  /** Ids of pending steps due at `now`, oldest first; `only` selects `locationId`, else every other location. */
  listDue(sql: Sql, opts: { now: Date; locationId: string; only: boolean; limit: number }): Promise<number[]>;
  /** Locks one pending step if it is still due and nobody else holds it. */
  lockDue(sql: Sql, id: number, now: Date): Promise<FollowUpRow | null>;
  loadSubject(sql: Sql, locationId: string, contactId: string): Promise<FollowUpSubjectRow | null>;
  /** When the contact's last follow-up step was sent. */
  lastSentAt(sql: Sql, locationId: string, contactId: string): Promise<Date | null>;
  /** When someone other than the bots (a GHL workflow, a campaign, a person) last texted the contact. */
  lastOtherSendAt(sql: Sql, locationId: string, contactId: string): Promise<Date | null>;
  /** When the messages we started (no inbox row) to the contact went out since `since`. */
  initiatedMessagesSentSince(sql: Sql, locationId: string, contactId: string, since: Date): Promise<Date[]>;
  finish(sql: Sql, id: number, f: FollowUpOutcome): Promise<void>;
  postpone(sql: Sql, id: number, dueAt: Date): Promise<void>;
  /** Moves a step to a later time and says why it waits (shown as the step's reason until it runs). */
  hold(sql: Sql, id: number, dueAt: Date, reason: string): Promise<void>;
  saveDocument(
    sql: Sql,
    doc: { id: string; filename: string; contentType: string; bytes: Buffer; at: Date },
  ): Promise<void>;
  /** Queues one CRM step; null when its idempotency key was queued before. */
  enqueue(sql: Sql, row: OutboxEnqueue): Promise<number | null>;
  /** Adds a line to the contact's transcript. */
  appendMessage(sql: Sql, m: TranscriptLine): Promise<void>;
  recordModelCall(
    sql: Sql,
    row: { locationId: string; contactId: string; inboxId: number | null; record: ModelCallRecord; at: Date },
  ): Promise<void>;
}
