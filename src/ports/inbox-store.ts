import type { Db, Sql } from '../ports.ts';
import type { InboxEvent, InboxPayload } from './inbox-event.ts';

// The inbox as the webhook and sandbox routes use it: accepted events are written (grouped into
// one multi-row insert per round) before the 200. PostgreSQL/PGlite: adapters/postgres/inbox-repo.ts.

export type WriteResult = { accepted: true; id: number } | { accepted: false; duplicate: true };

export interface InboxWriter {
  /** Every event must carry a webhookId or a messageId (the dedupe keys). */
  write(ev: InboxEvent): Promise<WriteResult>;
}

export interface InboxStore {
  /** Whether the location's inbox already holds an event with this message id. */
  hasMessage(sql: Sql, locationId: string, messageId: string): Promise<boolean>;
  /**
   * When `err` says the event itself cannot be stored (a value the database refuses), what to
   * tell the sender; retrying cannot help. Null for any other error.
   */
  rejectedEvent(err: unknown): { sqlstate: string; message: string } | null;
}

/** A stored inbox event as the turn worker reads it. */
export interface InboxRow {
  id: number;
  location_id: string;
  contact_id: string;
  kind: string;
  source: string;
  payload: InboxPayload;
  received_at: Date;
  attempts: number;
}

export interface PendingInboxRow extends InboxRow {
  /** An attempt began less than the claim lease ago: its worker is about to run it (or is). */
  in_flight: boolean;
}

/** What one claim round took: events whose attempt is now counted, and heads out of attempts. */
export type ClaimedEvent =
  | { kind: 'claimed'; row: InboxRow; attempt: number }
  /** The contact's oldest event has used every attempt: claim it alone, which parks it. */
  | { kind: 'exhausted'; locationId: string; contactId: string };

export interface ClaimRound {
  /** At most this many events, each the oldest pending event of a different contact. */
  limit: number;
  /** Oldest pending events looked at to find them. */
  scan: number;
  /** A claim younger than this still belongs to its worker. */
  leaseMs: number;
  /** Events with this many attempts are not claimed but reported 'exhausted'. */
  maxAttempts: number;
  /** Contacts (`locationId/contactId`) to leave alone: this process runs a turn of theirs. */
  skip: string[];
}

/**
 * The inbox as the turn worker uses it. A contact's events run one at a time, oldest first: an
 * event is claimed only while it is its contact's oldest pending one, nobody holds the contact's
 * lock and no other claim on it is live; the attempt number is the claim's token.
 */
export interface InboxQueue {
  /**
   * One statement: the oldest pending event of up to `limit` contacts, each claimed (attempt
   * counted) unless it has run out of attempts. Contacts whose lock is held, whose oldest event
   * is claimed by a live worker, or that are in `skip` are left out. Commits without waiting for
   * the disk (a claim lost in a database crash is an attempt counted again).
   */
  claimRound(db: Db, round: ClaimRound): Promise<ClaimedEvent[]>;
  /** Takes the contact's lock for the rest of the transaction; false if another worker holds it. */
  tryLockContact(tx: Sql, locationId: string, contactId: string): Promise<boolean>;
  /** Waits up to `timeoutMs` for the contact's lock; false when it did not come free in time. */
  lockContact(tx: Sql, locationId: string, contactId: string, timeoutMs: number): Promise<boolean>;
  /** The contact's oldest pending event (call with the contact's lock held). */
  nextPendingForContact(
    tx: Sql,
    locationId: string,
    contactId: string,
    claimLeaseMs: number,
  ): Promise<PendingInboxRow | null>;
  /** Counts an attempt in its own commit before the turn runs; returns the attempt number. */
  startAttempt(tx: Sql, id: number): Promise<number>;
  /** Keeps a claim's lease fresh while its turn waits on the network; false once it is gone. */
  renewClaim(sql: Sql, id: number, attempt: number): Promise<boolean>;
  /** The claimed event, if the claim still stands. */
  claimedEvent(tx: Sql, id: number, attempt: number): Promise<InboxRow | null>;
  /** Takes back an attempt whose turn never ran because the database went away. */
  giveBackAttempt(sql: Sql, id: number, attempt: number): Promise<void>;
  /**
   * Marks the event processed in the transaction that processed it, which then commits without
   * waiting for the disk: lost in a database crash, the event is simply processed again.
   */
  markDone(tx: Sql, id: number, now: Date): Promise<void>;
  /**
   * Parks a pending event for good as `status`, noting `reason`; false (nothing written) when it
   * was not pending.
   */
  park(sql: Sql, id: number, status: 'dead' | 'failed', reason: string): Promise<boolean>;
  /** Whether the event is still waiting to be processed. */
  isPending(sql: Sql, id: number): Promise<boolean>;
  /**
   * A claimed turn that threw or overran: note the error and free the event for its next
   * attempt, or after `maxAttempts` park it as `parkAs`; 'stale' when the claim no longer stands.
   */
  recordFailure(
    sql: Sql,
    id: number,
    attempt: number,
    error: string,
    maxAttempts: number,
    parkAs: 'dead' | 'failed',
  ): Promise<'retry' | 'dead' | 'failed' | 'stale'>;
}
