import { handOff } from '../routing.ts';
import type { TurnContext } from '../turn-context.ts';

const SELL_FIRST = /\b(?:sell(?:ing)? first|sell|selling|vender primero|vender|venta)\b/i;
const BUY_FIRST = /\b(?:buy(?:ing)? first|buy|buying|purchase|comprar primero|comprar|compra)\b/i;

/** Which side the facts point to when the lead never said "buy" or "sell" outright. */
function intentFromFacts(ctx: TurnContext): 'buy' | 'sell' | null {
  const f = ctx.reading.facts;
  // Timing ("asap", "in 2 months") fits buyers and sellers alike, so it points to neither; so does
  // a bare figure read both as a price and as a budget ("under 500k").
  const budget = f.budgetMax ?? f.budgetMin;
  const bareFigure = budget !== undefined && budget === f.priceExpectation;
  const sellSide = [f.motivation, f.condition, bareFigure ? undefined : f.priceExpectation, f.offerPath].some(
    (x) => x !== undefined,
  );
  const buySide = [bareFigure ? undefined : budget, f.financing, f.beds, f.mustHaves].some(
    (x) => x !== undefined,
  );
  if (sellSide && !buySide) return 'sell';
  if (buySide && !sellSide) return 'buy';
  return null;
}

/**
 * The Lead bot: greets in persona, finds out buy or sell, and hands over as soon as the intent is
 * clear (the new bot asks its first question in the same reply, via `route`).
 */
export function decideLead(ctx: TurnContext, route: (to: 'buyer' | 'seller') => void): void {
  const { state, reading } = ctx;
  let intent = reading.intent.confidence >= 0.6 ? reading.intent.intent : 'other';
  // "sell. what's my house worth?" then "its a 4/3 in Etiwanda": the side already said stands; the
  // rooms describe the lead's own home.
  const known = state.facts.intent === 'sell' || state.facts.intent === 'buy' ? state.facts.intent : null;
  if (intent === 'other') intent = known ?? intentFromFacts(ctx) ?? 'other';

  if (state.pending === 'lead.first' || state.facts.intent === 'both') {
    const sell = SELL_FIRST.test(ctx.text);
    const buy = BUY_FIRST.test(ctx.text);
    if (sell !== buy) {
      state.facts.firstStep = sell ? 'sell' : 'buy';
      if (handOff(ctx, sell ? 'seller' : 'buyer')) {
        route(sell ? 'seller' : 'buyer');
        return;
      }
    }
  }
  if (state.pending === 'lead.first' && intent === 'other') {
    // Both is known, only the order is not: ask that again in other words, never buy-or-sell.
    const tries = (state.vague['lead.first'] ?? 0) + 1;
    state.vague['lead.first'] = tries;
    // Still undecided: start with the sale, which usually has to fund the purchase.
    if (tries >= ctx.cfg.thresholds.vagueRetries && handOff(ctx, 'seller')) {
      route('seller');
      return;
    }
    ctx.ask('lead.ask_first', tries);
    state.pending = 'lead.first';
    return;
  }
  if (intent === 'both') {
    state.facts.intent = 'both';
    ctx.ask('lead.ask_first', state.vague['lead.first'] ?? 0);
    state.pending = 'lead.first';
    return;
  }
  if (intent === 'buy' || intent === 'sell') {
    // Selling and buying stays both: the side spoken of now is where the lead starts.
    if (state.facts.intent === 'both') state.facts.firstStep ??= intent;
    else state.facts.intent = intent;
    const to = intent === 'sell' ? 'seller' : 'buyer';
    if (handOff(ctx, to)) {
      route(to);
      return;
    }
  }

  // Still unclear: greet the first time, then ask buy or sell in other words.
  if (state.pending === 'lead.intent') state.vague['lead.intent'] = (state.vague['lead.intent'] ?? 0) + 1;
  // The opener introduces the assistant, unless this reply already answered who is writing.
  const introduced = ctx.events.some(
    (e) => e.action === 'question_answered' && e.detail.topic === 'identity',
  );
  if (state.inbound <= 1 && state.lastReply === null && !introduced) {
    if (reading.adOrReferral) ctx.say('lead.thanks_contact');
    const name = ctx.contact.firstName ? ` ${ctx.contact.firstName}` : '';
    ctx.say('lead.greet', { name }, { keep: true });
    state.pending = 'lead.intent';
    return;
  }
  if (reading.adOrReferral || reading.greeting)
    ctx.say('lead.thanks_contact', {}, { variant: state.inbound });
  ctx.ask('lead.ask_intent', state.vague['lead.intent'] ?? 0);
  state.pending = 'lead.intent';
}
