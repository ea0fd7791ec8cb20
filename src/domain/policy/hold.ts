import type { SoldComp } from '../cma/types.ts';
import { isBackIn } from '../language/cues.ts';
import { silencingTags } from '../human-takeover.ts';
import { type ConversationState, QUALIFYING_FACTS } from '../state.ts';
import type { TurnContext } from '../turn-context.ts';
import type { Act } from '../understand/types.ts';
import { DEFAULT_OBJECTION_POLICIES } from './objections.ts';
import { answerQuestions } from './questions.ts';

// What the bot does with a message while it holds back: the lead said no, or the bot itself handed
// the conversation to a person. Nothing here solicits: no qualifying question, no follow-up promise.

/**
 * Escalations of ours after which a calm lead who goes on answering is answered again: anger that
 * has passed, a bereaved seller who goes on with the sale after the condolences ("my mom passed
 * in the spring, the house is just sitting there" then "want it done by end of january"), and a
 * seller behind on payments who goes on with the sale ("we got the trustee sale notice, its set
 * for jan 22" then "its good, we kept it nice", "we owe 390"): for them the days count. Probate, a
 * lawsuit or a lawyer stays with the agent, a legal matter for a person. The agent keeps the task
 * either way.
 */
const RESUMABLE = new Set([
  'anger',
  'grief',
  'distress:foreclosure',
  'distress:short_sale',
  'distress:bankruptcy',
]);
/** Holds lifted only by an answer to a qualifying question itself, not by any detail. */
const ON_ANSWER = new Set([...RESUMABLE].filter((why) => why !== 'anger'));
/** The hold value once the lead went on after one of ours: the bot carries on as before. */
export const RESUMED = 'resumed';

/** The lead said no (an objection, or changed their mind): the conversation was closed on it. */
export function closedByNo(state: ConversationState): boolean {
  const why = state.closedReason;
  if (state.stage !== 'closed' || !why) return false;
  return why === 'changed_mind' || why in DEFAULT_OBJECTION_POLICIES;
}

/** A no that disqualifies the lead for now: the contact is cold whatever facts it gave before. */
export function disqualified(state: ConversationState): boolean {
  return closedByNo(state) && state.closedReason !== 'stop_texting' && state.closedReason !== 'just_looking';
}

/** The message asks us something. */
export function asksSomething(ctx: TurnContext): boolean {
  return ctx.reading.acts.some((a) => a.act === 'question');
}

/**
 * Answers the lead's questions and nothing more: a knowledge-base answer, or "I'll have <agent>
 * answer that" with a task. No address is asked for, no next question follows.
 */
export function answerOnly(ctx: TurnContext, comps: readonly SoldComp[]): boolean {
  if (!asksSomething(ctx) && !ctx.reading.acts.some(movesAppointment)) return false;
  const before = ctx.parts.length;
  answerQuestions(ctx, comps, { ask: false });
  return ctx.parts.length > before;
}

export type SilentMove = 'resume' | 'answer' | 'quiet';

/** No anger, objection or keyword in the message: a lead the bot may go on with. */
function calm(ctx: TurnContext): boolean {
  return !ctx.reading.acts.some(
    (a) => (a.act === 'feeling' && a.kind === 'anger') || a.act === 'objection' || a.act === 'keyword',
  );
}

/**
 * While the bot is silent: `resume` when our own hold for anger meets a lead who is calm again and
 * answering; `answer` (questions only) when the silence is ours (a no the bot closed on, or our own
 * escalation while it waits for the agent); `quiet` otherwise: opted out, a person took over, the
 * AI was switched off, or someone paused the contact.
 */
export function silentMove(ctx: TurnContext, paused: boolean): SilentMove {
  const { state, cfg } = ctx;
  const tags = silencingTags(cfg.tags).filter((t) => ctx.hasTag(t));
  const onlyNoSolicit = tags.length === 1 && tags[0]?.toLowerCase() === cfg.tags.doNotSolicit.toLowerCase();
  const held = state.held ?? null;
  // An angry "too many texts" both closed the questions and told the agent: answering calmly lifts both.
  const ownComplaint = onlyNoSolicit && state.closedReason === 'stop_texting';
  if (paused && (tags.length === 0 || ownComplaint) && held) {
    const answering = ownComplaint ? backAfterComplaint(ctx) : goesOn(ctx, held);
    if (calm(ctx) && (held === RESUMED || (RESUMABLE.has(held) && answering))) return 'resume';
    return 'answer';
  }
  if (!paused && onlyNoSolicit) return newSide(ctx) || backAfterComplaint(ctx) ? 'resume' : 'answer';
  if (!paused && movesOwnBooking(ctx)) return 'answer';
  return 'quiet';
}

/**
 * The lead answers again: after grief or a seller's money trouble, one of the qualifying questions
 * itself, not any detail.
 */
function goesOn(ctx: TurnContext, held: string): boolean {
  if (ON_ANSWER.has(held)) return answersQualifying(ctx);
  return Object.keys(ctx.reading.facts).length > 0;
}

/**
 * Booked by text, the bot switched itself off (AI-Off) for the agent: "something came up, can we do
 * wednesday instead?" still hears that the agent will move it, and the agent gets the calendar task.
 */
export function movesOwnBooking(ctx: TurnContext): boolean {
  const { state, cfg } = ctx;
  if (state.stage !== 'booked') return false;
  const silencing = silencingTags(cfg.tags).filter((t) => ctx.hasTag(t));
  if (silencing.length !== 1) return false;
  if (silencing[0]?.toLowerCase() !== cfg.tags.aiOff.toLowerCase()) return false;
  return ctx.reading.acts.some(
    (a) =>
      movesAppointment(a) || (a.act === 'question' && (a.topic === 'reschedule' || a.topic === 'cancel')),
  );
}

const movesAppointment = (a: Act) =>
  a.act === 'scheduling' && (a.kind === 'reschedule' || a.kind === 'cancel');

/**
 * Closed because they already bought (or sold), the lead now brings the other side of the move to
 * us: "we already bought lol" then "but now we gotta sell the old house". That is a new lead, the
 * one a realtor most wants, not a no.
 */
const OTHER_SIDE: Record<string, 'sell' | 'buy'> = { already_bought: 'sell', already_sold: 'buy' };
function newSide(ctx: TurnContext): boolean {
  const side = OTHER_SIDE[ctx.state.closedReason ?? ''];
  const { intent, confidence } = ctx.reading.intent;
  return side !== undefined && confidence >= 0.8 && (intent === side || intent === 'both');
}

/**
 * "you guys texted me 5 times today" closed the questions; "fine. divorce. need it gone by end of
 * january" is the lead choosing to go on. A calm message that answers (no objection, keyword or
 * anger in it) lifts the hold; questions alone are still only answered.
 */
function backAfterComplaint(ctx: TurnContext): boolean {
  if (ctx.state.closedReason !== 'stop_texting') return false;
  // A person was asked for (or must answer) since: the lead waits for them, not for the bot.
  const held = ctx.state.held;
  if (held && held !== RESUMED && !RESUMABLE.has(held)) return false;
  // Answers to the questions themselves, not details around a question of theirs ("its a 3 bed
  // off Hellman" after "stop asking me so many questions and just tell me what it's worth").
  return calm(ctx) && answersQualifying(ctx);
}

/** The message answers one of the qualifying questions itself, not only a detail around them. */
function answersQualifying(ctx: TurnContext): boolean {
  return QUALIFYING_FACTS.some((key) => ctx.reading.facts[key] !== undefined);
}

/**
 * "we already bought" then "now we gotta sell the old house": the no is lifted, and the purchase
 * that closed the conversation is the reason for the sale. After a complaint about the texts, the
 * lead who goes on answering is qualified again where the questions stopped.
 */
function reopenForOtherSide(ctx: TurnContext): void {
  const { state } = ctx;
  ctx.removeTags(ctx.cfg.tags.doNotSolicit);
  if (state.closedReason === 'already_bought') state.facts.motivation ??= 'bought_another';
  if (state.closedReason === 'stop_texting') state.stage = 'qualifying';
  state.closedReason = null;
}

/**
 * The bot goes on after holding back: a closed lead's no is lifted (the other side of their move,
 * or answers after a complaint about the texts), and our own hold is marked as resumed.
 */
export function resumeAfterHold(ctx: TurnContext, silentReason: string): void {
  const reopen =
    silentReason.toLowerCase() === ctx.cfg.tags.doNotSolicit.toLowerCase() ||
    ctx.state.closedReason === 'stop_texting';
  if (reopen) reopenForOtherSide(ctx);
  if (!reopen || ctx.state.held) ctx.state.held = RESUMED;
}

/**
 * A lead who said no and now clearly wants to buy, sell or both again reopens the conversation;
 * so does one who takes the no back and tells us about the move ("actually wait, my wife reminded
 * me we need to deal with her mom's place, she's going into memory care").
 */
export function reopens(ctx: TurnContext): boolean {
  const { intent, confidence } = ctx.reading.intent;
  if ((intent === 'sell' || intent === 'buy' || intent === 'both') && confidence >= 0.8) return true;
  return takesNoBack(ctx);
}

/** "Actually wait, …" with something about the move: the no is taken back. */
export function takesNoBack(ctx: TurnContext): boolean {
  return isBackIn(ctx.text) && QUALIFYING_FACTS.some((k) => ctx.reading.facts[k] !== undefined);
}

/** Hours the agent has to act on a message the bot did not answer. */
const SILENT_TASK_HOURS = 4;

/**
 * A message the bot will not answer still reaches a person: a task for the agent, one for each
 * stretch of SILENT_TASK_HOURS (the lead's next texts within it are in the same conversation in
 * the CRM, and a task for each of "wait", "also" and "call me" is noise).
 */
export function notifyWhileSilent(ctx: TurnContext, why: string): void {
  const last = ctx.state.silentTaskAt ? Date.parse(ctx.state.silentTaskAt) : Number.NaN;
  const open = ctx.now.getTime() - last < SILENT_TASK_HOURS * 3_600_000;
  if (!open) {
    ctx.task(
      'Lead wrote while the assistant is silent',
      `The lead wrote while the assistant is not replying (${why}). Their message: "${ctx.text.slice(0, 300)}"`,
      SILENT_TASK_HOURS,
    );
    ctx.state.silentTaskAt = ctx.now.toISOString();
  }
  ctx.audit('inbound_while_silent', { why, task: !open });
}
