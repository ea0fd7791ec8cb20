import type { Sql } from '../ports.ts';

// What the MCP tools read about leads (hot leads, a contact, its transcript and facts): read
// models no other part of the service needs. PostgreSQL/PGlite: adapters/postgres/mcp-read-model.ts.

export type BotName = 'lead' | 'buyer' | 'seller';

export interface HotLead {
  contactId: string;
  locationId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  bot: string;
  temperature: 'hot';
  leadScore: number | null;
  tags: string[];
  /** What the bots learned: intent, timeline, budget, address, areas… */
  facts: Record<string, unknown>;
  lastInboundAt: string | null;
  /** The bot is holding back: open escalation, compliance hold, or a pause. */
  botPaused: boolean;
  optedOut: boolean;
}

export interface ContactIdentity {
  contactId: string;
  locationId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  timezone: string | null;
}

export interface Transcript {
  contactId: string;
  locationId: string;
  bot: string;
  temperature: string | null;
  /** Messages in the whole conversation; `messages` holds the latest `limit` of them. */
  total: number;
  messages: { direction: string; channel: string; body: string; at: string }[];
}

export interface McpReadModel {
  /** Contacts whose conversation the bots rated hot, most recently active first. */
  listHotLeads(
    sql: Sql,
    filter: { limit: number; locationId?: string | undefined; bot?: BotName | undefined },
  ): Promise<HotLead[]>;
  /**
   * The contact's own details. Without a location, the most recently updated match wins (the same
   * rule as readContact), so both describe one contact.
   */
  findContact(sql: Sql, contactId: string, locationId?: string | undefined): Promise<ContactIdentity | null>;
  /** The latest `limit` messages of a contact's conversation, oldest first; null for an unknown contact. */
  readTranscript(
    sql: Sql,
    contactId: string,
    opts: { locationId?: string | undefined; limit: number },
  ): Promise<Transcript | null>;
  /** What the bots learned about a contact (address, beds, price…), for a CMA of their home. */
  conversationFacts(
    sql: Sql,
    contactId: string,
    locationId?: string | undefined,
  ): Promise<{ locationId: string; facts: Record<string, unknown> } | null>;
}
