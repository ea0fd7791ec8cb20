import type { BotName } from './conversation.ts';
import { mergeFacts } from './read-message.ts';
import type { Facts } from './state.ts';
import type { TurnContext } from './turn-context.ts';

/** What this message taught, kept on the state (places the lead took back are dropped). */
export function absorb(ctx: TurnContext): void {
  ctx.state.facts = mergeFacts(ctx.state.facts, learned(ctx), ctx.reading.droppedAreas);
}

/** What this message adds to the lead's facts, for the bot that owns the conversation. */
function learned(ctx: TurnContext): Facts {
  const { state, reading } = ctx;
  const both = state.facts.intent === 'both';
  const f = both ? { ...reading.facts, intent: 'both' as const } : reading.facts;
  // "Yeah we might sell" to the seller bot: the side it already handles, now said by the lead.
  const side = state.owner === 'seller' ? 'sell' : state.owner === 'buyer' ? 'buy' : null;
  const says = reading.intent.intent === side && reading.intent.confidence >= 0.6;
  if (side && says && f.intent === undefined && state.facts.intent === undefined)
    return factsFor(state.owner, { ...f, intent: side });
  return factsFor(state.owner, f);
}

/** A seller's price is not a buyer's budget and the other way round. */
export function factsFor(owner: BotName, f: Facts): Facts {
  // Selling and buying: the sale price and the buying budget are both the lead's, kept apart. A
  // message with both, told apart ("ours is worth 750, we'd spend up to 950"), says so too.
  const budget = f.budgetMax ?? f.budgetMin;
  const twoFigures =
    f.priceExpectation !== undefined && budget !== undefined && budget !== f.priceExpectation;
  if (f.intent === 'both' || twoFigures) return f;
  const out = { ...f };
  if (owner === 'seller') {
    delete out.budgetMin;
    delete out.budgetMax;
  }
  if (owner === 'buyer') delete out.priceExpectation;
  return out;
}
