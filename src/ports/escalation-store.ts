import type { Sql } from '../ports.ts';

// Escalations to a person and compliance tickets, as the use cases and the API read and write them.
// Every method takes the transaction it runs in. PostgreSQL/PGlite: adapters/postgres/escalations-repo.ts.

export interface EscalationView {
  id: string;
  kind: 'human_review' | 'compliance';
  reason: string;
  status: 'open' | 'resolved';
  contactId: string;
  locationId: string;
  createdAt: string;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

export interface ComplianceTicketView {
  id: string;
  locationId: string;
  contactId: string;
  violationType: string;
  rule: string;
  status: string;
  createdAt: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  /** The append-only record: the violation first, then any resolution. */
  evidence: Record<string, unknown>[];
}

/** What an escalation's note and task tell the agent about the conversation. */
export interface ConversationDigest {
  bot: string | null;
  temperature: string | null;
  facts: Record<string, unknown>;
  /** The last six messages, oldest first. */
  recent: { direction: string; body: string }[];
}

/** An escalation or ticket with the contact it belongs to, locked for the rest of the transaction. */
export interface LockedCase {
  locationId: string;
  contactId: string;
  status: string;
}

export interface EscalationStore {
  /** The open human-review escalation of the contact for this reason, if any. */
  findOpenHumanReview(
    sql: Sql,
    locationId: string,
    contactId: string,
    reason: string,
  ): Promise<string | null>;
  /** Stores the escalation and marks the conversation as needing a person. */
  insertHumanReview(
    sql: Sql,
    e: { id: string; locationId: string; contactId: string; reason: string; context: unknown; at: Date },
  ): Promise<void>;
  lockEscalation(sql: Sql, id: string): Promise<LockedCase | null>;
  /** Resolves it; when no other escalation of the contact is open, the conversation no longer needs a person. Returns that. */
  resolveHumanReview(sql: Sql, id: string, note: string | null, at: Date): Promise<{ resumed: boolean }>;
  /** Stores the ticket and its evidence and holds the conversation. */
  insertComplianceTicket(
    sql: Sql,
    t: {
      id: string;
      locationId: string;
      contactId: string;
      violationType: string;
      rule: string;
      evidence: unknown;
      at: Date;
    },
  ): Promise<void>;
  lockComplianceTicket(sql: Sql, id: string): Promise<LockedCase | null>;
  /** Resolves it (the note appended to the evidence); the hold lifts when no ticket of the contact is open. */
  resolveComplianceTicket(sql: Sql, id: string, note: string | null, at: Date): Promise<{ resumed: boolean }>;
  conversationDigest(sql: Sql, locationId: string, contactId: string): Promise<ConversationDigest>;
  /** Human-review escalations and compliance tickets, newest first. */
  list(
    sql: Sql,
    filter: {
      status?: 'open' | 'resolved';
      kind?: 'human_review' | 'compliance';
      contactId?: string;
      limit?: number;
    },
  ): Promise<EscalationView[]>;
  listComplianceTickets(
    sql: Sql,
    filter: { status?: 'open' | 'resolved'; type?: string; limit?: number },
  ): Promise<ComplianceTicketView[]>;
}
