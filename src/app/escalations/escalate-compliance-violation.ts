import type { Sql } from '../../ports.ts';
import type { Stores } from '../../ports/stores.ts';
import { type EscalationDeps, newId } from './escalation-deps.ts';
import type { OutboxAction } from '../../ports/outbox-action.ts';

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
  const { contacts, outbox, escalations } = deps.stores;
  await escalations.insertComplianceTicket(tx, {
    id,
    locationId: loc,
    contactId: cid,
    violationType: input.violationType,
    rule: input.evidence.rule,
    evidence: input.evidence,
    at: now,
  });
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
  await outbox.enqueueSteps(tx, { locationId: loc, contactId: cid, keyPrefix: `${id}`, at: now }, steps);
  await contacts.changeTags(tx, loc, cid, [deps.tags.complianceAlert], []);
  await contacts.audit(tx, {
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
export async function resolveComplianceTicket(
  tx: Sql,
  stores: Pick<Stores, 'contacts' | 'escalations'>,
  id: string,
  note: string | null,
  now: Date,
) {
  const t = await stores.escalations.lockComplianceTicket(tx, id);
  if (!t) return { ok: false as const, reason: 'not_found' as const };
  if (t.status === 'resolved') return { ok: false as const, reason: 'already_resolved' as const };
  const { resumed } = await stores.escalations.resolveComplianceTicket(tx, id, note, now);
  await stores.contacts.audit(tx, {
    locationId: t.locationId,
    contactId: t.contactId,
    actor: 'api',
    action: 'compliance_ticket_resolved',
    detail: { ticketId: id, note },
    at: now,
  });
  return { ok: true as const, resumed };
}
