import { audit, changeTags, mergeFields } from '../adapters/postgres/contacts-repo.ts';
import { enqueueSteps } from '../adapters/postgres/outbox-repo.ts';
import type { Sql } from '../ports.ts';
import { conversationSummary } from './conversation-summary.ts';
import { type EscalationDeps, newId } from './escalation-deps.ts';
import type { OutboxAction } from '../ports/outbox-action.ts';

export interface EscalationInput {
  locationId: string;
  contactId: string;
  /** human_request, distress:<kind>, misunderstood, evasive, commission, high_value, crm_failure … */
  reason: string;
  context: Record<string, unknown>;
}

/**
 * Hands a conversation to a person. The record is written first, in the caller's transaction, and
 * every CRM step (task, note, tag, field, agent SMS and email) goes through the outbox, so if the
 * CRM is down the steps wait and retry: the escalation is never lost. The bot stays quiet for the
 * contact until the escalation is resolved.
 */
export async function escalateToHumanReview(
  tx: Sql,
  deps: EscalationDeps,
  input: EscalationInput,
  now: Date,
): Promise<string> {
  const { locationId: loc, contactId: cid } = input;
  const open = await tx.query<{ id: string }>(
    `SELECT id FROM escalations WHERE location_id = $1 AND contact_id = $2 AND status = 'open' AND reason = $3 LIMIT 1`,
    [loc, cid, input.reason],
  );
  if (open.rows[0]) return open.rows[0].id;
  const id = newId('esc');
  await tx.query(
    `INSERT INTO escalations (id, location_id, contact_id, kind, reason, context, created_at, updated_at)
     VALUES ($1, $2, $3, 'human_review', $4, $5::jsonb, $6, $6)`,
    [id, loc, cid, input.reason, JSON.stringify(input.context), now],
  );
  await tx.query(
    `UPDATE conversations SET needs_human_review = true WHERE location_id = $1 AND contact_id = $2`,
    [loc, cid],
  );
  const summary = await conversationSummary(tx, loc, cid);
  const why = describeReason(input.reason);
  const steps: OutboxAction[] = [
    {
      kind: 'create_task',
      title: `Needs ${deps.agentName}: ${why}`,
      body: `Escalation ${id}.\n${summary}`,
      dueDate: new Date(now.getTime() + 2 * 3_600_000).toISOString(),
    },
    {
      kind: 'add_note',
      body: `Escalated to human review (${why}), escalation ${id}. The bot is paused for this contact until it is resolved.\n${summary}`,
    },
    { kind: 'add_tags', tags: [deps.tags.escalation] },
    { kind: 'set_fields', fields: { needs_human_review: 'yes' } },
  ];
  const alert = `Jorge Bots: a lead needs you (${why}). Open the contact in the CRM; escalation ${id}.`;
  if (deps.agentPhone)
    steps.push({
      kind: 'notify_staff',
      channel: 'SMS',
      to: deps.agentPhone,
      name: `${deps.agentName} (alerts)`,
      message: alert,
    });
  if (deps.agentEmail) {
    steps.push({
      kind: 'notify_staff',
      channel: 'Email',
      to: deps.agentEmail,
      name: `${deps.agentName} (alerts)`,
      subject: `Lead needs you: ${why}`,
      message: `${alert}\n\n${summary}`,
    });
  }
  await enqueueSteps(tx, { locationId: loc, contactId: cid, keyPrefix: `${id}`, at: now }, steps);
  await changeTags(tx, loc, cid, [deps.tags.escalation], []);
  await mergeFields(tx, loc, cid, { needs_human_review: 'yes' });
  await audit(tx, {
    locationId: loc,
    contactId: cid,
    actor: 'system',
    action: 'escalated_to_human',
    detail: { escalationId: id, reason: input.reason },
    at: now,
  });
  return id;
}

export function describeReason(reason: string): string {
  const [kind, detail] = reason.split(':');
  switch (kind) {
    case 'human_request':
      return 'asked for a person';
    case 'distress':
      return `legal or financial distress (${detail?.replace(/_/g, ' ')})`;
    case 'misunderstood':
      return 'the bot misunderstood three times in a row';
    case 'evasive':
      return 'evasive answers to the seller questions';
    case 'commission':
      return 'commission or co-broke question';
    case 'high_value':
      return 'high-value property';
    case 'crm_failure':
      return 'a CRM action kept failing';
    default:
      return reason;
  }
}

/** Closes an escalation; the bot resumes once no other escalation is open for the contact. */
export async function resolveEscalation(
  tx: Sql,
  deps: EscalationDeps,
  id: string,
  note: string | null,
  now: Date,
) {
  const { rows } = await tx.query<{ location_id: string; contact_id: string; status: string }>(
    `SELECT location_id, contact_id, status FROM escalations WHERE id = $1 FOR UPDATE`,
    [id],
  );
  const e = rows[0];
  if (!e) return { ok: false as const, reason: 'not_found' as const };
  if (e.status === 'resolved') return { ok: false as const, reason: 'already_resolved' as const };
  await tx.query(
    `UPDATE escalations SET status = 'resolved', resolved_at = $2, updated_at = $2, resolution_note = $3 WHERE id = $1`,
    [id, now, note],
  );
  const stillOpen = await tx.query(
    `SELECT 1 FROM escalations WHERE location_id = $1 AND contact_id = $2 AND status = 'open' LIMIT 1`,
    [e.location_id, e.contact_id],
  );
  if (stillOpen.rows.length === 0) {
    await tx.query(
      `UPDATE conversations SET needs_human_review = false WHERE location_id = $1 AND contact_id = $2`,
      [e.location_id, e.contact_id],
    );
    await changeTags(tx, e.location_id, e.contact_id, [], [deps.tags.escalation]);
    await mergeFields(tx, e.location_id, e.contact_id, { needs_human_review: 'no' });
    const steps: OutboxAction[] = [
      { kind: 'remove_tags', tags: [deps.tags.escalation] },
      { kind: 'set_fields', fields: { needs_human_review: 'no' } },
      ...(note ? [{ kind: 'add_note' as const, body: `Escalation ${id} resolved: ${note}` }] : []),
    ];
    await enqueueSteps(
      tx,
      { locationId: e.location_id, contactId: e.contact_id, keyPrefix: `${id}:resolve`, at: now },
      steps,
    );
  }
  await audit(tx, {
    locationId: e.location_id,
    contactId: e.contact_id,
    actor: 'api',
    action: 'escalation_resolved',
    detail: { escalationId: id, note },
    at: now,
  });
  return { ok: true as const, resumed: stillOpen.rows.length === 0 };
}
