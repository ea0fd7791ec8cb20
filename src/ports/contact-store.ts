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
  audit(sql: Sql, entry: AuditEntry): Promise<void>;
  /** Whether a bot has held a conversation with this contact (a turn of theirs is stored). */
  isKnownLead(sql: Sql, locationId: string, contactId: string): Promise<boolean>;
}

export interface OutboxStore {
  /** Queues several CRM steps of one record, keyed `<keyPrefix>:<n>` so a retry never adds them twice. */
  enqueueSteps(
    sql: Sql,
    row: { locationId: string; contactId: string; keyPrefix: string; at: Date },
    steps: readonly OutboxAction[],
  ): Promise<void>;
}
