import { flatten, wordRegex } from '../compliance/text.ts';
import { simplify } from '../language/normalize.ts';
import type { Act, ObjectionType } from '../understand/types.ts';
import type { TurnContext } from '../turn-context.ts';
import { OBJECTION_POLICIES, type ObjectionPolicy } from './objection-policies.ts';

export { OBJECTION_POLICIES, type ObjectionPolicy };

export const DEFAULT_OBJECTION_POLICIES: Readonly<Record<ObjectionType, ObjectionPolicy>> = {
  has_agent: 'close_for_good',
  listed_with_other: 'close_for_good',
  already_bought: 'close_for_good',
  already_sold: 'close_for_good',
  not_interested: 'close_check_in',
  not_selling_anymore: 'close_check_in',
  wrong_number: 'stop_for_good',
  stop_texting: 'stop_questions',
  hostile: 'calm_close',
  just_looking: 'nurture',
  too_early: 'nurture',
};

/** Closed reasons after which the contact gets at most the one long-horizon check-in. */
export const CHECK_IN_ONLY = new Set(['not_interested', 'not_selling_anymore']);
/** Closed reasons after which the contact gets no follow-up at all. */
export const NO_FOLLOW_UP = new Set([
  'has_agent',
  'listed_with_other',
  'already_bought',
  'already_sold',
  'wrong_number',
  'stop_texting',
  'hostile',
]);

// The strongest objection decides: a lead who "already has an agent" and is "just looking" is closed.
const ORDER: readonly ObjectionPolicy[] = [
  'stop_for_good',
  'close_for_good',
  'calm_close',
  'stop_questions',
  'close_check_in',
  'nurture',
];

export function strongestObjection(
  acts: readonly Act[],
  policies: Partial<Record<ObjectionType, ObjectionPolicy>> = {},
): { type: ObjectionType; policy: ObjectionPolicy } | null {
  let best: { type: ObjectionType; policy: ObjectionPolicy } | null = null;
  for (const a of acts) {
    if (a.act !== 'objection') continue;
    const policy = policies[a.type] ?? DEFAULT_OBJECTION_POLICIES[a.type];
    if (!best || ORDER.indexOf(policy) < ORDER.indexOf(best.policy)) best = { type: a.type, policy };
  }
  return best;
}

/**
 * Applies the policy of the strongest objection in the message. True when the turn is fully
 * handled (the conversation is closed); false lets the bot go on (nurture).
 */
export function handleObjection(ctx: TurnContext): boolean {
  const found = strongestObjection(ctx.reading.acts, ctx.cfg.objections);
  if (!found) return false;
  if (switchesSides(ctx, found.type)) return false;
  const { type, policy } = found;
  const { state, cfg } = ctx;
  // "not selling" then "nah I'm good, thanks": a no no stronger than the one the conversation
  // was closed on is heard, not answered with another close line (the closed state handles it).
  const before = state.stage === 'closed' ? state.closedReason : undefined;
  if (before && before in DEFAULT_OBJECTION_POLICIES) {
    const had =
      cfg.objections?.[before as ObjectionType] ?? DEFAULT_OBJECTION_POLICIES[before as ObjectionType];
    if (ORDER.indexOf(policy) >= ORDER.indexOf(had)) return false;
  }
  if (type === 'stop_texting' && askedAgainWithAnswer(ctx)) {
    // "I've told you 3 times already, we're moving for my husband's job", "you already asked me
    // that. MARCH": the complaint is about being asked twice, and the answer came with it. Sorry,
    // and the conversation goes on; asking the lead to repeat themselves is no reason to stop.
    ctx.audit('objection', { type, policy: 'apologize' });
    ctx.say('objection.asked_again', {}, { keep: true });
    // Said in anger, the agent is told as well (the hold lifts when the lead answers calmly).
    if (ctx.reading.acts.some((a) => a.act === 'feeling' && a.kind === 'anger')) ctx.escalate('anger');
    ctx.reading = {
      ...ctx.reading,
      acts: ctx.reading.acts.filter(
        (a) => a.act !== 'objection' && !(a.act === 'feeling' && a.kind === 'anger'),
      ),
    };
    return false;
  }
  ctx.audit('objection', { type, policy });
  if (policy === 'nurture') {
    // "not right now" and then "maybe in a couple years": the nurture line once, then no more
    // questions this turn (the follow-ups keep in touch).
    const said = state.lastReply ?? '';
    if (NURTURE_LINES.some((key) => said.includes(ctx.phrase(key)))) {
      ctx.say('objection.nurture_again', {}, { keep: true });
      // Closed on it: "ok bye" gets no next question; a lead who comes back with a plan reopens.
      state.pending = null;
      state.stage = 'closed';
      state.closedReason = type;
      if (type === 'just_looking') state.facts.horizon ??= 'just_looking';
      return true;
    }
    ctx.say(`objection.${type}`);
    if (type === 'just_looking') state.facts.horizon ??= 'just_looking';
    return false;
  }
  state.pending = null;
  state.schedule = null;
  state.stage = 'closed';
  state.closedReason = type;
  // "we're listed with Century 21 but it expires Dec 31": no more texts while it is listed, but no
  // "good luck with the sale" either; the agent hears when it ends.
  const ending = type === 'listed_with_other' && LISTING_ENDS.test(flatten(ctx.text));
  ctx.say(ending ? 'objection.listed_with_other_ending' : `objection.${type}`, {}, { keep: true });
  if (ending)
    ctx.task(
      'Listing with another agent ends soon',
      `The lead's listing with another agent ends soon; they may be open to talking once it has ended. Their message: "${ctx.text.slice(0, 300)}"`,
      24,
    );
  if (policy === 'close_for_good') {
    ctx.addTags(cfg.tags.doNotSolicit);
    ctx.setField('disqualified_reason', type);
  } else if (policy === 'stop_for_good') {
    // Not an unsubscribe (the person never subscribed): the number is simply never texted again.
    ctx.addTags(cfg.tags.doNotSolicit, cfg.tags.aiOff);
    ctx.setField('disqualified_reason', type);
  } else if (policy === 'stop_questions') {
    ctx.addTags(cfg.tags.doNotSolicit);
    // "you guys texted me 5 times today wtf": an angry complaint reaches a person too.
    if (ctx.reading.acts.some((a) => a.act === 'feeling' && a.kind === 'anger')) ctx.escalate('anger');
  } else if (policy === 'calm_close') {
    ctx.escalate('hostile');
  }
  return true;
}

const NURTURE_LINES = ['objection.too_early', 'objection.just_looking'];

const LISTING_ENDS = wordRegex(
  'expires|expiring|expire|runs out|ends|ending|is up|vence|se vence|se termina|termina|caduca',
);

const ASKED_AGAIN =
  /\b(?:already (?:told|asked|said|answered|gave)|(?:told|said to) (?:you|u|yall)(?: guys)? (?:[0-9]+|two|three|twice|already|before|that)|you (?:already )?asked (?:me )?(?:that|this) (?:already|before)|(?:ya )?(?:te|le|les) (?:dije|conteste|respondi)|ya (?:me|nos) (?:pregunto|preguntaste|preguntaron)|(?:do|did) (?:you|u|yall)(?: people)? (?:even )?read)\b/;

/** A complaint about being asked twice that carries the answer (a fact the bots keep). */
function askedAgainWithAnswer(ctx: TurnContext): boolean {
  return Object.keys(ctx.reading.facts).length > 0 && ASKED_AGAIN.test(simplify(ctx.text));
}

// "Not selling anymore, we just want to buy" and "wrong person, I want to buy" are a lead on the
// other side, not a no: the handoff takes them to the other bot.
const SIDE_SWITCH = new Set<ObjectionType>([
  'not_selling_anymore',
  'not_interested',
  'wrong_number',
  'just_looking',
]);

function switchesSides(ctx: TurnContext, type: ObjectionType): boolean {
  if (!SIDE_SWITCH.has(type)) return false;
  const { intent, confidence } = ctx.reading.intent;
  const wants = ctx.reading.slots.intent ?? (confidence >= 0.8 ? intent : undefined);
  const owner = ctx.state.owner;
  if (wants === 'buy') return owner !== 'buyer';
  if (wants === 'sell') return owner !== 'seller';
  return wants === 'both' && type === 'wrong_number';
}
