import type { TurnContext } from './turn-context.ts';

const MISUNDERSTOOD_LIMIT = 3;

/** Nothing in the message could be used: no fact, no cue, not even a vague answer. */
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
