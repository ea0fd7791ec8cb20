import type { BotsConfig } from '../../domain/bots-config.ts';
import type { BotName, CrmAction } from '../../domain/conversation.ts';
import { followUpBlockedFor, planFollowUps } from '../../domain/follow-up/index.ts';
import { financingChanged } from '../../domain/buyer/financial-readiness.ts';
import { CHECK_IN_ONLY, NO_FOLLOW_UP } from '../../domain/policy/objections.ts';
import type { TurnDecision } from '../../domain/turn.ts';
import type { TurnContact, TurnPlan } from '../../ports/turn-store.ts';
import { emailReplyFields } from './email-reply.ts';
import { transcriptText } from '../../ports/inbox-event.ts';
import { fromCrmAction, type OutboxAction } from '../../ports/outbox-action.ts';
import type { Gathered, InboundTurnEvent } from './gather-turn.ts';

/** What the turn asks of people, written with the plan by the escalation use-cases. */
export interface TurnFollowOn {
  escalation: TurnDecision['escalation'];
  compliance: TurnDecision['compliance'];
}

export interface PlannedTurn {
  plan: TurnPlan;
  followOn: TurnFollowOn;
  bot: BotName | null;
  ignored?: 'staff_sender';
  optOut?: 'keyword';
}

/**
 * Every effect of an inbound message's turn as data (pure): the contact's final tags, fields and
 * consent, the transcript, the outbox rows with their idempotency keys, the audit rows, the saved
 * state and the follow-up changes.
 */
export function planTurn(
  ev: InboundTurnEvent,
  g: Gathered,
  bots: BotsConfig,
  calendarId: string | undefined,
  now: Date,
): PlannedTurn {
  const p = ev.payload;
  const contact: TurnContact & { isNew: boolean } = { ...g.contact, isNew: g.basis.contact === null };
  const plan: TurnPlan = {
    locationId: ev.locationId,
    contactId: ev.contactId,
    inboxId: ev.id,
    at: now,
    contact,
    cancelQueuedMessages: null,
    transcript: [{ direction: 'inbound', channel: p.channel, body: transcriptText(p) }],
    outbox: [],
    audits: [],
    modelCalls: [...g.modelCalls],
    conversation: null,
    followUps: null,
  };
  const decision = g.decision;
  if (g.staff || !decision || !g.input)
    return { plan, followOn: { escalation: null, compliance: null }, bot: null, ignored: 'staff_sender' };
  // What the bot read in the message, kept with it: the dashboard shows it as the reply's "why".
  const inbound = plan.transcript[0];
  if (inbound && decision.reading)
    inbound.reading = { acts: decision.reading.acts, slots: decision.reading.slots };

  const enqueue = (action: OutboxAction) => {
    const key = `inbox:${ev.id}:${plan.outbox.length}`;
    plan.outbox.push({ key, action });
    return key;
  };
  for (const a of decision.actions) {
    const outbox = applyLocally(plan, a, calendarId);
    if (outbox) enqueue(outbox);
  }
  for (const e of decision.events)
    plan.audits.push({
      actor: `bot:${decision.bot}`,
      action: e.action,
      detail: { ...e.detail, inboxId: ev.id },
    });
  if (decision.reply) {
    // Decided with the opt-out known (its confirmation, a HELP answer): the sender lets it pass.
    const afterOptOut = optedOutAfter(g.input.contact.optedOut, decision.actions);
    const key = enqueue({
      kind: 'send_message',
      type: p.channel,
      message: decision.reply,
      ...(p.channel === 'Email' ? emailReplyFields(p.email) : {}),
      ...(afterOptOut ? { afterOptOut: true } : {}),
    });
    plan.transcript.push({ direction: 'outbound', channel: p.channel, body: decision.reply, outboxKey: key });
  }
  const before = g.basis.conversation;
  const after = decision.state as unknown as Record<string, unknown>;
  if (decision.bot === 'buyer' && financingChanged(before.state, after))
    enqueue({ kind: 'assess_financing' });
  plan.conversation = { bot: decision.bot, state: after, expectedVersion: before.version };
  plan.followUps = {
    cancel: true,
    schedule: followUpsAfter(contact, decision, bots, {
      needsHumanReview: before.needs_human_review || decision.escalation !== null,
      complianceHold: before.compliance_hold || decision.compliance !== null,
      at: now,
    }),
  };
  const optedOutNow = !g.input.contact.optedOut && optedOutAfter(false, decision.actions);
  return {
    plan,
    followOn: { escalation: decision.escalation, compliance: decision.compliance },
    bot: decision.bot,
    ...(optedOutNow ? { optOut: 'keyword' as const } : {}),
  };
}

/** Mirrors an action on our own record of the contact; returns the CRM call to queue, if any. */
function applyLocally(plan: TurnPlan, a: CrmAction, calendarId: string | undefined): OutboxAction | null {
  const c = plan.contact;
  switch (a.type) {
    case 'add_tags':
      c.tags = changeTags(c.tags, a.tags, []);
      return fromCrmAction(a);
    case 'remove_tags':
      c.tags = changeTags(c.tags, [], a.tags);
      return fromCrmAction(a);
    case 'set_fields':
      c.custom_fields = { ...c.custom_fields, ...a.fields };
      return fromCrmAction(a);
    case 'set_contact':
      if (a.optedOut !== undefined) c.opted_out = a.optedOut;
      // Queued messages go before this turn's own rows are written, so its confirmation stays.
      if (a.optedOut === true) plan.cancelQueuedMessages = 'contact opted out';
      if (a.paused !== undefined) {
        c.paused = a.paused;
        c.paused_reason = a.pausedReason ?? null;
      }
      return null;
    case 'book_appointment':
      if (!calendarId) return null;
      return { kind: 'create_appointment', calendarId, startTime: a.startTime, title: a.title };
    default:
      return fromCrmAction(a);
  }
}

/** Case-insensitive tag set changes (GHL lower-cases tags; we keep the first spelling). */
function changeTags(tags: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const drop = new Set(remove.map((t) => t.toLowerCase()));
  const next = tags.filter((t) => !drop.has(t.toLowerCase()));
  for (const t of add) if (!next.some((x) => x.toLowerCase() === t.toLowerCase())) next.push(t);
  return next;
}

/**
 * The lead just wrote, so a new day 3/7/14/30 sequence counts from this message; a contact the
 * turn left opted out, paused, escalated or booked gets none (the runner checks again at send
 * time), and a lead who said no gets none or only the long-horizon check-in.
 */
function followUpsAfter(
  contact: TurnContact,
  decision: TurnDecision,
  bots: BotsConfig,
  conv: { needsHumanReview: boolean; complianceHold: boolean; at: Date },
) {
  const blocked = followUpBlockedFor(
    {
      optedOut: contact.opted_out,
      paused: contact.paused,
      tags: contact.tags,
      needsHumanReview: conv.needsHumanReview,
      complianceHold: conv.complianceHold,
      booked: decision.state.stage === 'booked',
    },
    bots.tags,
  );
  if (blocked) return null;
  const reason = decision.state.stage === 'closed' ? String(decision.state.closedReason ?? '') : '';
  if (NO_FOLLOW_UP.has(reason)) return null;
  return planFollowUps(conv.at).filter((s) => !CHECK_IN_ONLY.has(reason) || s.step === 'day30');
}

/** Whether the contact is opted out once the turn's actions apply. */
function optedOutAfter(before: boolean, actions: readonly CrmAction[]): boolean {
  let out = before;
  for (const a of actions) if (a.type === 'set_contact' && a.optedOut !== undefined) out = a.optedOut;
  return out;
}
