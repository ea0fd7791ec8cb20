import type { Stores } from '../../ports/stores.ts';
import { backlogStats } from './backlog-stats.ts';
import { contactViewRepo, documentsRepo } from './contact-view-repo.ts';
import { dashboardSessionsRepo } from './dashboard-sessions-repo.ts';
import {
  appendMessage,
  audit,
  changeTags,
  contactWithFacts,
  getContact,
  mergeFields,
  setOptedOut,
  setPaused,
  touchContact,
  upsertContact,
} from './contacts-repo.ts';
import { deliveryReportsRepo } from './deliveries-repo.ts';
import { escalationsRepo } from './escalations-repo.ts';
import { financingRepo } from './financing-repo.ts';
import { cancelPendingFollowUps, insertFollowUps } from './follow-ups-repo.ts';
import { locationSettingsRepo } from './location-settings-repo.ts';
import { mcpReadModel } from './mcp-read-model.ts';
import { InboxRowRejected, inboxHasMessage, pendingInboxCount } from './inbox-repo.ts';
import { pendingMigrations } from './migrate.ts';
import {
  cancelQueuedMessages,
  enqueueOutbox,
  enqueueSteps,
  forgetCrmDnd,
  outboxStats,
} from './outbox-repo.ts';

/** The stores on PostgreSQL and PGlite (the same SQL runs on both). */
export const postgresStores: Stores = {
  contacts: {
    upsert: upsertContact,
    get: getContact,
    changeTags,
    mergeFields,
    setOptedOut,
    setPaused,
    touch: touchContact,
    appendMessage,
    withFacts: contactWithFacts,
    audit,
    async isKnownLead(sql, locationId, contactId) {
      const { rows } = await sql.query(
        `SELECT 1 FROM conversations WHERE location_id = $1 AND contact_id = $2 AND version > 0 LIMIT 1`,
        [locationId, contactId],
      );
      return rows.length > 0;
    },
  },
  outbox: { enqueue: enqueueOutbox, enqueueSteps, cancelQueuedMessages, forgetCrmDnd },
  escalations: escalationsRepo,
  followUps: { schedule: insertFollowUps, cancelPending: cancelPendingFollowUps },
  financing: financingRepo,
  deliveries: deliveryReportsRepo,
  inbox: {
    hasMessage: inboxHasMessage,
    rejectedEvent: (err) =>
      err instanceof InboxRowRejected ? { sqlstate: err.sqlstate, message: err.message } : null,
  },
  contactView: contactViewRepo,
  documents: documentsRepo,
  mcp: mcpReadModel,
  locationSettings: locationSettingsRepo,
  operations: {
    async readOnly(sql) {
      const { rows } = await sql.query<{ read_only: string }>(
        `SELECT current_setting('transaction_read_only') AS read_only`,
      );
      return rows[0]?.read_only === 'on';
    },
    pendingMigrations: (sql) => pendingMigrations(sql),
    outboxStats,
    pendingInboxCount,
    backlog: backlogStats,
  },
  dashboardSessions: dashboardSessionsRepo,
};
