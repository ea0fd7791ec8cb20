import type { Sql } from '../../ports.ts';
import { conversationSummary } from './conversation-summary.ts';
import { type EscalationDeps, newId } from './escalation-deps.ts';
import type { OutboxAction } from '../../ports/outbox-action.ts';

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
  const { contacts, outbox, escalations } = deps.stores;
  const open = await escalations.findOpenHumanReview(tx, loc, cid, input.reason);
  if (open) return open;
  const id = newId('esc');
  await escalations.insertHumanReview(tx, {
    id,
    locationId: loc,
    contactId: cid,
    reason: input.reason,
    context: input.context,
    at: now,
  });
  const summary = conversationSummary(await escalations.conversationDigest(tx, loc, cid));
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
  await outbox.enqueueSteps(tx, { locationId: loc, contactId: cid, keyPrefix: `${id}`, at: now }, steps);
  await contacts.changeTags(tx, loc, cid, [deps.tags.escalation], []);
  await contacts.mergeFields(tx, loc, cid, { needs_human_review: 'yes' });
  await contacts.audit(tx, {
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
    case 'anger':
      return 'the lead is upset';
    case 'hostile':
      return 'a hostile message';
    case 'grief':
      return 'the lead mentioned a death';
    case 'harassment':
      return 'abusive language';
    case 'hostile_opt_out':
      return 'opted out angrily or with a threat';
    case 'bereaved_opt_out':
      return 'opted out: the texts reached someone who died';
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
  const { contacts, outbox, escalations } = deps.stores;
  const e = await escalations.lockEscalation(tx, id);
  if (!e) return { ok: false as const, reason: 'not_found' as const };
  if (e.status === 'resolved') return { ok: false as const, reason: 'already_resolved' as const };
  const { resumed } = await escalations.resolveHumanReview(tx, id, note, now);
  if (resumed) {
    await contacts.changeTags(tx, e.locationId, e.contactId, [], [deps.tags.escalation]);
    await contacts.mergeFields(tx, e.locationId, e.contactId, { needs_human_review: 'no' });
    const steps: OutboxAction[] = [
      { kind: 'remove_tags', tags: [deps.tags.escalation] },
      { kind: 'set_fields', fields: { needs_human_review: 'no' } },
      ...(note ? [{ kind: 'add_note' as const, body: `Escalation ${id} resolved: ${note}` }] : []),
    ];
    await outbox.enqueueSteps(
      tx,
      { locationId: e.locationId, contactId: e.contactId, keyPrefix: `${id}:resolve`, at: now },
      steps,
    );
  }
  await contacts.audit(tx, {
    locationId: e.locationId,
    contactId: e.contactId,
    actor: 'api',
    action: 'escalation_resolved',
    detail: { escalationId: id, note },
    at: now,
  });
  return { ok: true as const, resumed };
}
