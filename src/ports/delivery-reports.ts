import type { Sql } from '../ports.ts';

// What GHL reports became of outbound messages (OutboundMessage events), and the GHL ids of the
// messages we sent. Every method runs in the transaction it is given.
// PostgreSQL/PGlite: adapters/postgres/deliveries-repo.ts.

/** What GHL said became of one outbound message (migrations/010_message_deliveries.sql). */
export interface OutboundReport {
  locationId: string;
  contactId: string;
  messageId?: string;
  status?: string;
  error?: DeliveryError;
  source?: string;
  userId?: string;
  channel?: string;
  /** When the message went out (the event's dateAdded, never later than `at`). */
  sentAt: Date;
  at: Date;
}

export interface DeliveryError {
  code?: string;
  message?: string;
}

export interface DeliveryReportStore {
  /**
   * Holds a message's delivery report and the storing of its send's result apart (until the
   * transaction ends), so whichever comes second sees the first.
   */
  lockMessage(sql: Sql, locationId: string, messageId: string): Promise<void>;
  /** Records one report; returns the message's status after it. */
  record(sql: Sql, report: OutboundReport): Promise<string | null>;
  /**
   * Stores GHL's id of the message outbox row `outboxId` sent on its transcript line, and returns
   * the report already recorded for that message, if any (its latest status). One statement.
   */
  linkSentMessage(
    sql: Sql,
    locationId: string,
    outboxId: number,
    messageId: string,
  ): Promise<{ status: string | null; error: DeliveryError | null } | null>;
  /** Whether we sent this GHL message (its id is on one of our outbox results). */
  isOurs(sql: Sql, locationId: string, messageId: string): Promise<boolean>;
  /** Whether a message to the contact was handed to GHL and its answer is not stored yet. */
  sendInFlight(sql: Sql, locationId: string, contactId: string): Promise<boolean>;
  /**
   * Marks failed the sent follow-up step whose message GHL reported failed or undelivered;
   * returns the steps changed.
   */
  failFollowUpOf(
    sql: Sql,
    locationId: string,
    messageId: string,
    reason: string,
  ): Promise<{ id: number; step: string }[]>;
}
