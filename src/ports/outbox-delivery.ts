import type { Channel, Db, Sql } from '../ports.ts';
import type { OutboxAction } from './outbox-action.ts';

/** One queued CRM step as the outbox drainer claims it (migrations: the outbox table). */
export interface OutboxRow {
  id: number;
  location_id: string;
  contact_id: string;
  inbox_id: number | null;
  kind: string;
  payload: OutboxAction;
  idempotency_key: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  first_attempt_at: Date | null;
  created_at: Date;
  result: Record<string, unknown> | null;
  last_error: string | null;
}

/** Record writes the drainer may merge with a contact's later ones (only the latest values matter). */
export const COALESCED_KINDS = ['set_fields', 'remove_tags', 'add_tags'] as const;

export const isCoalescedKind = (kind: string): boolean =>
  (COALESCED_KINDS as readonly string[]).includes(kind);

/** Outbox kinds that put a message in front of the lead (staff alerts and CRM updates do not). */
export const MESSAGE_KINDS = ['send_message', 'send_cma_email'] as const;

export const isMessageKind = (kind: string): boolean => (MESSAGE_KINDS as readonly string[]).includes(kind);

/** What the sender needs to know about where the lead is (their clock and their state's law). */
export interface LeadWhereaboutsRow {
  phone: string | null;
  timezone: string | null;
  state: string | null;
  postal_code: string | null;
  tags: string[];
}

/** What a sender must know right before a message goes to the lead (see `sendConsentFacts`). */
export interface SendConsentFacts {
  optedOut: boolean;
  unreadTexts: string[];
  contact: LeadWhereaboutsRow | null;
  lastInboundAt: Date | null;
  initiatedSentAt: Date[];
}

/** What a claim of due outbox rows takes. */
export interface OutboxClaimOptions {
  now: Date;
  leaseMs: number;
  limit: number;
  contact?: { locationId: string; contactId: string };
  /** Tag and field writes become due this long after they were queued (0: at once). */
  coalesceMs?: number;
}

/**
 * The outbox as its drainer works it: claim due rows under a lease, then record what became of
 * each (sent, retried later, failed for good, cancelled, or given back untouched). Each method
 * runs in the transaction or pool it is given.
 */
export interface OutboxDeliveryStore {
  /**
   * Claims up to `limit` due rows, the oldest open row of each contact and lane only (each lane
   * of a contact goes out in order), optionally of one contact; a row whose lease ran out is
   * claimed again. It commits durably before returning.
   */
  claim(db: Db, opts: OutboxClaimOptions): Promise<OutboxRow[]>;
  /**
   * Claims the contact's queued tag and field writes after `row`, due or not, to be carried out
   * merged with it.
   */
  claimLaterRecordWrites(
    sql: Sql,
    row: OutboxRow,
    opts: { now: Date; leaseMs: number },
  ): Promise<OutboxRow[]>;
  /**
   * Records rows' results (several rows finished together, each with its own result), inside the
   * caller's transaction, which then commits without waiting for the disk: lost in a database
   * crash, a row's lease runs out and the re-send check finds the message at the CRM. The claim,
   * which precedes the call, commits durably. Answers each row's receipt time, by row id.
   */
  markEachSent(tx: Sql, entries: SentEntry[]): Promise<Map<number, SentRow>>;
  /** Gives several claimed rows back untouched, due at `at` (their attempts are not counted). */
  releaseMany(sql: Sql, ids: number[], at: Date): Promise<void>;
  markRetry(sql: Sql, id: number, error: string, nextAttemptAt: Date): Promise<void>;
  markFailed(sql: Sql, id: number, error: string): Promise<void>;
  /** Cancels one claimed row (the sender found it must not go out). */
  markCancelled(sql: Sql, id: number, reason: string): Promise<void>;
  /** Gives a claimed row back untouched, to be claimed again after `at` (its attempt is not counted). */
  release(sql: Sql, id: number, at: Date): Promise<void>;
  /**
   * Whether the contact has opted out, the texts of their inbound messages stored but not yet
   * processed, where the lead is, when they last wrote, and when the messages we started (no inbox
   * row) since `since` went out.
   */
  sendConsentFacts(sql: Sql, locationId: string, contactId: string, since: Date): Promise<SendConsentFacts>;
  /** How many of the contact's rows are pending or being sent. */
  openForContact(sql: Sql, locationId: string, contactId: string): Promise<number>;
  /** Whether one of the contact's rows is being sent right now (by this worker or another). */
  sendingForContact(sql: Sql, locationId: string, contactId: string): Promise<boolean>;
  /** The contact's do-not-disturb per channel as last read from the CRM (by any replica), and when. */
  readCrmDnd(
    sql: Sql,
    locationId: string,
    contactId: string,
  ): Promise<{ blocked: Record<Channel, boolean>; at: Date } | null>;
  /** Keeps a fresh read of the contact's do-not-disturb for the other senders (no wait for the disk). */
  saveCrmDnd(
    db: Db,
    locationId: string,
    contactId: string,
    blocked: Record<Channel, boolean>,
    at: Date,
  ): Promise<void>;
}

/** What marking a row sent reads back: when the inbox event it answers was received (end-to-end latency). */
/** One row's result, to be recorded with others (`markEachSent`). */
export interface SentEntry {
  id: number;
  result: Record<string, unknown>;
  at: Date;
}

export interface SentRow {
  inboxReceivedAt: Date | null;
}
