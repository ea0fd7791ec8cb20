import type { Sql } from '../ports.ts';

export interface EscalationView {
  id: string;
  kind: 'human_review' | 'compliance';
  reason: string;
  status: 'open' | 'resolved';
  contactId: string;
  locationId: string;
  createdAt: string;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Human-review escalations and compliance tickets, newest first, optionally filtered. */
export async function listEscalations(
  sql: Sql,
  filter: {
    status?: 'open' | 'resolved';
    kind?: 'human_review' | 'compliance';
    contactId?: string;
    limit?: number;
  },
): Promise<EscalationView[]> {
  const out: EscalationView[] = [];
  const limit = filter.limit ?? 100;
  if (filter.kind !== 'compliance') {
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
      [filter.status ?? null, filter.contactId ?? null, limit],
    );
    for (const r of rows) {
      out.push({
        id: r.id,
        kind: 'human_review',
        reason: r.reason,
        status: r.status,
        contactId: r.contact_id,
        locationId: r.location_id,
        createdAt: iso(r.created_at)!,
        resolvedAt: iso(r.resolved_at),
        resolutionNote: r.resolution_note,
      });
    }
  }
  if (filter.kind !== 'human_review') {
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
      [filter.status ?? null, filter.contactId ?? null, limit],
    );
    for (const r of rows) {
      out.push({
        id: r.id,
        kind: 'compliance',
        reason: `${r.violation_type}: ${r.rule}`,
        status: r.status,
        contactId: r.contact_id,
        locationId: r.location_id,
        createdAt: iso(r.created_at)!,
        resolvedAt: iso(r.resolved_at),
        resolutionNote: r.resolution_note,
      });
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
}

export async function listComplianceTickets(
  sql: Sql,
  filter: { status?: 'open' | 'resolved'; type?: string; limit?: number },
) {
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
  return rows.map((r) => ({
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
  }));
}
