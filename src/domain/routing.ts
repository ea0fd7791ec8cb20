import type { BotsConfig } from './bots-config.ts';
import type { BotName } from './conversation.ts';
import type { ConversationState, Facts } from './state.ts';
import { TurnContext } from './turn-context.ts';

const has = (tags: readonly string[], wanted: readonly string[]) =>
  tags.some((t) => wanted.some((w) => w.toLowerCase() === t.toLowerCase()));

/** The bot the tags ask for, or null when they name none or conflict. */
export function botFromTags(tags: readonly string[], cfg: BotsConfig): BotName | null {
  const buyer = has(tags, cfg.tags.buyerActivation);
  const seller = has(tags, cfg.tags.sellerActivation);
  if (buyer && seller) return null;
  if (buyer) return 'buyer';
  if (seller) return 'seller';
  return null;
}

function activationTags(bot: BotName, cfg: BotsConfig): string[] {
  return bot === 'buyer'
    ? cfg.tags.buyerActivation
    : bot === 'seller'
      ? cfg.tags.sellerActivation
      : cfg.tags.leadActivation;
}

/**
 * Who owns this turn. A new conversation follows its tags (no bot tag → Lead). An existing owner
 * stands when tags conflict; it changes only when the tags now name one other bot and no longer
 * carry the owner's own tag (the agent re-tagged the contact in the CRM).
 */
export function resolveOwner(
  state: ConversationState,
  isNew: boolean,
  tags: readonly string[],
  cfg: BotsConfig,
): BotName {
  const tagged = botFromTags(tags, cfg);
  if (isNew) return tagged ?? 'lead';
  if (tagged && tagged !== state.owner && !has(tags, activationTags(state.owner, cfg))) return tagged;
  return state.owner;
}

/**
 * Moves the conversation to another bot: swaps the activation tags, adds Handoff-<From>-to-<To>,
 * keeps every collected fact. Refused when the same two bots swapped within the cooldown.
 */
export function handOff(ctx: TurnContext, to: BotName): boolean {
  const from = ctx.state.owner;
  if (from === to) return true;
  const cooldownMs = ctx.cfg.thresholds.handoffCooldownMinutes * 60_000;
  const recent = ctx.state.handoffs.some(
    (h) =>
      ((h.from === from && h.to === to) || (h.from === to && h.to === from)) &&
      ctx.now.getTime() - Date.parse(h.at) < cooldownMs,
  );
  if (recent) return false;
  // Selling and buying: the contact keeps both sides' tags, so the agent sees both in the CRM.
  if (ctx.state.facts.intent !== 'both' || from === 'lead') ctx.removeTags(...activationTags(from, ctx.cfg));
  const toTags = activationTags(to, ctx.cfg);
  const tag = ctx.cfg.tags.handoff
    .replace('{from}', TurnContext.label(from))
    .replace('{to}', TurnContext.label(to));
  ctx.addTags(toTags[toTags.length - 1]!, tag);
  ctx.state.handoffs = [...ctx.state.handoffs, { from, to, at: ctx.now.toISOString() }].slice(-10);
  ctx.state.owner = to;
  ctx.state.pending = null;
  ctx.state.stage = 'qualifying';
  ctx.state.schedule = null;
  ctx.audit('handoff', { from, to });
  return true;
}

// Facts that answer the current owner's own questions: a message carrying them is still about
// the owner's side ("relocating to Texas where we'll buy" is a seller's motivation).
const OWN_FACTS: Record<'buyer' | 'seller', (keyof Facts)[]> = {
  seller: ['motivation', 'condition', 'priceExpectation', 'address', 'offerPath'],
  buyer: ['budgetMin', 'budgetMax', 'financing', 'beds', 'baths', 'mustHaves', 'areas'],
};
const SOMEONE_ELSE = /\b(?:neighbou?rs?|friends?|his|her|their|vecin[oa]s?|amig[oa]s?)\b/i;

/**
 * Mid-conversation handoff: the Buyer bot's lead now clearly wants to sell (or the other way
 * round), about their own home, and is not in the middle of booking. Null to stay put.
 */
export function handoffTarget(ctx: TurnContext): BotName | null {
  const { state, reading } = ctx;
  const owner = state.owner;
  if (owner === 'lead' || state.stage === 'scheduling' || state.stage === 'booked') return null;
  if (reading.intent.confidence < 0.8) return null;
  const to = reading.intent.intent === 'sell' ? 'seller' : reading.intent.intent === 'buy' ? 'buyer' : null;
  if (to === null || to === owner) return null;
  if (SOMEONE_ELSE.test(ctx.text)) return null;
  // "Decided not to sell, we just want to buy a bigger place" leaves the owner's side for good.
  if (!reading.changedMind && OWN_FACTS[owner].some((k) => reading.facts[k] !== undefined)) return null;
  return to;
}
