// The Queues page: open escalations and compliance tickets, oldest first.
// PostgreSQL/PGlite: adapters/postgres/queue-read.ts.

export interface QueueItem {
  kind: 'escalation' | 'ticket';
  id: string;
  locationId: string;
  contactId: string;
  /** First and last name from our mirror of the CRM contact; null when we have none. */
  contactName: string | null;
  /** human_request, distress:… for escalations; "<violation type>: <rule>" for tickets. */
  reason: string;
  createdAt: Date;
  /** Escalations only: who said they are on it, and when. */
  pickedUpAt: Date | null;
  pickedUpBy: string | null;
  /** Escalations only: 0 first alert, 1 the agent was alerted again, 2 the backup was alerted. */
  alertStage: number;
}

export interface QueueRead {
  /** Open escalations and compliance tickets, oldest first, at most `limit` of each. */
  openItems(limit: number): Promise<QueueItem[]>;
}
