// The Simulator page: one sandbox conversation and what the sandbox CRM recorded for it.
// PostgreSQL/PGlite: adapters/postgres/simulator-read.ts.

export interface SimulatorMessage {
  direction: 'inbound' | 'outbound';
  channel: string;
  body: string;
  at: Date;
}

export interface SimulatorConversation {
  bot: string | null;
  temperature: string | null;
  tags: string[];
  optedOut: boolean;
  messages: SimulatorMessage[];
}

/** One call the sandbox CRM recorded instead of calling GHL. */
export interface CrmRecord {
  id: number;
  contactId: string;
  kind: string;
  payload: Record<string, unknown>;
  at: Date;
}

export interface SimulatorRead {
  conversation(locationId: string, contactId: string): Promise<SimulatorConversation | null>;
  /** The contact's records (and staff alerts about it) with an id above `afterId`, oldest first. */
  crmRecords(locationId: string, contactId: string, afterId: number, limit: number): Promise<CrmRecord[]>;
  /** The highest record id so far, to show only what the next action adds. */
  lastCrmRecordId(locationId: string): Promise<number>;
}
