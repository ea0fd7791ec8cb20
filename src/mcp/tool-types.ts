import type { GenerateCmaResult } from '../app/follow-ups/generate-cma.ts';
import type { ContactSummary } from '../app/contacts/read-contact.ts';
import type { CmaSubject } from '../domain/cma/types.ts';
import type { EscalationView } from '../ports/escalation-store.ts';
import type { BotName, ContactIdentity, HotLead, Transcript } from '../ports/mcp-read-model.ts';

// What the MCP tools depend on and answer, apart from the tools themselves (tools.ts, cma-tool.ts),
// so the two tool files need not import each other's types.

/** What the tools read and do, bound to the database by createMcpDeps (deps.ts). */
export interface McpDeps {
  readContact(contactId: string, locationId?: string): Promise<ContactSummary | null>;
  findContact(contactId: string, locationId?: string): Promise<ContactIdentity | null>;
  listHotLeads(filter: {
    limit: number;
    locationId?: string | undefined;
    bot?: BotName | undefined;
  }): Promise<HotLead[]>;
  readTranscript(
    contactId: string,
    opts: { locationId?: string | undefined; limit: number },
  ): Promise<Transcript | null>;
  /** What the bots learned about the contact (state facts); null for an unknown contact. */
  conversationFacts(
    contactId: string,
    locationId?: string,
  ): Promise<{ locationId: string; facts: Record<string, unknown> } | null>;
  generateCma(subject: CmaSubject): Promise<GenerateCmaResult>;
  /** Keeps a generated file; `url` is where the service serves it (with the API token). */
  storeDocument(doc: {
    filename: string;
    contentType: string;
    bytes: Buffer;
  }): Promise<{ documentId: string; url: string | null }>;
  listEscalations(filter: {
    status?: 'open' | 'resolved';
    kind?: 'human_review' | 'compliance';
    contactId?: string;
    limit?: number;
  }): Promise<EscalationView[]>;
}

export interface ToolAttachment {
  uri: string;
  mimeType: string;
  /** File bytes, base64. */
  blob: string;
}

export type ToolOutcome =
  | { ok: true; data: unknown; attachments?: ToolAttachment[] }
  | { ok: false; message: string };
