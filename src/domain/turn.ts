import type { BotsConfig } from './bots-config.ts';
import type { Listing } from './buyer/listing.ts';
import { decideBuyer } from './buyer/decide-buyer.ts';
import { buyerTemperature } from './buyer/temperature.ts';
import type { SoldComp } from './cma/types.ts';
import { checkOutbound, detectOptIn, sanitizeOutbound } from './compliance/index.ts';
import { detectHelp } from './compliance/keywords.ts';
import { contactTemperature } from './contact-temperature.ts';
import { handleFeelings } from './policy/feelings.ts';
import { handleObjection } from './policy/objections.ts';
import {
  answerOnly,
  closedByNo,
  disqualified,
  movesOwnBooking,
  notifyWhileSilent,
  reopens,
  takesNoBack,
  resumeAfterHold,
  silentMove,
} from './policy/hold.ts';
import {
  acknowledgeLanguage,
  chooseLanguage,
  readAfterLenderTalk,
  readFigure,
  readFirstNo,
} from './policy/read-in-context.ts';
import { answerQuestions } from './policy/questions.ts';
import type { BotName, Channel, ContactView, CrmAction, Temperature } from './conversation.ts';
import { detectLanguage } from './language/index.ts';
import { decideLead } from './lead/decide-lead.ts';
import { leadScore, temperatureOf } from './lead/score.ts';
import { absorb, factsFor } from './absorb-facts.ts';
import { withModelReading } from './model-reading.ts';
import { mergeFacts, type Reading, readMessage } from './read-message.ts';
import { handOff, handoffTarget, resolveOwner } from './routing.ts';
import { applyEscalationRules } from './escalation-rules.ts';
import { silencingTags } from './human-takeover.ts';
import { handToPersonOnRequest, helpAnswer, optOut, screenMessage } from './screen.ts';
import { decideSeller } from './seller/decide-seller.ts';
import { questionsAnswered, sellerTemperature, sellerTimelineAcceptable } from './seller/temperature.ts';
import { type ConversationState, type Facts, readState } from './state.ts';
import { type AuditEvent, TurnContext } from './turn-context.ts';
import type { Understanding } from './understand/types.ts';

export interface TurnInput {
  cfg: BotsConfig;
  /** The stored conversation state (null for a new conversation). */
  stored: Record<string, unknown> | null;
  contact: ContactView & { paused: boolean };
  text: string;
  channel: Channel;
  now: Date;
  /** Free calendar slots, when the previous pass asked for them (needsSlots). */
  slots?: string[];
  calendar: boolean;
  listings: readonly Listing[];
  /** The latest financial readiness assessment, when one exists (buyers). */
  financial?: { preApproved: boolean; source: 'service' | 'heuristic' | 'default' };
  /** Sold homes for instant value ranges and area price levels (the CMA comps). */
  comps?: readonly SoldComp[];
  /**
   * Acts and slots a language model read from this message when the rules were unsure, merged by
   * `withModelReading`: the rules win where both found something, a model value counts only when
   * the message backs it, and keywords (STOP/HELP/START) are never taken from the model.
   */
  hints?: Understanding;
}

export interface TurnDecision {
  bot: BotName;
  reply: string | null;
  actions: CrmAction[];
  state: ConversationState;
  temperature: Temperature | null;
  /** The bot wants to offer appointment slots: call again with `slots`. */
  needsSlots: boolean;
  events: AuditEvent[];
  /** Hand the conversation to a person: the app records it and the bot stays quiet until resolved. */
  escalation: TurnContext['escalation'];
  /** A compliance rule fired: the app opens a ticket with the evidence and pauses the bot. */
  compliance: TurnContext['compliance'];
  /** How the message was read (absent for an empty message), so callers need not read it again. */
  reading?: Reading;
}

/** One inbound message → the reply, the CRM actions and the next state. Pure: same input, same output. */
export function decideTurn(input: TurnInput): TurnDecision {
  const { cfg } = input;
  const isNew = input.stored?.v !== 1;
  const state = readState(input.stored, 'lead');
  state.owner = resolveOwner(state, isNew, input.contact.tags, cfg);
  const text = input.text.trim();
  const comps = input.comps ?? [];
  const silent = (ctx?: TurnContext): TurnDecision => ({
    bot: state.owner,
    reply: null,
    actions: ctx?.actions ?? [],
    state,
    temperature: state.temperature,
    needsSlots: false,
    events: ctx?.events ?? [],
    escalation: null,
    compliance: null,
    ...(ctx ? { reading: ctx.reading } : {}),
  });
  if (text === '') return silent();
  state.inbound += 1;
  state.lastAsked = null;
  // Not held back any more: whatever hold of ours there was has been resolved by a person.
  if (!input.contact.paused) state.held = null;

  const read = readAfterLenderTalk(
    readFirstNo(
      readFigure(
        readMessage(text, state.pending, cfg.neighborhoods, input.now, state.owner),
        text,
        state,
        cfg,
        input.now,
      ),
      text,
      state,
    ),
    text,
    state,
    cfg,
    input.now,
  );
  const reading = input.hints ? withModelReading(read, input.hints, text, cfg.neighborhoods) : read;
  chooseLanguage(state, text, reading);
  const ctx = new TurnContext(cfg, state, input.contact, text, reading, input.now, {
    ...(input.slots ? { slots: input.slots } : {}),
    calendar: input.calendar,
    listings: input.listings,
  });

  // Compliance first, in every state: STOP, HELP and START are read before any pause or takeover.
  if (input.contact.optedOut || ctx.hasTag(cfg.tags.optOut)) {
    if (!detectOptIn(text, { strict: true })) {
      notifyWhileSilent(ctx, 'opted_out');
      return silent(ctx);
    }
    ctx.removeTags(cfg.tags.optOut, cfg.tags.aiOff);
    ctx.actions.push({ type: 'set_contact', optedOut: false });
    ctx.audit('tcpa_opt_in');
    ctx.say('compliance.opt_in', {}, { keep: true });
    // "perdón, me equivoqué, sí quiero vender, pueden escribirme": what comes with the START is kept.
    absorb(ctx);
    return finish(ctx, input);
  }
  const silentReason = input.contact.paused ? 'paused' : silencingTags(cfg.tags).find((t) => ctx.hasTag(t));
  if (silentReason) {
    if (optOut(ctx)) return finish(ctx, input);
    if (detectHelp(text)) {
      helpAnswer(ctx);
      return finish(ctx, input);
    }
    // Silent, but nothing is lost: the answer is recorded and the agent is told.
    absorb(ctx);
    const move = silentMove(ctx, input.contact.paused);
    // Quiet by our own choice ("too many texts"), the lead asks for the agent: a person takes it.
    if (move === 'answer' && !input.contact.paused && handToPersonOnRequest(ctx)) return finish(ctx, input);
    // Held for the agent by our own escalation, "can Jorge call me?" hears that he will.
    if (move === 'answer' && state.held && handToPersonOnRequest(ctx, { alreadyHeld: true })) {
      notifyWhileSilent(ctx, silentReason);
      return finish(ctx, input);
    }
    if (move !== 'resume') {
      // Moving or cancelling an appointment of ours gives the agent its own calendar task instead.
      if (!(move === 'answer' && movesOwnBooking(ctx))) notifyWhileSilent(ctx, silentReason);
      // A question still gets a short answer when the silence is ours, never a qualifying question.
      const said = move === 'answer' && answerOnly(ctx, comps);
      return finish(ctx, input, { silent: !said });
    }
    // Calm again after our own hold or a complaint, or bringing the other side of the move: go on.
    resumeAfterHold(ctx, silentReason);
    ctx.audit('resumed_after_hold', { why: silentReason });
  }

  if (screenMessage(ctx)) {
    // "is this a real person? do buyers pay you? do i need to be pre-approved first?": the other
    // questions beside the one about who is writing are answered too, never dropped.
    if (ctx.allowAiDisclosure) answerOnly(ctx, comps);
    // "what does a short sale do to my credit? and who pays your commission": the questions beside
    // distress are answered before the holding line, as beside anger.
    else if (ctx.escalation?.reason.startsWith('distress:')) answerBeforeHolding(ctx, comps);
    applyEscalationRules(ctx, true);
    // What the lead told us is kept (a number with "call me instead", an email with STOP), unless
    // they asked us to delete their data.
    if (!ctx.events.some((e) => e.action === 'ccpa_request')) absorb(ctx);
    return finish(ctx, input);
  }
  if (handleObjection(ctx)) {
    // What the lead said with the no is kept ("maybe in 2 years"); a question beside it still gets
    // its answer, and nothing more.
    absorb(ctx);
    // "stop asking me questions, just have Jorge call me": the person asked for still comes.
    if (!handToPersonOnRequest(ctx)) answerOnly(ctx, comps);
  } else if (handleFeelings(ctx)) {
    absorb(ctx);
    answerBeforeHolding(ctx, comps);
    applyEscalationRules(ctx, true);
    return finish(ctx, input);
  } else if (closedByNo(state) && !reopens(ctx)) {
    // After a polite close nothing more is said ("ok", "thanks"), only a question is answered.
    absorb(ctx);
    if (!answerOnly(ctx, comps)) notifyWhileSilent(ctx, 'closed');
  } else {
    // "Actually wait, …": the no is taken back and the bot qualifies again where it stopped.
    if (closedByNo(state) && takesNoBack(ctx)) {
      state.stage = 'qualifying';
      state.closedReason = null;
    }
    acknowledgeLanguage(ctx);
    const to = handoffTarget(ctx);
    // Refused within the cooldown (no ping-pong): the current owner keeps the conversation.
    if (to) handOff(ctx, to);
    const bothBefore = state.facts.intent === 'both';
    absorb(ctx);
    const held = answerQuestions(ctx, comps);
    if (!held) runBot(ctx, state.owner);
    // "Can you help us buy too?" to the seller bot: said yes to before the next question.
    if (!held && !bothBefore && state.facts.intent === 'both' && state.owner === 'seller') {
      // It stands in for the bot's "Thanks." before its next question.
      dropAcknowledgments(ctx);
      ctx.parts.unshift({ text: ctx.phrase('seller.buy_too'), keep: true });
    } else if (ctx.events.some((e) => e.action === 'objection' && e.detail.policy === 'apologize'))
      // "Sorry for asking again, I have it now." stands in for the bot's "Thanks." before its next question.
      dropAcknowledgments(ctx);
    else if (ctx.reading.hardship)
      // When the seller bot said it already, compose() keeps one of the two.
      ctx.parts.unshift({ text: ctx.phrase(`empathy.${ctx.reading.hardship}`), keep: true });
  }
  applyEscalationRules(ctx, false);
  return finish(ctx, input);
}

/**
 * "I never signed up for this, how did you get my number?": an angry or grieving lead's question
 * is still answered, before the line saying the agent will reach out.
 */
function answerBeforeHolding(ctx: TurnContext, comps: readonly SoldComp[]): void {
  const holding = ctx.parts.length - 1;
  // "I said no. do you people not understand english": a question only the agent can take is
  // answered by the holding line itself ("Let me get Jorge on this"), never "Good question" first.
  if (ctx.reading.acts.some((a) => a.act === 'question' && a.topic === 'other')) {
    ctx.audit('question_answered', { topic: 'other', source: 'agent' });
    ctx.reading = {
      ...ctx.reading,
      acts: ctx.reading.acts.filter((a) => a.act !== 'question' || a.topic !== 'other'),
    };
  }
  if (holding < 0 || !answerOnly(ctx, comps)) return;
  ctx.parts.splice(holding, 0, ...ctx.parts.splice(holding + 1));
}

/** Drops the bot's bare acknowledgments ("Thanks.", "Got it."): a line of ours said instead. */
function dropAcknowledgments(ctx: TurnContext): void {
  ctx.parts.splice(0, ctx.parts.length, ...ctx.parts.filter((p) => p.keep || p.asks !== undefined));
}

function runBot(ctx: TurnContext, bot: BotName): void {
  if (bot === 'seller') {
    decideSeller(ctx);
    // Selling and buying: once the sale side is qualified or its listing appointment booked, the
    // Buyer bot takes the purchase side.
    const { state } = ctx;
    const saleDone =
      (state.stage === 'closed' && state.closedReason === 'qualified') || state.stage === 'booked';
    if (saleDone && state.facts.intent === 'both') {
      if (handOff(ctx, 'buyer')) {
        // The sale side is done; the reply goes straight on to the purchase.
        const done = ctx.phrase('seller.done');
        ctx.parts.splice(0, ctx.parts.length, ...ctx.parts.filter((p) => p.text !== done));
        decideBuyer(ctx);
      }
    }
    return;
  }
  if (bot === 'buyer') {
    decideBuyer(ctx);
    return;
  }
  decideLead(ctx, (to) => {
    ctx.state.facts = mergeFacts(ctx.state.facts, factsFor(to, ctx.reading.facts), ctx.reading.droppedAreas);
    ctx.state.facts = factsFor(to, ctx.state.facts);
    runBot(ctx, to);
  });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function finish(ctx: TurnContext, input: TurnInput, opts: { silent?: boolean } = {}): TurnDecision {
  const { state, cfg } = ctx;
  const f = state.facts;
  state.leadScore = leadScore(f, state);
  const leadTemp = temperatureOf(state.leadScore, cfg.thresholds);
  // An opt-out is a cold contact whatever it told us before, unless an appointment is booked: that
  // lead still meets the agent, who should not read them as cold.
  const cold =
    disqualified(state) ||
    (ctx.events.some((e) => e.action === 'tcpa_opt_out') && !ctx.hasTag(cfg.tags.appointmentBooked));
  const ownerTemp: Temperature = cold
    ? 'cold'
    : state.owner === 'seller'
      ? sellerTemperature(f)
      : state.owner === 'buyer'
        ? buyerTemperature(
            f,
            cfg.thresholds.buyerHotDays,
            input.financial?.source === 'service' && input.financial.preApproved,
          )
        : leadTemp;
  state.temperature = cold
    ? 'cold'
    : contactTemperature(f, state.owner, ownerTemp, cfg.thresholds.buyerHotDays);
  // Our own hold lasts while the agent has it; a compliance ticket is never one we lift ourselves.
  if (ctx.compliance) state.held = null;
  else if (ctx.escalation) state.held = ctx.escalation.reason;

  // One temperature for the contact: the Lead tag follows the owning bot's verdict (the hotter side
  // when selling and buying), so Hot-Lead never sits beside Cold-Seller.
  setTemperatureTag(ctx, 'Lead', state.temperature);
  ctx.setField('lead_score', state.leadScore);
  if (state.owner === 'seller') {
    const acceptable = sellerTimelineAcceptable(f);
    setTemperatureTag(ctx, 'Seller', ownerTemp);
    if (ownerTemp === 'hot') ctx.addTags(cfg.tags.sellerQualified);
    ctx.setField('property_address', f.address);
    ctx.setField(
      'seller_motivation',
      f.motivation ? `${f.motivation}${f.destination ? ` (${f.destination})` : ''}` : undefined,
    );
    ctx.setField('timeline_acceptable', acceptable === undefined ? undefined : acceptable ? 'yes' : 'no');
    ctx.setField('property_condition', f.conditionGrade ?? f.condition);
    // A floor ("at least 700") is the least the seller will take: the CRM's price field shows it.
    ctx.setField('price_expectation', f.priceExpectation ?? f.priceMin ?? f.priceMax);
    ctx.setField('questions_answered', questionsAnswered(f));
    ctx.setField('offer_type', f.offerPath);
  }
  if (state.owner === 'buyer') {
    setTemperatureTag(ctx, 'Buyer', ownerTemp);
    if (ownerTemp !== 'cold') ctx.addTags(cfg.tags.buyerQualified);
    ctx.setField('budget_min', f.budgetMin);
    ctx.setField('budget_max', f.budgetMax);
    ctx.setField('pre_approval_status', f.financing);
    ctx.setField('beds', f.beds);
    ctx.setField('areas', f.areas?.join(', '));
    ctx.setField('timeline', f.months !== undefined ? `${f.horizon} (${f.months} months)` : f.horizon);
    ctx.setField('must_haves', f.mustHaves?.join(', '));
  }
  if (Object.keys(ctx.fields).length > 0) ctx.actions.push({ type: 'set_fields', fields: ctx.fields });

  const maxLength = input.channel === 'SMS' ? cfg.thresholds.smsMaxLength : 1000;
  let reply = opts.silent ? null : ctx.compose(maxLength);
  if (reply !== null) {
    reply = sanitizeOutbound(reply, { maxLength });
    const check = checkOutbound(reply, {
      maxLength,
      agentName: cfg.persona.agentName,
      allowAiDisclosure: ctx.allowAiDisclosure,
      placeNames: cfg.neighborhoods,
    });
    if (!check.ok) {
      ctx.audit('outbound_blocked', { violations: check.violations });
      const blocked = check.violations.filter((v) => v === 'steering' || v === 'ai_mention' || v === 'url');
      if (blocked.length > 0) {
        ctx.flagCompliance(
          blocked.includes('steering') ? 'fair_housing' : 'other',
          `outbound_blocked:${blocked.join(',')}`,
          'withheld',
        );
      }
      reply = ctx.phrase('misc.fallback');
    }
    state.lastReply = reply;
  }
  return {
    bot: state.owner,
    reply,
    actions: ctx.actions,
    state,
    temperature: state.temperature,
    needsSlots: ctx.needsSlots,
    events: ctx.events,
    escalation: ctx.escalation,
    compliance: ctx.compliance,
    reading: ctx.reading,
  };
}

/** One temperature tag per kind at a time: Hot-Seller replaces Warm-Seller. */
function setTemperatureTag(ctx: TurnContext, who: string, temp: Temperature): void {
  const name = (t: string) => ctx.cfg.tags.temperature.replace('{temp}', cap(t)).replace('{who}', who);
  const others = (['hot', 'warm', 'cold'] as const).filter((t) => t !== temp).map(name);
  ctx.removeTags(...others);
  ctx.addTags(name(temp));
}
