import type { BotsConfig } from '../bots-config.ts';
import { followLanguage } from '../language/index.ts';
import { fold } from '../language/normalize.ts';
import { replaceAmountWords } from '../language/numbers-in-words.ts';
import { type Reading, readMessage } from '../read-message.ts';
import type { ConversationState } from '../state.ts';
import type { TurnContext } from '../turn-context.ts';

// How the turn reads a message in its context: the figure a bare number stands for, and the
// language the reply is written in.

const MONEY: Record<'seller' | 'buyer', { ask: string; slots: readonly string[] }> = {
  seller: { ask: 'seller.price', slots: ['price', 'price_min', 'price_max'] },
  buyer: { ask: 'buyer.budget', slots: ['budget_min', 'budget_max'] },
};

/**
 * With no question pending (the first reply to an outreach, or after an answer that left no room
 * for our question), a bare figure ("950", "550-600") is the one the owning bot collects: the
 * seller's price or the buyer's budget, in digits or in words ("five fifty ish"). Read again in
 * that light only when nothing else was read.
 */
export function readFigure(
  read: Reading,
  text: string,
  state: ConversationState,
  cfg: BotsConfig,
  now: Date,
): Reading {
  if (state.pending !== null || state.owner === 'lead' || Object.keys(read.slots).length > 0) return read;
  // "five fifty ish", "como ochocientos" count as much as "550".
  if (!/\d/.test(text) && !/\d/.test(replaceAmountWords(fold(text)))) return read;
  const money = MONEY[state.owner];
  const again = readMessage(text, money.ask, cfg.neighborhoods, now, state.owner);
  return Object.keys(again.slots).some((k) => money.slots.includes(k)) ? again : read;
}

const BARE_NO = /^(?:no+|nope|nah+|naw|nop|negative|no thanks?|no thank you|no gracias)[\s.!]*$/i;

/**
 * "nope", "no thanks", "nah" as the first reply to an outreach, with no question of ours pending:
 * no to the outreach itself, so the lead is not asked why they sell or what they can spend.
 */
export function readFirstNo(read: Reading, text: string, state: ConversationState): Reading {
  if (state.inbound !== 1 || state.pending !== null) return read;
  if (Object.keys(read.slots).some((k) => k !== 'yes_no')) return read;
  if (read.acts.length !== 1 || read.acts[0]?.act !== 'deny' || !BARE_NO.test(text.trim())) return read;
  return { ...read, acts: [...read.acts, { act: 'objection', type: 'not_interested' }] };
}

// Our last reply spoke of the pre-approval or a lender ("Jorge can connect you with a lender
// when you are ready. What budget…?").
const SPOKE_OF_LENDER = /pre-?approv|pre-?aprob|preaprob|lender|prestamista/i;

/**
 * "do I need to be?", "¿se necesita?" right after we spoke of the pre-approval asks whether it is
 * needed, even when our question had moved on to the budget: read again as an answer to the
 * pre-approval question, and only its question about the pre-approval is taken.
 */
export function readAfterLenderTalk(
  read: Reading,
  text: string,
  state: ConversationState,
  cfg: BotsConfig,
  now: Date,
): Reading {
  if (state.owner === 'seller' || !SPOKE_OF_LENDER.test(state.lastReply ?? '')) return read;
  // Read as asked already: another question beside it ("¿y cuánto de enganche?") is kept.
  if (read.acts.some((a) => a.act === 'question' && a.topic === 'preapproval_needed')) return read;
  const loose = (a: Reading['acts'][number]) =>
    a.act === 'question' && (a.topic === 'process' || a.topic === 'other');
  // "¿se necesita para ver casas?" may have been taken for a vague answer to our new question.
  const unread =
    /\?\s*$/.test(text) &&
    !read.acts.some((a) => a.act === 'question') &&
    Object.keys(read.slots).length === 0;
  if (!read.acts.some(loose) && !unread) return read;
  const again = readMessage(text, 'buyer.financing', cfg.neighborhoods, now, state.owner);
  const needed = again.acts.find((a) => a.act === 'question' && a.topic === 'preapproval_needed');
  if (!needed) return read;
  const kept = read.acts.filter((a) => !loose(a) && !(unread && a.act === 'answer'));
  return { ...read, acts: [...kept, needed] };
}

/** The reply follows the lead: the language they asked for, else the one they write in. */
export function chooseLanguage(state: ConversationState, text: string, reading: Reading): void {
  const asked = reading.slots.language_switch;
  if (asked) state.facts = { ...state.facts, language: asked };
  if (state.facts.language) {
    state.lang = state.facts.language;
    return;
  }
  // A short aside in the other language ("like in march" in a Spanish conversation) is no switch;
  // a lead who chose Spanish and mixes in English ("nope, not yet preapproved") keeps Spanish.
  const words = text.split(/\s+/).length;
  if (state.inbound === 1 || words >= (state.lang === 'es' ? 6 : 4))
    state.lang = followLanguage(text, state.lang);
}

/** "Can we talk in English?" is answered by doing it: said once, in the language asked for. */
export function acknowledgeLanguage(ctx: TurnContext): void {
  if (!ctx.reading.slots.language_switch) return;
  ctx.say('language.switched', {}, { keep: true });
  ctx.audit('question_answered', { topic: 'other', source: 'language_switch' });
  // The switch was the question: nothing is left for the agent to answer.
  ctx.reading = {
    ...ctx.reading,
    acts: ctx.reading.acts.filter((a) => a.act !== 'question' || a.topic !== 'other'),
  };
}
