import {
  appendMessage,
  audit,
  changeTags,
  type ContactRow,
  loadConversation,
  mergeFields,
  saveConversation,
  setOptedOut,
  setPaused,
  upsertContact,
} from '../adapters/postgres/contacts-repo.ts';
import type { InboxRow } from '../adapters/postgres/inbox-repo.ts';
import { cancelQueuedMessages, enqueueOutbox } from '../adapters/postgres/outbox-repo.ts';
import type { SoldComp } from '../domain/cma/types.ts';
import type { BotsConfig } from '../domain/bots-config.ts';
import type { Listing } from '../domain/buyer/listing.ts';
import type { BotName, ContactView, CrmAction } from '../domain/conversation.ts';
import { decideTurn, type TurnDecision, type TurnInput } from '../domain/turn.ts';
import type { Crm, Sql } from '../ports.ts';
import { latestAssessment } from './assess-financing.ts';
import { escalateComplianceViolation } from './escalate-compliance-violation.ts';
import { escalateToHumanReview } from './escalate-to-human-review.ts';
import type { EscalationDeps } from './escalation-deps.ts';
import { transcriptText } from './inbox-event.ts';
import { fromCrmAction, type OutboxAction } from './outbox-action.ts';
import { type ModelTurnDeps, startModelTurn } from './model-turn.ts';
import { mergeListings } from './external-listings.ts';
import { type Facts, readState } from '../domain/state.ts';
import { recordModelCall } from '../adapters/postgres/model-usage-repo.ts';
import { scheduleFollowUps } from './schedule-follow-ups.ts';
import { isStaffSender } from '../domain/staff.ts';
import { takeoverTag, writtenByPerson } from '../domain/human-takeover.ts';
import { staffDirectory } from './staff-senders.ts';
import { emailReplyFields } from './email-reply.ts';
import { type OutboundDelivery, recordOutbound } from './record-outbound.ts';

export interface TurnDeps {
  bots: BotsConfig;
  listings: readonly Listing[];
  /** Sold homes (the CMA comps) for instant value ranges and area price levels in answers. */
  comps?: readonly SoldComp[];
  /** The calendar that offers appointment slots for a location, if any. */
  calendarFor: (locationId: string) => { crm: Crm; calendarId: string } | null;
  logger?: { warn(obj: object, msg: string): void };
  escalation: EscalationDeps;
  /** Homes from an external listings service (MCP `search_listings`), when one is configured. */
  externalListings?: ((facts: Facts) => Promise<Listing[] | null>) | null;
  /** A language model that may read unclear messages and word the decided reply (off: null). */
  model?: ModelTurnDeps | null;
}

export interface TurnOutcome {
  bot: BotName | null;
  /** Outbox rows written by this event (the caller wakes the drainer when > 0). */
  outboxRows: number;
  /** Why an inbound message started no bot: it came from a member of staff (logs and metrics). */
  ignored?: 'staff_sender';
  /** A delivery report of an outbound message (metrics): its status and whether we sent it. */
  delivery?: OutboundDelivery;
  /** The contact opted out with this event (metrics): by keyword in a message, or GHL's DND. */
  optOut?: 'keyword' | 'dnd';
}

export function contactView(c: ContactRow): ContactView {
  return {
    ...(c.first_name ? { firstName: c.first_name } : {}),
    tags: c.tags,
    fields: c.custom_fields,
    optedOut: c.opted_out,
  };
}

/**
 * Carries one inbox event out inside the caller's transaction (which holds the contact's lock):
 * the bot's decision, the transcript and every CRM action commit together or not at all.
 */
export async function handleInboxEvent(
  tx: Sql,
  row: InboxRow,
  deps: TurnDeps,
  now: Date,
): Promise<TurnOutcome> {
  const loc = row.location_id;
  const cid = row.contact_id;
  const p = row.payload;
  let outboxRows = 0;
  const enqueue = async (action: OutboxAction, n: number) => {
    const id = await enqueueOutbox(tx, {
      locationId: loc,
      contactId: cid,
      inboxId: row.id,
      action,
      idempotencyKey: `inbox:${row.id}:${n}`,
      at: now,
    });
    if (id !== null) outboxRows++;
    return id;
  };

  switch (p.kind) {
    case 'inbound_message': {
      const contact = await upsertContact(tx, loc, cid, p.contact, now);
      await appendMessage(tx, {
        locationId: loc,
        contactId: cid,
        direction: 'inbound',
        channel: p.channel,
        body: transcriptText(p),
        inboxId: row.id,
        at: now,
      });
      // Staff (the alert recipients of the settings, contacts tagged staff-alerts) answer their
      // alerts in the CRM: kept in the transcript, never answered by a bot (docs/ESCALATIONS.md).
      if (isStaffSender(contact, staffDirectory(deps.escalation))) {
        return { bot: null, outboxRows, ignored: 'staff_sender' };
      }
      const conv = await loadConversation(tx, loc, cid);
      const calendar = deps.calendarFor(loc);
      const input: TurnInput = {
        cfg: deps.bots,
        stored: conv.version === 0 ? null : conv.state,
        // An open escalation or compliance ticket holds the bot back exactly like a pause.
        contact: {
          ...contactView(contact),
          paused: contact.paused || conv.needs_human_review || conv.compliance_hold,
        },
        text: p.body,
        channel: p.channel,
        now,
        calendar: calendar !== null,
        listings: deps.listings,
        ...(deps.comps ? { comps: deps.comps } : {}),
      };
      if (conv.bot === 'buyer' && deps.externalListings && !input.contact.optedOut && !input.contact.paused) {
        const facts = readState(input.stored, 'buyer').facts;
        const external = await deps.externalListings(facts);
        if (external) input.listings = mergeListings(external, deps.listings);
      }
      if (conv.bot === 'buyer') {
        const assessed = await latestAssessment(tx, loc, cid);
        if (assessed) input.financial = { preApproved: assessed.preApproved, source: assessed.source };
      }
      const modelTurn = deps.model ? startModelTurn(deps.model, input, conv.version === 0) : null;
      const hints = await modelTurn?.hints();
      if (hints) input.hints = hints;
      let decision: TurnDecision = decideTurn(input);
      if (decision.needsSlots && calendar) {
        decision = decideTurn({ ...input, slots: await freeSlots(calendar, loc, now, deps) });
      }
      if (modelTurn && decision.reply) {
        decision.reply = await modelTurn.wording(decision);
        decision.state.lastReply = decision.reply;
      }
      for (const record of modelTurn?.records ?? []) {
        await recordModelCall(tx, { locationId: loc, contactId: cid, inboxId: row.id, record, at: now });
      }
      let n = 0;
      for (const a of decision.actions) {
        const outbox = await applyLocally(tx, loc, cid, a, calendar?.calendarId);
        if (outbox) await enqueue(outbox, n++);
      }
      for (const e of decision.events) {
        await audit(tx, {
          locationId: loc,
          contactId: cid,
          actor: `bot:${decision.bot}`,
          action: e.action,
          detail: { ...e.detail, inboxId: row.id },
          at: now,
        });
      }
      if (decision.reply) {
        // Decided with the opt-out known (its confirmation, a HELP answer): the sender lets it pass.
        const afterOptOut = optedOutAfter(input.contact.optedOut, decision.actions);
        const outboxId = await enqueue(
          {
            kind: 'send_message',
            type: p.channel,
            message: decision.reply,
            ...(p.channel === 'Email' ? emailReplyFields(p.email) : {}),
            ...(afterOptOut ? { afterOptOut: true } : {}),
          },
          n++,
        );
        await appendMessage(tx, {
          locationId: loc,
          contactId: cid,
          direction: 'outbound',
          channel: p.channel,
          body: decision.reply,
          inboxId: row.id,
          ...(outboxId !== null ? { outboxId } : {}),
          at: now,
        });
      }
      if (decision.escalation) {
        await escalateToHumanReview(
          tx,
          deps.escalation,
          {
            locationId: loc,
            contactId: cid,
            reason: decision.escalation.reason,
            context: { ...decision.escalation.detail, inboxId: row.id },
          },
          now,
        );
      }
      if (decision.compliance) {
        await escalateComplianceViolation(
          tx,
          deps.escalation,
          {
            locationId: loc,
            contactId: cid,
            violationType: decision.compliance.type,
            evidence: {
              rule: decision.compliance.rule,
              messageIds: [`inbox:${row.id}`],
              text: p.body,
              reply: decision.compliance.reply,
              ...(decision.reply ? { replyText: decision.reply } : {}),
            },
          },
          now,
        );
      }
      if (
        decision.bot === 'buyer' &&
        financingChanged(conv.state, decision.state as unknown as Record<string, unknown>)
      ) {
        await enqueue({ kind: 'assess_financing' }, n++);
      }
      await saveConversation(
        tx,
        loc,
        cid,
        conv.version,
        {
          bot: decision.bot,
          state: decision.state as unknown as Record<string, unknown>,
          lastInboundAt: now,
        },
        now,
      );
      await scheduleFollowUps(tx, loc, cid, deps.bots, now);
      const optedOutNow = !input.contact.optedOut && optedOutAfter(false, decision.actions);
      return { bot: decision.bot, outboxRows, ...(optedOutNow ? { optOut: 'keyword' as const } : {}) };
    }
    case 'outbound_message': {
      const delivery = await recordOutbound(tx, row, now);
      const seen = { ours: delivery.ours, source: p.source, userId: p.userId };
      if (!writtenByPerson(seen)) return { bot: null, outboxRows, delivery };
      // A person wrote to the lead from GHL: the bots step back until the tag is removed.
      const contact = await upsertContact(tx, loc, cid, undefined, now);
      const tag = takeoverTag(seen, contact.tags, deps.bots.tags);
      if (tag) {
        await changeTags(tx, loc, cid, [tag], []);
        await enqueue({ kind: 'add_tags', tags: [tag] }, 0);
        await audit(tx, {
          locationId: loc,
          contactId: cid,
          actor: 'system',
          action: 'human_takeover',
          detail: { inboxId: row.id },
          at: now,
        });
      }
      return { bot: null, outboxRows, delivery };
    }
    case 'contact_updated': {
      await upsertContact(tx, loc, cid, p.contact, now);
      return { bot: null, outboxRows };
    }
    case 'dnd_updated': {
      await upsertContact(tx, loc, cid, p.contact, now);
      await setOptedOut(tx, loc, cid, p.dnd);
      if (p.dnd) await cancelQueuedMessages(tx, loc, cid, 'contact set to do not disturb');
      await audit(tx, {
        locationId: loc,
        contactId: cid,
        actor: 'crm',
        action: p.dnd ? 'dnd_on' : 'dnd_off',
        at: now,
      });
      return { bot: null, outboxRows, ...(p.dnd ? { optOut: 'dnd' as const } : {}) };
    }
  }
}

/** Whether the contact is opted out once the turn's actions apply. */
function optedOutAfter(before: boolean, actions: readonly CrmAction[]): boolean {
  let out = before;
  for (const a of actions) if (a.type === 'set_contact' && a.optedOut !== undefined) out = a.optedOut;
  return out;
}

/** A buyer's financing or budget changed this turn: time to (re)assess their readiness. */
function financingChanged(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  const pick = (st: Record<string, unknown>) => {
    const f = (st.facts ?? {}) as Record<string, unknown>;
    return JSON.stringify([f.financing ?? null, f.lender ?? null, f.budgetMax ?? null]);
  };
  if (before.owner !== 'buyer') return true;
  return pick(before) !== pick(after);
}

/** Mirrors an action on our own record of the contact; returns the CRM call to queue, if any. */
async function applyLocally(
  tx: Sql,
  loc: string,
  cid: string,
  a: CrmAction,
  calendarId: string | undefined,
): Promise<OutboxAction | null> {
  switch (a.type) {
    case 'add_tags':
      await changeTags(tx, loc, cid, a.tags, []);
      return fromCrmAction(a);
    case 'remove_tags':
      await changeTags(tx, loc, cid, [], a.tags);
      return fromCrmAction(a);
    case 'set_fields':
      await mergeFields(tx, loc, cid, a.fields);
      return fromCrmAction(a);
    case 'set_contact':
      if (a.optedOut !== undefined) await setOptedOut(tx, loc, cid, a.optedOut);
      if (a.optedOut === true) await cancelQueuedMessages(tx, loc, cid, 'contact opted out');
      if (a.paused !== undefined) await setPaused(tx, loc, cid, a.paused, a.pausedReason ?? null);
      return null;
    case 'book_appointment':
      if (!calendarId) return null;
      return { kind: 'create_appointment', calendarId, startTime: a.startTime, title: a.title };
    default:
      return fromCrmAction(a);
  }
}

const SLOT_WINDOW_DAYS = 7;

async function freeSlots(
  calendar: { crm: Crm; calendarId: string },
  loc: string,
  now: Date,
  deps: TurnDeps,
): Promise<string[]> {
  try {
    return await calendar.crm.getFreeSlots(loc, calendar.calendarId, {
      start: now,
      end: new Date(now.getTime() + SLOT_WINDOW_DAYS * 86_400_000),
      timezone: deps.bots.persona.timezone,
    });
  } catch (err) {
    // No slots → the bot asks morning or afternoon and leaves the booking to the agent.
    deps.logger?.warn({ err }, 'free slots unavailable');
    return [];
  }
}
