import type { Temperature } from '../conversation.ts';
import type { ConversationState, Facts } from '../state.ts';

/**
 * Lead score 0-100 from real signals, each capped:
 *   intent clarity (25) + timeline (25) + readiness (25: financing, motivation, or a sale within
 *   three months when selling, alone or with buying) + engagement (25).
 * Hot ≥ 80, Warm 40-79, Cold < 40 (thresholds come from the bots config).
 */
export function leadScore(
  facts: Facts,
  state: Pick<ConversationState, 'inbound'> & { owner?: ConversationState['owner'] },
): number {
  // A lead the Buyer or Seller bot owns (by tag or handoff) has a clear intent even if never typed.
  const owned = state.owner === 'buyer' || state.owner === 'seller';
  const intent =
    facts.intent === 'buy' || facts.intent === 'sell' || facts.intent === 'both' || owned ? 25 : 0;

  let timeline = 0;
  if (facts.timelineAcceptable === true) timeline = 25;
  else if (facts.horizon === 'within_30') timeline = 25;
  else if (facts.horizon === 'within_90') timeline = 20;
  else if (facts.horizon === 'within_year') timeline = 10;
  else if (facts.timelineAcceptable === false) timeline = 8;
  else if (facts.horizon === 'over_year') timeline = 3;

  let readiness = 0;
  if (facts.financing === 'pre_approved' || facts.financing === 'cash') readiness = 25;
  else if (facts.financing === 'in_process') readiness = 15;
  else if (facts.financing === 'not_yet') readiness = 5;
  // A seller needs no loan: selling within three months is the readiness a buyer's approval is.
  const soon =
    facts.timelineAcceptable === true || facts.horizon === 'within_30' || facts.horizon === 'within_90';
  if ((facts.intent === 'sell' || facts.intent === 'both') && soon) readiness = Math.max(readiness, 20);
  if (facts.motivation) {
    const urgent = ['relocation', 'divorce', 'inherited', 'financial_distress'].includes(facts.motivation);
    readiness = Math.max(readiness, urgent ? 25 : 20);
  }

  const answered = [
    facts.priceExpectation,
    facts.condition,
    facts.address,
    facts.budgetMax ?? facts.budgetMin,
    facts.beds,
    facts.areas?.length ? facts.areas : undefined,
    facts.mustHaves?.length ? facts.mustHaves : undefined,
  ].filter((x) => x !== undefined).length;
  const engagement = Math.min(25, Math.min(state.inbound, 4) * 3 + answered * 4);

  let score = intent + timeline + readiness + engagement;
  if (facts.horizon === 'just_looking') score = Math.min(score, 30);
  return Math.max(0, Math.min(100, score));
}

export function temperatureOf(score: number, t: { leadHot: number; leadWarm: number }): Temperature {
  return score >= t.leadHot ? 'hot' : score >= t.leadWarm ? 'warm' : 'cold';
}
