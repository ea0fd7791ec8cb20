import type { PlannedFollowUp } from '../domain/follow-up/index.ts';
import type { Facts } from '../domain/state.ts';
import type { Sql } from '../ports.ts';
import type { ContactPatch } from './inbox-event.ts';
import type { OutboxAction } from './outbox-action.ts';

// Our mirror of CRM contacts, their conversations and the audit log, as the use cases need them.
// Every method takes the transaction (or pool) it runs in, so a use case keeps its writes in one
// transaction. PostgreSQL/PGlite: adapters/postgres/stores.ts.

export interface ContactRow {
  location_id: string;
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  timezone: string | null;
  /** Address state and ZIP code as the CRM has them (quiet hours follow where the lead lives). */
  state: string | null;
  postal_code: string | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
  opted_out: boolean;
  paused: boolean;
  paused_reason: string | null;
}

export interface ConversationRow {
  bot: string;
  state: Record<string, unknown>;
  version: number;
  last_inbound_at: Date | null;
  needs_human_review: boolean;
  compliance_hold: boolean;
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

export interface ContactWithFacts {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  /** The conversation's state (null: no conversation stored). */
  state: { facts?: Facts } | null;
}

export interface AuditEntry {
  locationId?: string;
  contactId?: string;
  actor: string;
  action: string;
  detail?: Record<string, unknown>;
  at: Date;
}

export interface ContactStore {
  /** Creates the contact (and its location) when unknown; applies the fields the patch carries. */
  upsert(
    sql: Sql,
    locationId: string,
    contactId: string,
    patch: ContactPatch | undefined,
    now: Date,
  ): Promise<ContactRow>;
  get(sql: Sql, locationId: string, contactId: string): Promise<ContactRow | null>;
  /** Case-insensitive tag changes; returns the new tag list ([] for an unknown contact). */
  changeTags(
    sql: Sql,
    locationId: string,
    contactId: string,
    add: string[],
    remove: string[],
  ): Promise<string[]>;
  mergeFields(
    sql: Sql,
    locationId: string,
    contactId: string,
    fields: Record<string, unknown>,
  ): Promise<void>;
  setOptedOut(sql: Sql, locationId: string, contactId: string, optedOut: boolean): Promise<void>;
  /** Pauses or resumes the bot for the contact; `reason` names who paused it (null when resumed). */
  setPaused(
    sql: Sql,
    locationId: string,
    contactId: string,
    paused: boolean,
    reason: string | null,
  ): Promise<void>;
  /** Marks the contact's latest activity (the inbox orders by it and its live stream notices it). */
  touch(sql: Sql, locationId: string, contactId: string, at: Date): Promise<void>;
  /** Adds one line to the contact's transcript. */
  appendMessage(sql: Sql, line: TranscriptLine): Promise<void>;
  /** The contact's names and ways to reach them with what the bots learned (null: not in our mirror). */
  withFacts(sql: Sql, locationId: string, contactId: string): Promise<ContactWithFacts | null>;
  audit(sql: Sql, entry: AuditEntry): Promise<void>;
  /** Whether a bot has held a conversation with this contact (a turn of theirs is stored). */
  isKnownLead(sql: Sql, locationId: string, contactId: string): Promise<boolean>;
}

export interface OutboxStore {
  /** Queues one CRM step; null when a step with the same idempotency key is queued already. */
  enqueue(sql: Sql, row: OutboxEnqueue): Promise<number | null>;
  /** Cancels the contact's pending messages to the lead (not its CRM writes); returns how many. */
  cancelQueuedMessages(sql: Sql, locationId: string, contactId: string, reason: string): Promise<number>;
  /** Drops the senders' shared read of the contact's CRM DND (the CRM said it changed). */
  forgetCrmDnd(sql: Sql, locationId: string, contactId: string): Promise<void>;
  /** Queues several CRM steps of one record, keyed `<keyPrefix>:<n>` so a retry never adds them twice. */
  enqueueSteps(
    sql: Sql,
    row: { locationId: string; contactId: string; keyPrefix: string; at: Date },
    steps: readonly OutboxAction[],
  ): Promise<void>;
}

/** Scheduling a contact's follow-up steps (the runner that carries them out: follow-up-store.ts). */
export interface FollowUpSchedule {
  /** Stores steps of a sequence; a step already stored for the same start is left as it is. */
  schedule(
    sql: Sql,
    locationId: string,
    contactId: string,
    sequenceStart: Date,
    steps: readonly PlannedFollowUp[],
  ): Promise<void>;
  /** Cancels every pending step of the contact; returns how many. */
  cancelPending(sql: Sql, locationId: string, contactId: string, reason: string): Promise<number>;
}
