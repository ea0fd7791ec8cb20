import type { ContactStore, OutboxStore } from './contact-store.ts';
import type { ContactViewStore, DocumentStore } from './contact-view.ts';
import type { EscalationStore } from './escalation-store.ts';
import type { McpReadModel } from './mcp-read-model.ts';

/**
 * The stores the use cases write and read through. They hold no state of their own (each method
 * takes the transaction it runs in), so one bundle serves the whole process; the composition root
 * passes adapters/postgres/stores.ts.
 */
export interface Stores {
  contacts: ContactStore;
  outbox: OutboxStore;
  escalations: EscalationStore;
  contactView: ContactViewStore;
  documents: DocumentStore;
  mcp: McpReadModel;
}
