import { continueScheduling, startScheduling } from '../schedule-flow.ts';
import type { TurnContext } from '../turn-context.ts';
import { SELLER_QUESTIONS, type SellerQuestion, sellerAnswered, sellerTemperature } from './temperature.ts';

const KEY = (q: SellerQuestion) => `seller.${q}`;

/**
 * The Seller bot: four questions, one per message, in order unless already answered (motivation,
 * 30-45 day timeline, condition, price), the address once, then the listing appointment when HOT.
 */
export function decideSeller(ctx: TurnContext): void {
  const { state, reading } = ctx;
  const f = state.facts;

  if (state.stage === 'booked') {
    // "Can we cancel?" was answered already: no "see you at the appointment" after it.
    if (ctx.parts.length === 0) ctx.say('schedule.after');
    return;
  }
  if (state.stage === 'scheduling') {
    continueScheduling(ctx, 'listing');
    return;
  }
  if (reading.changedMind) {
    ctx.closeOnChangedMind('seller_changed_mind');
    return;
  }
  if (state.stage === 'closed') {
    if (reading.intent.intent !== 'sell' || reading.intent.confidence < 0.8) {
      ctx.say('misc.closed', {}, { keep: true, variant: state.inbound });
      return;
    }
    state.stage = 'qualifying';
    state.closedReason = null;
  }

  // Was the question we asked answered, dodged, or answered vaguely?
  const pending = state.pending;
  const answered = sellerAnswered(f);
  const pendingQ = SELLER_QUESTIONS.find((q) => KEY(q) === pending);
  const learnedSomething = Object.keys(reading.facts).length > 0;
  const dodged = reading.vague || !learnedSomething;
  if (pendingQ && !answered[pendingQ] && dodged) {
    state.vague[KEY(pendingQ)] = (state.vague[KEY(pendingQ)] ?? 0) + 1;
    state.evasive += 1;
  } else if (pending === 'seller.address' && !f.address && (reading.vague || !learnedSomething)) {
    state.evasive += 1;
  }
  if (state.evasive >= ctx.cfg.thresholds.evasiveLimit) {
    state.stage = 'closed';
    state.closedReason = 'evasive';
    state.pending = null;
    ctx.say('seller.evasive_close', {}, { keep: true });
    ctx.escalate('evasive', { evasiveTurns: state.evasive });
    ctx.audit('seller_evasive_handoff', { evasiveTurns: state.evasive });
    return;
  }

  empathyAndAnchoring(ctx);
  if (reading.multipleProperties && !f.address) {
    ctx.ask('seller.which_property');
    return;
  }
  if (reading.meetingRequest) {
    startScheduling(ctx, 'listing');
    return;
  }

  if (learnedSomething && !reading.hardship && !reading.anchoring && nextQuestion(ctx, false))
    ctx.say('ack.generic', {}, { variant: state.inbound });
  // A question asked twice is given up on (the agent is told) and the next open one is asked.
  for (let next = nextQuestion(ctx); next; next = nextQuestion(ctx)) {
    ctx.ask(KEY(next.q), next.attempt);
    if (state.pending === KEY(next.q)) return;
  }

  // All four answered (or given up on): HOT books the listing appointment (the booking asks for a
  // missing address); otherwise ask the address once, after the four so it never delays them.
  const allFour = Object.values(sellerAnswered(f)).every(Boolean);
  if (allFour && sellerTemperature(f) === 'hot') {
    ctx.say('seller.offer_meeting');
    startScheduling(ctx, 'listing');
    return;
  }
  if (!f.address && !state.addressAsked) {
    state.addressAsked = true;
    if (learnedSomething) ctx.say('ack.generic', {}, { variant: state.inbound });
    ctx.ask('seller.address');
    return;
  }
  state.stage = 'closed';
  state.closedReason = 'qualified';
  state.pending = null;
  // Never "that's everything I need" while an answer is missing: a person takes it from here.
  if (allFour) ctx.say('seller.done', {}, { keep: true });
  else ctx.handOff();
  ctx.task(
    'Follow up with seller',
    'The seller answered the qualifying questions by text; see the fields for details.',
    24,
  );
}

/** The first question not answered nor given up on (after enough vague answers the agent is told). */
function nextQuestion(ctx: TurnContext, record = true): { q: SellerQuestion; attempt: number } | null {
  return ctx.nextOpen(SELLER_QUESTIONS, sellerAnswered(ctx.state.facts), KEY, record);
}

function empathyAndAnchoring(ctx: TurnContext): void {
  const { reading } = ctx;
  if (reading.hardship) ctx.say(`empathy.${reading.hardship}`);
  if (reading.anchoring) ctx.say('seller.anchoring');
}
