import { audit, changeTags } from '../adapters/postgres/contacts-repo.ts';
import { enqueueSteps } from '../adapters/postgres/outbox-repo.ts';
import type { Sql } from '../ports.ts';
import { type EscalationDeps, newId } from './escalation-deps.ts';
import type { OutboxAction } from '../ports/outbox-action.ts';

export const VIOLATION_TYPES = ['fair_housing', 'respa', 'tcpa', 'privacy', 'harassment', 'other'] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];

export interface ComplianceEvidence {
  /** The rule that fired, e.g. "fair_housing_request", "outbound_blocked:steering". */
  rule: string;
  messageIds: string[];
  /** The lead's message that triggered it (kept in the database, never in logs). */
  text?: string;
  /** Whether the bot's own reply went out, or was withheld and replaced by a safe one. */
  reply: 'sent' | 'withheld';
  replyText?: string;
}

/**
 * Opens a compliance ticket: an append-only evidence record first (the API can neither edit nor
 * delete it), then the CRM flag, a note and the compliance officer's alerts through the outbox.
 * The bot answers once with a safe reply and then pauses for the contact until a person resolves it.
 */
export async function escalateComplianceViolation(
  tx: Sql,
  deps: EscalationDeps,
  input: {
    locationId: string;
    contactId: string;
    violationType: ViolationType;
    evidence: ComplianceEvidence;
  },
  now: Date,
): Promise<string> {
  const { locationId: loc, contactId: cid } = input;
  const id = newId('cmp');
  await tx.query(
    `INSERT INTO compliance_tickets (id, location_id, contact_id, violation_type, rule, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, loc, cid, input.violationType, input.evidence.rule, now],
  );
  await tx.query(
    `INSERT INTO compliance_evidence (ticket_id, at, kind, evidence) VALUES ($1, $2, 'violation', $3::jsonb)`,
    [id, now, JSON.stringify(input.evidence)],
  );
  await tx.query(
    `UPDATE conversations SET compliance_hold = true WHERE location_id = $1 AND contact_id = $2`,
    [loc, cid],
  );
  const label = input.violationType.replace('_', ' ');
  const steps: OutboxAction[] = [
    { kind: 'add_tags', tags: [deps.tags.complianceAlert] },
    {
      kind: 'add_note',
      body: `Compliance alert (${label}): rule ${input.evidence.rule}; the bot's reply was ${input.evidence.reply}. Ticket ${id}. The bot is paused for this contact until the ticket is resolved.`,
    },
  ];
  const alert = `Jorge Bots compliance alert (${label}), ticket ${id}. Review the contact in the CRM.`;
  if (deps.officerPhone)
    steps.push({
      kind: 'notify_staff',
      channel: 'SMS',
      to: deps.officerPhone,
      name: 'Compliance officer (alerts)',
      message: alert,
    });
  if (deps.officerEmail) {
    steps.push({
      kind: 'notify_staff',
      channel: 'Email',
      to: deps.officerEmail,
      name: 'Compliance officer (alerts)',
      subject: `Compliance alert: ${label}`,
      message: alert,
    });
  }
  await enqueueSteps(tx, { locationId: loc, contactId: cid, keyPrefix: `${id}`, at: now }, steps);
  await changeTags(tx, loc, cid, [deps.tags.complianceAlert], []);
  await audit(tx, {
    locationId: loc,
    contactId: cid,
    actor: 'system',
    action: 'compliance_ticket_opened',
    detail: { ticketId: id, violationType: input.violationType, rule: input.evidence.rule },
    at: now,
  });
  return id;
}

/** Resolution is itself appended to the evidence; the bot resumes when no ticket is left open. */
export async function resolveComplianceTicket(tx: Sql, id: string, note: string | null, now: Date) {
  const { rows } = await tx.query<{ location_id: string; contact_id: string; status: string }>(
    `SELECT location_id, contact_id, status FROM compliance_tickets WHERE id = $1 FOR UPDATE`,
    [id],
  );
  const t = rows[0];
  if (!t) return { ok: false as const, reason: 'not_found' as const };
  if (t.status === 'resolved') return { ok: false as const, reason: 'already_resolved' as const };
  await tx.query(
    `UPDATE compliance_tickets SET status = 'resolved', resolved_at = $2, resolution_note = $3 WHERE id = $1`,
    [id, now, note],
  );
  await tx.query(
    `INSERT INTO compliance_evidence (ticket_id, at, kind, evidence) VALUES ($1, $2, 'resolution', $3::jsonb)`,
    [id, now, JSON.stringify({ note })],
  );
  const open = await tx.query(
    `SELECT 1 FROM compliance_tickets WHERE location_id = $1 AND contact_id = $2 AND status = 'open' LIMIT 1`,
    [t.location_id, t.contact_id],
  );
  if (open.rows.length === 0) {
    await tx.query(
      `UPDATE conversations SET compliance_hold = false WHERE location_id = $1 AND contact_id = $2`,
      [t.location_id, t.contact_id],
    );
  }
  await audit(tx, {
    locationId: t.location_id,
    contactId: t.contact_id,
    actor: 'api',
    action: 'compliance_ticket_resolved',
    detail: { ticketId: id, note },
    at: now,
  });
  return { ok: true as const, resumed: open.rows.length === 0 };
}
