import { readKeywords } from '../compliance/keywords.ts';
import { sentences } from '../compliance/text.ts';
import { simplify } from '../language/normalize.ts';
import { MAX_PLAN_MONTHS } from '../language/timeline.ts';
import { isVague } from '../language/vague.ts';
import { type ActModel, fillActs, SHIPPED_ACT_MODEL } from './act-classifier.ts';
import { readMoneySlots } from './money-slots.ts';
import { isNoise, readStanceActs, turnsAround } from './objections.ts';
import { prepare } from './objections-text.ts';
import { readOtherSlots } from './other-slots.ts';
import { readQuestionActs } from './questions.ts';
import { readTimelineMonths } from './timeline-slot.ts';
import type { Act, AskedQuestion, Slots, Understanding, UtteranceContext } from './types.ts';

/**
 * Reads one lead message into every dialogue act it carries plus the slot values it states (the
 * corpus vocabulary: eval/corpus/README.md). Keywords (STOP/HELP/START) come from the
 * deterministic compliance reader; slots from the number, date and word readers; questions,
 * objections and feelings from their readers. Pure and fast: the same text and context always
 * read the same.
 */
const OWN_PLACE =
  /\b(?:thats|that is|its|it is) where (?:the|my|our) (?:house|home|place|property) is\b|\bthats where (?:we|i) (?:live|own)\b|\b(?:ahi|alli|alla) (?:esta|tenemos|tengo) (?:la|mi|nuestra) (?:casa|propiedad)\b|\b(?:ahi|alli|alla) (?:vivimos|vivo)\b|\b(?:la|mi|nuestra) casa esta (?:ahi|alli|alla)\b|\b(?:the|my|our) (?:house|home|place) is (?:there|in it)\b/;

export function readUtterance(
  text: string,
  ctx: UtteranceContext,
  model: ActModel | null = SHIPPED_ACT_MODEL,
): Understanding {
  const slots: Slots = {
    ...readOtherSlots(text, ctx),
    ...readMoneySlots(text, ctx),
  };
  const monthsRead = readTimelineMonths(text, ctx);
  // "retiring after 31 years" counts years behind: more than ten years out is no plan.
  if (monthsRead !== undefined && monthsRead <= MAX_PLAN_MONTHS) slots.timeline_months = monthsRead;

  const acts: Act[] = readKeywords(text).map((kind) => ({ act: 'keyword', kind }) as Act);
  acts.push(...readQuestionActs(text, ctx));
  const stance = readStanceActs(text, ctx);
  if (stance.yes_no) slots.yes_no = stance.yes_no;
  // What the rules did not read, the trained classifier may (questions, objections, feelings).
  if (model !== null && !isNoise(text)) {
    // A lead who states facts, or turns a no around ("...but if you can get us retail lets talk"),
    // is talking to us: no objection from the classifier.
    const statesFacts =
      Object.keys(slots).some((k) => k !== 'yes_no' && k !== 'language_switch') || turnsAround(text);
    for (const a of fillActs([...acts, ...stance.acts], text, { ...ctx, statesFacts }, model)) {
      if (a.act === 'question') {
        const i = acts.findIndex((x) => x.act === 'question' && x.topic === 'other');
        if (i >= 0) acts.splice(i, 1);
        acts.push(a);
      } else stance.acts.push(a);
    }
  }

  // "like 5 and a half? is that even realistic in rancho", "anything under 500 in upland?": the
  // lead's own figure makes the place theirs, even in a question about its prices.
  // "how's the market in Fontana? that's where the house is" says so in words.
  const ownFigure = [slots.price, slots.budget_max, slots.price_min].some((v) => v !== undefined);
  if (
    slots.area !== undefined &&
    ctx.lastQuestion !== 'area' &&
    !ownFigure &&
    !OWN_PLACE.test(simplify(text)) &&
    placeIsAskedAbout(acts, stance.acts)
  )
    delete slots.area;
  // "wrong person, I want to buy a house in Etiwanda" states plans of the lead's own: the lead
  // reached the wrong bot, not a wrong number.
  // "ni comprar ni vender, se equivocaron de número" and "wrong number bud, nobody looking for houses
  // here" name buying without a plan of the lead's own.
  if (slots.intent !== undefined) {
    const plain = simplify(text);
    if (OWN_PLAN.test(plain) && !NEITHER.test(plain))
      stance.acts = stance.acts.filter((a) => !isWrongNumber(a));
  }
  if (stance.acts.some(isClosingNo)) {
    delete slots.timeline_months;
    delete slots.intent;
  }
  // "this was his phone", "I don't own anything in Rancho": the number is someone else's, so
  // nothing in the message is about the lead's own plans.
  if (stance.acts.some(isWrongNumber)) {
    delete slots.area;
    delete slots.motivation;
  }
  // "3 texts in one day is too much": a complaint about our texts dates nothing; "FEBRUARY. do you
  // people even read the texts" still answers with the sentence that is not the complaint.
  if (stance.acts.some((a) => a.act === 'objection' && a.type === 'stop_texting')) {
    const dated =
      ctx.lastQuestion === 'timeline'
        ? sentences(text)
            .filter((s) => !COMPLAINT_WORDS.test(s))
            .map((s) => readTimelineMonths(s, ctx))
            .find((m) => m !== undefined)
        : undefined;
    if (dated === undefined) delete slots.timeline_months;
    else slots.timeline_months = dated;
  }
  // "not for at least 2 years", "ahorita no, a lo mejor en un año": a plan two years out, or a
  // "not now" that puts it a year or more away, is too early, however it is worded.
  const months = slots.timeline_months;
  if (
    months !== undefined &&
    (months >= 24 || (months >= 12 && stance.acts.some((a) => a.act === 'deny'))) &&
    !stance.acts.some((a) => a.act === 'objection')
  )
    stance.acts.push({ act: 'objection', type: 'too_early' });
  const stated = Object.keys(slots).some((k) => k !== 'yes_no' && k !== 'language_switch');
  if (stated || answersPending(text, ctx.lastQuestion, stance.acts, acts)) acts.push({ act: 'answer' });
  const meaningful = acts.length > 0 || stance.acts.some((a) => a.act !== 'other');
  acts.push(...stance.acts.filter((a) => a.act !== 'other' || !meaningful));
  if (acts.length === 0) acts.push({ act: 'other' });
  return { acts, slots };
}

const OWN_PLAN = /\b(?:i|we|im|were|my|our|me|us|yo|quiero|queremos|busco|buscamos|mi|nuestra)\b/;
const NEITHER = /\bni (?:comprar|vender) ni (?:comprar|vender)\b|\bneither\b/;

// Words of a complaint about our messages: a sentence with one of them dates nothing.
const COMPLAINT_WORDS =
  /\b(?:texts?|texting|messages?|msgs?|mensajes?|textos?|read|reads|leen|lee|asked|ask|asking|pregunt\w*|times?|veces|day|dia|week|semana)\b/;

// "How's the market in Upland?", "we opened escrow on a townhouse in Corona": the city is the
// market asked about or where the lead already bought, not where their home is or where they
// want to buy. (Asking about a city's schools or safety does show interest in it.)
const PLACE_TOPICS = new Set(['market']);
function placeIsAskedAbout(questions: readonly Act[], stance: readonly Act[]): boolean {
  return (
    questions.some((a) => a.act === 'question' && PLACE_TOPICS.has(a.topic)) ||
    stance.some((a) => a.act === 'objection' && a.type === 'already_bought')
  );
}

// "listed with another agent, closes in 3 weeks", "we're selling it ourselves, if it doesn't sell
// in 30 days maybe": a no that takes the lead elsewhere states no plan of theirs with us, so the
// dates and the buy/sell wording in it are someone else's sale.
const CLOSING_NOS = new Set([
  'has_agent',
  'listed_with_other',
  'already_bought',
  'already_sold',
  'not_interested',
  'not_selling_anymore',
  'wrong_number',
]);
const isWrongNumber = (a: Act) => a.act === 'objection' && a.type === 'wrong_number';
const isClosingNo = (a: Act) => a.act === 'objection' && CLOSING_NOS.has(a.type);

// Questions a yes or no answers: a "yes" to "are you pre-approved?" is an answer; a "yes" to an
// appointment offer is a confirmation, and to "buy or sell?" it says nothing.
const YES_NO_ANSWERS = new Set<AskedQuestion>([
  'preapproval',
  'timeline',
  'motivation',
  'condition',
  'needs',
]);

/** "idk", "no rush", "not sure yet" answer the pending question without giving a value. */
function answersPending(
  text: string,
  asked: AskedQuestion | null,
  stance: readonly Act[],
  others: readonly Act[],
): boolean {
  if (asked === null || asked === 'appointment' || asked === 'buy_or_sell') return false;
  if (others.some((a) => a.act === 'question' || a.act === 'keyword')) return false;
  if (WITHHOLDS.test(prepare(text).flat)) return false;
  if (stance.some((a) => a.act === 'affirm' || a.act === 'deny')) return YES_NO_ANSWERS.has(asked);
  // "todavía es muy pronto" to "when are you thinking?" answers it: not soon.
  if (stance.some((a) => a.act === 'objection'))
    return asked === 'timeline' && stance.every((a) => a.act !== 'objection' || a.type === 'too_early');
  if (isVague(text)) return true;
  // Whatever else follows a pending question is the lead's answer to it in their own words
  // ("single story pls, my mom lives w us", "when our lease is up", "no hay prisa"), unless it
  // is only a reaction, a refusal to say, a meeting time, or a complaint with nothing in it.
  if (others.some((a) => a.act === 'scheduling' || a.act === 'identity_question')) return false;
  if (stance.some((a) => a.act === 'feeling' && a.kind === 'anger')) return false;
  return !isNoise(text);
}

// "prefer not to say", "I'll tell you in person", "that's personal": the lead declines to answer.
const WITHHOLDS =
  /\b(?:(?:prefer|rather|like) not (?:to )?(?:say|share|tell|give|disclose|answer)|not (?:telling|saying|sharing)|(?:thats|its) (?:personal|private|none of your)|(?:tell|say) (?:you )?in person|none of your business|prefiero no (?:decir|decirlo|compartir)|no (?:le |te )?(?:voy a )?(?:digo|decir)|es personal)\b/;
