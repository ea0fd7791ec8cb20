import type { TurnContext } from './turn-context.ts';

const MISUNDERSTOOD_LIMIT = 3;

/** What a bot answers or acts on: a message carrying one was understood, facts or not. */
const UNDERSTOOD_ACTS = new Set([
  'question',
  'objection',
  'scheduling',
  'identity_question',
  'keyword',
  'feeling',
]);

/** Nothing in the message could be used: no fact, no cue, not even a vague answer or a question. */
function misunderstood(ctx: TurnContext, screenedAway: boolean): boolean {
  const r = ctx.reading;
  if (r.code || r.mash) return true;
  if (screenedAway) return false;
  return (
    Object.keys(r.facts).length === 0 &&
    !r.vague &&
    !r.greeting &&
    !r.changedMind &&
    !r.adOrReferral &&
    !r.meetingRequest &&
    !r.marketTiming &&
    r.intent.intent === 'other' &&
    !r.acts.some((a) => UNDERSTOOD_ACTS.has(a.act)) &&
    ctx.state.stage === 'qualifying'
  );
}

/**
 * After the bots: conversations a bot must not carry on alone go to a person. Three
 * misunderstandings in a row, or a price/budget at or above the high-value threshold (once).
 * The reply becomes the persona's holding message.
 */
export function applyEscalationRules(ctx: TurnContext, screenedAway: boolean): void {
  const { state } = ctx;
  if (ctx.escalation || ctx.compliance) return;
  state.misunderstood = misunderstood(ctx, screenedAway) ? state.misunderstood + 1 : 0;
  if (state.misunderstood >= MISUNDERSTOOD_LIMIT) {
    state.misunderstood = 0;
    ctx.holdingMessage();
    ctx.escalate('misunderstood', { turns: MISUNDERSTOOD_LIMIT });
    return;
  }
  const value = Math.max(state.facts.priceExpectation ?? 0, state.facts.budgetMax ?? 0);
  if (value >= ctx.cfg.thresholds.highValue && !state.highValueEscalated) {
    state.highValueEscalated = true;
    ctx.holdingMessage();
    ctx.escalate('high_value', { value });
  }
}
