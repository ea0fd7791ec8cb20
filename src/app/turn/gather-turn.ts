import type { ContactView } from '../../domain/conversation.ts';
import { isStaffSender } from '../../domain/staff.ts';
import { readState } from '../../domain/state.ts';
import { decideTurn, type TurnDecision, type TurnInput } from '../../domain/turn.ts';
import type { Crm } from '../../ports.ts';
import type { TurnBasis, TurnContact } from '../../ports/turn-store.ts';
import type { TurnDeps } from './handle-inbox-event.ts';
import type { ContactPatch } from '../../ports/inbox-event.ts';
import type { ModelCallRecord } from '../language-model/model-assist.ts';
import { type ModelTurnMemo, startModelTurn } from '../language-model/model-turn.ts';
import { mergeListings } from './external-listings.ts';
import { staffDirectory } from '../escalations/staff-senders.ts';

/** An inbound message as the turn reads it. */
export interface InboundTurnEvent {
  id: number;
  locationId: string;
  contactId: string;
  payload: Extract<import('../../ports/inbox-event.ts').InboxPayload, { kind: 'inbound_message' }>;
}

/** What the decision needs, gathered against one basis; `decision` is null for a staff sender. */
export interface Gathered {
  basis: TurnBasis;
  /** The contact once the event's own details are applied. */
  contact: TurnContact;
  staff: boolean;
  input: TurnInput | null;
  decision: TurnDecision | null;
  /** Model calls made for this decision (kept in the contact's ledger even if the turn is redone). */
  modelCalls: ModelCallRecord[];
}

const EMPTY_CONTACT: TurnContact = {
  first_name: null,
  last_name: null,
  email: null,
  phone: null,
  timezone: null,
  state: null,
  postal_code: null,
  tags: [],
  custom_fields: {},
  opted_out: false,
  paused: false,
  paused_reason: null,
};

/** The event's details over the stored contact, as the contacts upsert applies them. */
export function applyContactPatch(stored: TurnContact | null, patch: ContactPatch | undefined): TurnContact {
  const c = stored ?? EMPTY_CONTACT;
  const p = patch ?? {};
  return {
    ...c,
    first_name: p.firstName ?? c.first_name,
    last_name: p.lastName ?? c.last_name,
    email: p.email ?? c.email,
    phone: p.phone ?? c.phone,
    timezone: p.timezone ?? c.timezone,
    state: p.state ?? c.state,
    postal_code: p.postalCode ?? c.postal_code,
    tags: p.tags ? [...p.tags] : [...c.tags],
    custom_fields: { ...c.custom_fields, ...(p.customFields ?? {}) },
  };
}

export function contactViewOf(c: TurnContact): ContactView {
  return {
    ...(c.first_name ? { firstName: c.first_name } : {}),
    tags: c.tags,
    fields: c.custom_fields as ContactView['fields'],
    optedOut: c.opted_out,
  };
}

/**
 * Decides the turn against `basis`, asking the network for what the decision may need: external
 * listings, the model's reading and wording, free calendar slots. Runs without the contact's lock
 * and without a database connection. With `network: false` (the basis kept moving) it decides
 * offline: local listings, no model, no slots (the bot asks morning or afternoon). `memo` carries
 * the model's answers from the turn's earlier rounds, so a round that asks the same is not kept
 * waiting for the model again.
 */
export async function gatherTurn(
  ev: InboundTurnEvent,
  basis: TurnBasis,
  deps: TurnDeps,
  now: Date,
  opts: { network: boolean; memo?: ModelTurnMemo },
): Promise<Gathered> {
  const p = ev.payload;
  const contact = applyContactPatch(basis.contact, p.contact);
  // Staff (the alert recipients of the settings, contacts tagged staff-alerts) answer their
  // alerts in the CRM: kept in the transcript, never answered by a bot (docs/ESCALATIONS.md).
  if (isStaffSender(contact, staffDirectory(deps.escalation)))
    return { basis, contact, staff: true, input: null, decision: null, modelCalls: [] };
  const conv = basis.conversation;
  const calendar = deps.calendarFor(ev.locationId);
  const input: TurnInput = {
    cfg: deps.bots,
    stored: conv.version === 0 ? null : conv.state,
    // An open escalation or compliance ticket holds the bot back exactly like a pause.
    contact: {
      ...contactViewOf(contact),
      paused: contact.paused || conv.needs_human_review || conv.compliance_hold,
    },
    text: p.body,
    channel: p.channel,
    now,
    calendar: calendar !== null,
    listings: deps.listings,
    ...(deps.comps ? { comps: deps.comps } : {}),
  };
  if (conv.bot === 'buyer' && basis.assessment) input.financial = basis.assessment;
  if (!opts.network) {
    let decision = decideTurn(input);
    if (decision.needsSlots && calendar) decision = decideTurn({ ...input, slots: [] });
    return { basis, contact, staff: false, input, decision, modelCalls: [] };
  }
  const blocked = input.contact.optedOut || input.contact.paused;
  if (conv.bot === 'buyer' && deps.externalListings && !blocked) {
    const external = await deps.externalListings(readState(input.stored, 'buyer').facts);
    if (external) input.listings = mergeListings(external, deps.listings);
  }
  const modelTurn = deps.model ? startModelTurn(deps.model, input, conv.version === 0, opts.memo) : null;
  let slots: string[] | undefined;
  const decide = async (turnInput: TurnInput) => {
    const first = decideTurn(turnInput);
    if (!first.needsSlots || !calendar) return first;
    slots ??= await freeSlots(calendar, ev.locationId, now, deps);
    return decideTurn({ ...turnInput, slots });
  };
  let decision: TurnDecision;
  let worded: Promise<string | null> | null = null;
  if (modelTurn?.asksForReading()) {
    // While the model reads the message, the bot decides without that reading and the model words
    // that reply. When the reading changes nothing the turn waits for one model call, not two.
    const reading = modelTurn.hints();
    // The bot's decision may change the state it is given: the guess decides on a copy.
    const guess = await decide({ ...input, stored: input.stored ? structuredClone(input.stored) : null });
    const speculative = guess.reply ? modelTurn.speculativeWording(guess) : null;
    const hints = await reading;
    if (hints) input.hints = hints;
    decision = hints ? await decide(input) : guess;
    const kept = speculative !== null && sameReplyToWord(decision, guess);
    if (kept) worded = speculative.text;
    else if (modelTurn && decision.reply) worded = modelTurn.wording(decision);
    await speculative?.settle(kept);
  } else {
    decision = await decide(input);
  }
  if (modelTurn && decision.reply) {
    decision.reply = await (worded ?? modelTurn.wording(decision));
    decision.state.lastReply = decision.reply;
  }
  return { basis, contact, staff: false, input, decision, modelCalls: modelTurn?.records ?? [] };
}

/** Two decisions the model would be asked to word alike: same reply, bot, stage and language. */
function sameReplyToWord(a: TurnDecision, b: TurnDecision): boolean {
  return (
    a.reply === b.reply &&
    a.bot === b.bot &&
    a.state.stage === b.state.stage &&
    a.state.lang === b.state.lang &&
    JSON.stringify(a.state.pending) === JSON.stringify(b.state.pending) &&
    JSON.stringify(a.events.map((e) => e.action)) === JSON.stringify(b.events.map((e) => e.action)) &&
    (a.escalation === null) === (b.escalation === null) &&
    (a.compliance === null) === (b.compliance === null)
  );
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
