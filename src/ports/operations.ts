import type { Sql } from '../ports.ts';

// What the readiness probe and the metrics scrape read about the database and the queues.
// PostgreSQL/PGlite: adapters/postgres/stores.ts.

/** What waits on the service or on people (the backlog gauges of /metrics). */
export interface BacklogStats {
  inboxOldestAgeSeconds: number;
  outboxOldestDueSeconds: number;
  followUpsOverdue: number;
  followUpOldestOverdueSeconds: number;
  escalationsOpen: number;
  escalationOldestOpenAgeSeconds: number;
}

export interface OperationsStore {
  /**
   * Whether the server makes this session read-only (a standby after failover,
   * default_transaction_read_only): it can read but not store a webhook.
   */
  readOnly(sql: Sql): Promise<boolean>;
  /** Migrations of this build not applied to the database yet (readiness). */
  pendingMigrations(sql: Sql): Promise<string[]>;
  outboxStats(sql: Sql, now: Date): Promise<{ depth: number; oldestAgeSeconds: number }>;
  pendingInboxCount(sql: Sql): Promise<number>;
  backlog(sql: Sql, now: Date): Promise<BacklogStats>;
}
