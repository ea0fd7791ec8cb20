import type { Sql } from '../../ports.ts';
import type {
  BotName,
  ContactIdentity,
  HotLead,
  McpReadModel,
  Transcript,
} from '../../ports/mcp-read-model.ts';

// The MCP tools' read model (ports/mcp-read-model.ts) on PostgreSQL and PGlite.

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Contacts whose conversation the bots rated hot, most recently active first. */
async function listHotLeads(
  sql: Sql,
  filter: { limit: number; locationId?: string | undefined; bot?: BotName | undefined },
): Promise<HotLead[]> {
  const { rows } = await sql.query<{
    location_id: string;
    id: string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    phone: string | null;
    tags: string[];
    opted_out: boolean;
    paused: boolean;
    bot: string;
    lead_score: unknown;
    facts: Record<string, unknown> | null;
    last_inbound_at: Date | null;
    needs_human_review: boolean;
    compliance_hold: boolean;
  }>(
    `SELECT c.location_id, c.id, c.first_name, c.last_name, c.email, c.phone, c.tags, c.opted_out, c.paused,
            v.bot, v.state -> 'leadScore' AS lead_score, v.state -> 'facts' AS facts, v.last_inbound_at,
            v.needs_human_review, v.compliance_hold
       FROM conversations v JOIN contacts c ON c.location_id = v.location_id AND c.id = v.contact_id
      WHERE v.state ->> 'temperature' = 'hot'
        AND ($1::text IS NULL OR v.location_id = $1)
        AND ($2::text IS NULL OR v.bot = $2)
      ORDER BY COALESCE(v.last_inbound_at, v.updated_at) DESC, c.id
      LIMIT $3`,
    [filter.locationId ?? null, filter.bot ?? null, filter.limit],
  );
  return rows.map((r) => ({
    contactId: r.id,
    locationId: r.location_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    bot: r.bot,
    temperature: 'hot',
    leadScore: typeof r.lead_score === 'number' ? r.lead_score : null,
    tags: r.tags,
    facts: r.facts && typeof r.facts === 'object' ? r.facts : {},
    lastInboundAt: iso(r.last_inbound_at),
    botPaused: r.paused || r.needs_human_review || r.compliance_hold,
    optedOut: r.opted_out,
  }));
}

/**
 * The contact's own details. Without a location, the most recently updated match wins (the same
 * rule as readContact), so both describe one contact.
 */
async function findContact(
  sql: Sql,
  contactId: string,
  locationId?: string | undefined,
): Promise<ContactIdentity | null> {
  const { rows } = await sql.query<{
    location_id: string;
    id: string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    phone: string | null;
    timezone: string | null;
  }>(
    `SELECT location_id, id, first_name, last_name, email, phone, timezone FROM contacts
      WHERE id = $1 AND ($2::text IS NULL OR location_id = $2) ORDER BY updated_at DESC LIMIT 1`,
    [contactId, locationId ?? null],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    contactId: r.id,
    locationId: r.location_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    timezone: r.timezone,
  };
}

/** The latest `limit` messages of a contact's conversation, oldest first; null for an unknown contact. */
async function readTranscript(
  sql: Sql,
  contactId: string,
  opts: { locationId?: string | undefined; limit: number },
): Promise<Transcript | null> {
  const contact = await findContact(sql, contactId, opts.locationId);
  if (!contact) return null;
  const loc = contact.locationId;
  const conv = await sql.query<{ bot: string; temperature: string | null }>(
    `SELECT bot, state ->> 'temperature' AS temperature FROM conversations WHERE location_id = $1 AND contact_id = $2`,
    [loc, contactId],
  );
  const count = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages WHERE location_id = $1 AND contact_id = $2`,
    [loc, contactId],
  );
  const msgs = await sql.query<{ direction: string; channel: string; body: string; created_at: Date }>(
    `SELECT direction, channel, body, created_at FROM (
       SELECT id, direction, channel, body, created_at FROM messages
        WHERE location_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT $3) latest
      ORDER BY id`,
    [loc, contactId, opts.limit],
  );
  return {
    contactId,
    locationId: loc,
    bot: conv.rows[0]?.bot ?? 'lead',
    temperature: conv.rows[0]?.temperature ?? null,
    total: count.rows[0]?.n ?? 0,
    messages: msgs.rows.map((m) => ({
      direction: m.direction,
      channel: m.channel,
      body: m.body,
      at: new Date(m.created_at).toISOString(),
    })),
  };
}

/** What the bots learned about a contact (address, beds, price…), for a CMA of their home. */
async function conversationFacts(
  sql: Sql,
  contactId: string,
  locationId?: string | undefined,
): Promise<{ locationId: string; facts: Record<string, unknown> } | null> {
  const contact = await findContact(sql, contactId, locationId);
  if (!contact) return null;
  const { rows } = await sql.query<{ facts: Record<string, unknown> | null }>(
    `SELECT state -> 'facts' AS facts FROM conversations WHERE location_id = $1 AND contact_id = $2`,
    [contact.locationId, contactId],
  );
  const facts = rows[0]?.facts;
  return { locationId: contact.locationId, facts: facts && typeof facts === 'object' ? facts : {} };
}

export const mcpReadModel: McpReadModel = { listHotLeads, findContact, readTranscript, conversationFacts };
