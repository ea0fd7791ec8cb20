import type { Sql } from '../../ports.ts';
import type {
  ComplianceTicketView,
  ConversationDigest,
  EscalationStore,
  EscalationView,
  LockedCase,
} from '../../ports/escalation-store.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function lockCase(sql: Sql, table: 'escalations' | 'compliance_tickets', id: string) {
  const { rows } = await sql.query<{ location_id: string; contact_id: string; status: string }>(
    `SELECT location_id, contact_id, status FROM ${table} WHERE id = $1 FOR UPDATE`,
    [id],
  );
  const r = rows[0];
  return r
    ? ({ locationId: r.location_id, contactId: r.contact_id, status: r.status } satisfies LockedCase)
    : null;
}

async function listHumanReview(sql: Sql, status: string | null, contactId: string | null, limit: number) {
  const { rows } = await sql.query<{
    id: string;
    reason: string;
    status: 'open' | 'resolved';
    contact_id: string;
    location_id: string;
    created_at: Date;
    resolved_at: Date | null;
    resolution_note: string | null;
  }>(
    `SELECT id, reason, status, contact_id, location_id, created_at, resolved_at, resolution_note FROM escalations
      WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR contact_id = $2) ORDER BY created_at DESC LIMIT $3`,
    [status, contactId, limit],
  );
  return rows.map(
    (r): EscalationView => ({
      id: r.id,
      kind: 'human_review',
      reason: r.reason,
      status: r.status,
      contactId: r.contact_id,
      locationId: r.location_id,
      createdAt: iso(r.created_at)!,
      resolvedAt: iso(r.resolved_at),
      resolutionNote: r.resolution_note,
    }),
  );
}

async function listCompliance(sql: Sql, status: string | null, contactId: string | null, limit: number) {
  const { rows } = await sql.query<{
    id: string;
    violation_type: string;
    rule: string;
    status: 'open' | 'resolved';
    contact_id: string;
    location_id: string;
    created_at: Date;
    resolved_at: Date | null;
    resolution_note: string | null;
  }>(
    `SELECT id, violation_type, rule, status, contact_id, location_id, created_at, resolved_at, resolution_note FROM compliance_tickets
      WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR contact_id = $2) ORDER BY created_at DESC LIMIT $3`,
    [status, contactId, limit],
  );
  return rows.map(
    (r): EscalationView => ({
      id: r.id,
      kind: 'compliance',
      reason: `${r.violation_type}: ${r.rule}`,
      status: r.status,
      contactId: r.contact_id,
      locationId: r.location_id,
      createdAt: iso(r.created_at)!,
      resolvedAt: iso(r.resolved_at),
      resolutionNote: r.resolution_note,
    }),
  );
}

export const escalationsRepo: EscalationStore = {
  async findOpenHumanReview(sql, locationId, contactId, reason) {
    const { rows } = await sql.query<{ id: string }>(
      `SELECT id FROM escalations WHERE location_id = $1 AND contact_id = $2 AND status = 'open' AND reason = $3 LIMIT 1`,
      [locationId, contactId, reason],
    );
    return rows[0]?.id ?? null;
  },

  async insertHumanReview(sql, e) {
    await sql.query(
      `INSERT INTO escalations (id, location_id, contact_id, kind, reason, context, created_at, updated_at)
       VALUES ($1, $2, $3, 'human_review', $4, $5::jsonb, $6, $6)`,
      [e.id, e.locationId, e.contactId, e.reason, JSON.stringify(e.context), e.at],
    );
    await sql.query(
      `UPDATE conversations SET needs_human_review = true WHERE location_id = $1 AND contact_id = $2`,
      [e.locationId, e.contactId],
    );
  },

  lockEscalation: (sql, id) => lockCase(sql, 'escalations', id),

  async resolveHumanReview(sql, id, note, at) {
    const { rows } = await sql.query<{ location_id: string; contact_id: string }>(
      `UPDATE escalations SET status = 'resolved', resolved_at = $2, updated_at = $2, resolution_note = $3
        WHERE id = $1 RETURNING location_id, contact_id`,
      [id, at, note],
    );
    const e = rows[0];
    if (!e) return { resumed: false };
    const stillOpen = await sql.query(
      `SELECT 1 FROM escalations WHERE location_id = $1 AND contact_id = $2 AND status = 'open' LIMIT 1`,
      [e.location_id, e.contact_id],
    );
    if (stillOpen.rows.length > 0) return { resumed: false };
    await sql.query(
      `UPDATE conversations SET needs_human_review = false WHERE location_id = $1 AND contact_id = $2`,
      [e.location_id, e.contact_id],
    );
    return { resumed: true };
  },

  async insertComplianceTicket(sql, t) {
    await sql.query(
      `INSERT INTO compliance_tickets (id, location_id, contact_id, violation_type, rule, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [t.id, t.locationId, t.contactId, t.violationType, t.rule, t.at],
    );
    await sql.query(
      `INSERT INTO compliance_evidence (ticket_id, at, kind, evidence) VALUES ($1, $2, 'violation', $3::jsonb)`,
      [t.id, t.at, JSON.stringify(t.evidence)],
    );
    await sql.query(
      `UPDATE conversations SET compliance_hold = true WHERE location_id = $1 AND contact_id = $2`,
      [t.locationId, t.contactId],
    );
  },

  lockComplianceTicket: (sql, id) => lockCase(sql, 'compliance_tickets', id),

  async resolveComplianceTicket(sql, id, note, at) {
    const { rows } = await sql.query<{ location_id: string; contact_id: string }>(
      `UPDATE compliance_tickets SET status = 'resolved', resolved_at = $2, resolution_note = $3
        WHERE id = $1 RETURNING location_id, contact_id`,
      [id, at, note],
    );
    const t = rows[0];
    if (!t) return { resumed: false };
    await sql.query(
      `INSERT INTO compliance_evidence (ticket_id, at, kind, evidence) VALUES ($1, $2, 'resolution', $3::jsonb)`,
      [id, at, JSON.stringify({ note })],
    );
    const open = await sql.query(
      `SELECT 1 FROM compliance_tickets WHERE location_id = $1 AND contact_id = $2 AND status = 'open' LIMIT 1`,
      [t.location_id, t.contact_id],
    );
    if (open.rows.length > 0) return { resumed: false };
    await sql.query(
      `UPDATE conversations SET compliance_hold = false WHERE location_id = $1 AND contact_id = $2`,
      [t.location_id, t.contact_id],
    );
    return { resumed: true };
  },

  async conversationDigest(sql, locationId, contactId): Promise<ConversationDigest> {
    const { rows: recent } = await sql.query<{ direction: string; body: string }>(
      `SELECT direction, body FROM (SELECT id, direction, body FROM messages WHERE location_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT 6) m ORDER BY id`,
      [locationId, contactId],
    );
    const { rows: conv } = await sql.query<{
      bot: string;
      state: { facts?: Record<string, unknown>; temperature?: string } | null;
    }>(`SELECT bot, state FROM conversations WHERE location_id = $1 AND contact_id = $2`, [
      locationId,
      contactId,
    ]);
    const c = conv[0];
    return {
      bot: c?.bot ?? null,
      temperature: c?.state?.temperature ?? null,
      facts: c?.state?.facts ?? {},
      recent,
    };
  },

  async list(sql, filter) {
    const limit = filter.limit ?? 100;
    const status = filter.status ?? null;
    const contactId = filter.contactId ?? null;
    const out = [
      ...(filter.kind !== 'compliance' ? await listHumanReview(sql, status, contactId, limit) : []),
      ...(filter.kind !== 'human_review' ? await listCompliance(sql, status, contactId, limit) : []),
    ];
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
  },

  async listComplianceTickets(sql, filter) {
    const { rows } = await sql.query<{
      id: string;
      location_id: string;
      contact_id: string;
      violation_type: string;
      rule: string;
      status: string;
      created_at: Date;
      resolved_at: Date | null;
      resolution_note: string | null;
    }>(
      `SELECT * FROM compliance_tickets WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR violation_type = $2)
        ORDER BY created_at DESC LIMIT $3`,
      [filter.status ?? null, filter.type ?? null, filter.limit ?? 100],
    );
    const ids = rows.map((r) => r.id);
    const ev = ids.length
      ? await sql.query<{ ticket_id: string; at: Date; kind: string; evidence: Record<string, unknown> }>(
          `SELECT ticket_id, at, kind, evidence FROM compliance_evidence WHERE ticket_id = ANY($1::text[]) ORDER BY id`,
          [ids],
        )
      : { rows: [] };
    return rows.map(
      (r): ComplianceTicketView => ({
        id: r.id,
        locationId: r.location_id,
        contactId: r.contact_id,
        violationType: r.violation_type,
        rule: r.rule,
        status: r.status,
        createdAt: iso(r.created_at),
        resolvedAt: iso(r.resolved_at),
        resolutionNote: r.resolution_note,
        evidence: ev.rows
          .filter((e) => e.ticket_id === r.id)
          .map((e) => ({ at: iso(e.at), kind: e.kind, ...e.evidence })),
      }),
    );
  },
};
