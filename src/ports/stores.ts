import type { ContactStore, FollowUpSchedule, OutboxStore } from './contact-store.ts';
import type { ContactViewStore, DocumentStore } from './contact-view.ts';
import type { DeliveryReportStore } from './delivery-reports.ts';
import type { DashboardSessionStore } from './dashboard-session-store.ts';
import type { EscalationStore } from './escalation-store.ts';
import type { FinancingStore } from './financing-store.ts';
import type { InboxStore } from './inbox-store.ts';
import type { LocationSettingsStorage } from './location-settings-storage.ts';
import type { McpReadModel } from './mcp-read-model.ts';
import type { OperationsStore } from './operations.ts';

/**
 * The stores the use cases write and read through. They hold no state of their own (each method
 * takes the transaction it runs in), so one bundle serves the whole process; the composition root
 * passes adapters/postgres/stores.ts.
 */
export interface Stores {
  contacts: ContactStore;
  outbox: OutboxStore;
  escalations: EscalationStore;
  followUps: FollowUpSchedule;
  financing: FinancingStore;
  deliveries: DeliveryReportStore;
  inbox: InboxStore;
  contactView: ContactViewStore;
  documents: DocumentStore;
  mcp: McpReadModel;
  locationSettings: LocationSettingsStorage;
  operations: OperationsStore;
  dashboardSessions: DashboardSessionStore;
}
