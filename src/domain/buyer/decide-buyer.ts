import { continueScheduling, startScheduling } from '../schedule-flow.ts';
import { simplify } from '../language/normalize.ts';
import type { Facts } from '../state.ts';
import type { TurnContext } from '../turn-context.ts';
import {
  buyerNeeds,
  describeMatchBare,
  describeMatchShort,
  formatMatchNote,
  matchListings,
} from './matching.ts';
import { buyerTemperature, readyForShowing } from './temperature.ts';

export const BUYER_QUESTIONS = ['budget', 'financing', 'timeline', 'areas', 'beds', 'must_haves'] as const;
export type BuyerQuestion = (typeof BUYER_QUESTIONS)[number];

const KEY = (q: BuyerQuestion) => `buyer.${q}`;

const DECLINE_VISIT =
  /^(?:no(?! (?:problem|worries|doubt|hay problema))|nope|nah|not (?:now|yet|really)|maybe later|later|todavia no|ahorita no|mas adelante)\b/;

// Questions a buyer may have no answer to, and the replies that say so.
const OPTIONAL: BuyerQuestion[] = ['areas', 'must_haves'];
const NO_PREFERENCE =
  /^(?:no|nope|nah|none|nothing|not really|no preference|no preferences|anywhere|any area|anything|doesnt matter|dont care|open|flexible|nada|ninguno|ninguna|no tengo|cualquier\w*|donde sea|me da igual)\b/;

export function buyerAnswered(f: Facts): Record<BuyerQuestion, boolean> {
  return {
    budget: f.budgetMax !== undefined || f.budgetMin !== undefined,
    financing: f.financing !== undefined,
    timeline: f.horizon !== undefined,
    areas: (f.areas?.length ?? 0) > 0,
    beds: f.beds !== undefined,
    must_haves: (f.mustHaves?.length ?? 0) > 0,
  };
}

/** What a no may carry without saying more about the search: why, who decides, when. */
const BESIDE_A_NO = new Set(['horizon', 'decisionMakers', 'hardship']);
const SALE_TALK = /\b(?:sell|selling|sold|list|listing|vender|vendemos|venta)\b/;

/**
 * The Buyer bot: asks only what is missing (budget, financing, timeline, area, bedrooms,
 * must-haves), one question per message; names matching homes once the budget and one other need
 * are known; offers showing slots when HOT.
 */
export function decideBuyer(ctx: TurnContext): void {
  const { state, reading } = ctx;
  const f = state.facts;
  if (state.stage === 'booked') {
    // "Can we cancel?" was answered already: no "see you at the appointment" after it.
    if (ctx.parts.length === 0) ctx.say('schedule.after');
    return;
  }
  if (state.stage === 'scheduling') {
    continueScheduling(ctx, 'showing');
    return;
  }

  // "sabe qué, mejor no, vamos a esperar": a buyer who takes it back is not asked on. Not when the
  // message says more ("changed my mind, 4 beds") or speaks of a sale ("not selling ours").
  if (
    reading.changedMind &&
    Object.keys(reading.facts).every((k) => BESIDE_A_NO.has(k)) &&
    !SALE_TALK.test(simplify(ctx.text))
  ) {
    ctx.closeOnChangedMind('buyer_changed_mind');
    return;
  }

  if (state.pending === 'schedule.want_visit') {
    if (!DECLINE_VISIT.test(simplify(ctx.text))) {
      startScheduling(ctx, 'showing');
      return;
    }
    state.stage = 'closed';
    state.pending = null;
  }

  const pendingQ = BUYER_QUESTIONS.find((q) => KEY(q) === state.pending);
  const learned = Object.keys(reading.facts).length > 0;
  if (
    pendingQ &&
    !buyerAnswered(f)[pendingQ] &&
    OPTIONAL.includes(pendingQ) &&
    NO_PREFERENCE.test(simplify(ctx.text))
  ) {
    // "No must-haves" and "anywhere is fine" are answers: never ask them again.
    state.skipped = [...state.skipped, KEY(pendingQ)];
  } else if (pendingQ && !buyerAnswered(f)[pendingQ] && (reading.vague || !learned)) {
    state.vague[KEY(pendingQ)] = (state.vague[KEY(pendingQ)] ?? 0) + 1;
  }

  // "Working with Rocket": the lead has a lender already, so none is offered.
  if (reading.facts.financing === 'not_yet')
    ctx.say(f.lender ? 'buyer.lender_known' : 'buyer.lender_offer', { lender: f.lender ?? '' });
  if (reading.twoDeciders) ctx.say('buyer.two_deciders');
  if (reading.marketTiming) ctx.say('buyer.market_timing', {}, { keep: true });
  describeMatches(ctx);

  const temp = buyerTemperature(f, ctx.cfg.thresholds.buyerHotDays);
  const showing = readyForShowing(f, ctx.cfg.thresholds.buyerHotDays);
  if (reading.meetingRequest || (showing && state.stage === 'qualifying')) {
    startScheduling(ctx, 'showing');
    return;
  }
  if (learned && ctx.parts.length === 0 && nextQuestion(ctx, false))
    ctx.say('ack.generic', {}, { variant: state.inbound });
  // A question asked twice is given up on (the agent is told) and the next open one is asked.
  for (let next = nextQuestion(ctx); next; next = nextQuestion(ctx)) {
    ctx.ask(KEY(next.q), next.attempt);
    if (state.pending === KEY(next.q)) return;
  }
  if (temp === 'hot') {
    startScheduling(ctx, 'showing');
    return;
  }
  if (state.stage !== 'closed') {
    state.stage = 'closed';
    state.closedReason = 'qualified';
    ctx.task(
      'Follow up with buyer',
      'The buyer answered the qualifying questions by text; see the fields and the matching homes note.',
      24,
    );
  }
  state.pending = null;
  if (ctx.parts.length === 0) ctx.say('buyer.done', {}, { keep: true, variant: state.inbound });
}

/** The first question not answered nor given up on (after enough vague answers the agent is told). */
function nextQuestion(ctx: TurnContext, record = true): { q: BuyerQuestion; attempt: number } | null {
  return ctx.nextOpen(BUYER_QUESTIONS, buyerAnswered(ctx.state.facts), KEY, record);
}

/** Once the budget and one other need are known: how many homes fit and the best one; all in a note. */
function describeMatches(ctx: TurnContext): void {
  const f = ctx.state.facts;
  const a = buyerAnswered(f);
  if (!a.budget || !(a.beds || a.areas || a.must_haves)) return;
  const needs = buyerNeeds(f);
  const { matches, total } = matchListings(ctx.world.listings, needs, { limit: 50 });
  const key = `${total}:${matches.map((m) => m.listing.id).join(',')}`;
  if (key === ctx.state.matchKey) return;
  ctx.state.matchKey = key;
  ctx.setField('matching_homes', total);
  const best = matches[0];
  if (!best) {
    ctx.say('buyer.matches_none');
    return;
  }
  ctx.say(
    total === 1 ? 'buyer.matches_one' : 'buyer.matches_many',
    { n: total, best: describeMatchShort(best, ctx.lang) },
    { shortParams: { n: total, best: describeMatchBare(best, ctx.lang) } },
  );
  ctx.actions.push({ type: 'add_note', body: formatMatchNote(matches, needs) });
}
