import type { Sql } from '../ports.ts';
import type { InboxEvent } from './inbox-event.ts';

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
