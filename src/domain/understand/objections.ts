import { detectHarassment } from '../compliance/harassment.ts';
import { opensWithGreeting } from '../language/cues.ts';
import { readFeelings } from './feelings.ts';
import { asksAt, type Prepared, prepare } from './objections-text.ts';
import { EVERYDAY_OBJECTION_RULES } from './objections-everyday.ts';
import { HOLIDAY_OBJECTION_RULES, NOT_THE_TIME, PASSES } from './objections-holidays.ts';
import { MORE_OBJECTION_RULES } from './objections-paraphrases.ts';
import { PLAIN_OBJECTION_RULES } from './objections-plain.ts';
import { RETURNING_OBJECTION_RULES } from './objections-returning.ts';
import { OBJECTION_RULES as BASE_RULES, type ObjectionRule, SEARCH_FOLLOWS } from './objections-patterns.ts';

const OBJECTION_RULES: readonly ObjectionRule[] = [
  ...BASE_RULES,
  ...MORE_OBJECTION_RULES,
  ...EVERYDAY_OBJECTION_RULES,
  ...PLAIN_OBJECTION_RULES,
  ...RETURNING_OBJECTION_RULES,
  ...HOLIDAY_OBJECTION_RULES,
];
import { isNoise, readPolarity } from './polarity.ts';
import { rememberRead } from './remember-read.ts';
import type { Act, ObjectionType, UtteranceContext } from './types.ts';

export { isNoise } from './polarity.ts';

const BOUGHT_THROUGH =
  /\bbought (?:thru|through|with|w) (?:another|an|a|some other|a different) (?:agent|realtor)\b/;
// Words that, among the three before a match, turn it around: "I don't have an agent",
// "no tengo agente", "we never listed with anyone", "the tenants won't stop texting him".
const NEGATORS = new Set(
  'dont not no never without didnt doesnt havent hasnt hadnt nor ni sin nunca wont cant cannot couldnt isnt arent wasnt need needs if'.split(
    ' ',
  ),
);
// Words that may stand around a whole-clause reply without changing it ("later, thanks").
const FILLER = new Set(
  'thanks thank please lol sorry haha jaja bro man dude tho though gracias ok bye sir pues bueno hmm um well honestly tbh either anymore maybe probably quizas'.split(
    ' ',
  ),
);
const FILLER_PAIRS = new Set(['thank you', 'for now', 'right now', 'at all', 'tal vez']);

function stripFiller(clause: string): string {
  const words = clause.split(' ');
  let from = 0;
  let to = words.length;
  for (;;) {
    if (to - from >= 2 && FILLER_PAIRS.has(`${words[from]} ${words[from + 1]}`)) from += 2;
    else if (from < to && FILLER.has(words[from] ?? '')) from += 1;
    else if (to - from >= 2 && FILLER_PAIRS.has(`${words[to - 2]} ${words[to - 1]}`)) to -= 2;
    else if (to > from && FILLER.has(words[to - 1] ?? '')) to -= 1;
    else break;
  }
  return words.slice(from, to).join(' ');
}

// "this isn't Kevin", "I'm not Maria": a name the sender is not, capitalised as written.
const NOT_NAME =
  /\b(?:(?:[Tt]his|[Ii]t|I['\u2019]?m|I am)(?: is)? (?:isn['\u2019]?t|is not|ain['\u2019]?t|not)|[Nn]o soy|[Nn]o es) (\p{Lu}\p{Ll}+)\b/u;
const NOT_A_NAME = new Set(
  'interested sure ready selling buying looking going moving home here there the a an my what that this it true correct right'.split(
    ' ',
  ),
);

const ENDS_LOOKING = /looking$/;
// "just curious what it's worth": curiosity that goes on to ask something is a question.
const ENDS_CURIOUS = /curious$/;
const ASKS_AFTER =
  /^ (?:(?:really|honestly|tho|though) )?(?:what|whats|how|hows|if|whether|to (?:know|see|hear)|wanna know|want to know)\b/;
const OUT_THERE = /^ (?:whats|what is|what s) (?:out there|available)\b/;
const NEVER = /\b(?:never|nunca|not ever)\b/;
// "appreciate it but not selling": a bare "not selling" with nothing about a change of plan is a
// plain no; "not selling anymore", "decided we're not selling" drop a plan.
// "not selling", "i'm not selling anything": a no, not a plan dropped ("kids talked me out of it").
const BARE_NOT_SELLING =
  /(?:^|\b(?:but|im|i am|were|we are|and) )not selling\b|\bnot selling (?:ever|period|anything|to anyone|to you)\b/;
const PLAN_DROPPED =
  /\b(?:anymore|any more|after all|no longer|no more|decided|changed|change|instead|staying|keep|keeping|now|talked (?:me|us|him|her) out)\b/;

const GLOBAL = new Map(OBJECTION_RULES.map((rule) => [rule, new RegExp(rule.pattern.source, 'g')]));

// A "no" that answers before the sentence goes on negates nothing: "no, we already have an
// agent", "no thanks, we bought already".
const REPLY_AFTER_NO = new Set(
  'we i were im thanks thank gracias but sir actually ya already lo nosotros yo'.split(' '),
);

/** Whether one of the three words before the match, in its own clause, turns it around. */
function negated(p: Prepared, index: number): boolean {
  const clause = p.clauses.find((c) => index >= c.start && index <= c.end);
  const words = p.flat
    .slice(clause?.start ?? 0, index)
    .trimEnd()
    .split(' ');
  const from = Math.max(0, words.length - 3);
  for (let i = from; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!NEGATORS.has(word)) continue;
    if (word === 'no' && REPLY_AFTER_NO.has(words[i + 1] ?? '')) continue;
    return true;
  }
  return false;
}

const clauseTextsOf = new WeakMap<Prepared, readonly string[]>();

/** Each clause as written and without its filler, for the whole-clause rules (found once). */
function clauseTexts(p: Prepared): readonly string[] {
  let texts = clauseTextsOf.get(p);
  if (!texts) {
    texts = p.clauses.flatMap((c) => {
      const clause = p.flat.slice(c.start, c.end);
      return [clause, stripFiller(clause)];
    });
    clauseTextsOf.set(p, texts);
  }
  return texts;
}

function allowed(rule: ObjectionRule, ctx: UtteranceContext, p: Prepared): boolean {
  if (rule.after && !rule.after.includes(ctx.lastQuestion)) return false;
  if (rule.notFor?.includes(ctx.bot)) return false;
  if (rule.requires && !rule.requires.test(p.flat)) return false;
  return rule.unless?.test(p.flat) !== true;
}

function ruleMatches(rule: ObjectionRule, p: Prepared): boolean {
  if (rule.whole) return clauseTexts(p).some((clause) => rule.pattern.test(clause));
  // The plain test is cheap; the walk over every match runs only when there is one.
  if (!rule.pattern.test(p.flat)) return false;
  const global = GLOBAL.get(rule);
  if (!global) return true;
  global.lastIndex = 0;
  for (let m = global.exec(p.flat); m; m = global.exec(p.flat)) {
    if (m[0] === '') global.lastIndex += 1;
    if (rule.negatable && negated(p, m.index)) continue;
    if (rule.statement && asksAt(p, m.index)) continue;
    const end = m.index + m[0].length;
    if (rule.type === 'just_looking' && ENDS_LOOKING.test(m[0]) && SEARCH_FOLLOWS.test(p.flat.slice(end))) {
      continue;
    }
    const after = p.flat.slice(end);
    if (
      rule.type === 'just_looking' &&
      ENDS_CURIOUS.test(m[0]) &&
      ASKS_AFTER.test(after) &&
      !OUT_THERE.test(after)
    )
      continue;
    return true;
  }
  return false;
}

const TOO_SOON = /\btoo soon\b(?! to\b)/;

// A no told as the past and then turned around: "our listing with remax expired and we still want
// to sell", "we tried selling ourselves, way too much work. ready for a pro", "my cousin is a
// realtor but i dont want to mix family and money", "we almost sold but the buyer backed out",
// "not interested in a lowball cash offer but if you can get us retail lets talk".
const TURNED_AROUND =
  /\b(?:(?:still|really|do|definitely) (?:want|wanna|need|plan|looking|hoping) to (?:sell|list|buy)|ready (?:for a pro|for an agent|for a realtor|to list|to sell|to go|to move forward)|lets talk|let s talk|(?:can|should|could) talk|(?:listing|contract|agreement) (?:with [a-z]+ )?(?:expired|ended|ran out|fell through|was cancell?ed)(?! (?:but|and|so) (?:were|we are|im|i am) (?:going|gone) back)|(?:deal|sale|escrow|buyer|buyers|offer|contract|it) (?:fell through|fell apart|backed out|walked away|didnt close|did not close)|(?:dont|do not) want to mix (?:family|business|friends)|(?:todavia|aun|si) (?:queremos|quiero) (?:vender|comprar|listar)|(?:platiquemos|hablemos))\b/;
const NARROWS_SEARCH =
  /\bsending (?:me |us )?(?:stuff|houses|homes|listings|properties|things|ones|condos|places|casas)(?: [a-z]+){0,2} (?:in|from|near|around|over in|out in|en|de|por) [a-z]+/;
// "my neighbor listed with a discount broker", "mi vecina vendió con Redfin": someone else's sale.
const OTHERS_LISTED =
  /\b(?:neighbou?rs?|friends?|coworkers?|co workers?|sister|brother|cousin|uncle|aunt|boss|vecin[oa]s?|amig[oa]s?|compadre|comadre)(?: (?:just|already|recently|ya))? (?:listed|sold|went with|used|paid|listo|vendio|vendieron|uso)\b/;
const OWN_LISTING =
  /\b(?:we|i|ive|weve|were|im)(?: (?:just|already|have|had|are))? (?:listed|signed|went with|listing)\b|\b(?:our|my) (?:house|home|place|condo|property) (?:is|s|was) (?:listed|on the market)\b/;
const MORTGAGE_TALK =
  /\b(?:approved|approval|pre ?approved|preapproved|loan|mortgage|lender|preaprobad[oa]s?|prestamo)\b/;
const AGENT_NAMED = /\b(?:realtor|agent|real estate|agente|bienes raices)\b/;

/** The message turns a no around and goes on with us; no closing objection is read in it. */
export function turnsAround(text: string): boolean {
  return TURNED_AROUND.test(prepare(text).flat);
}
const TURNED_AROUND_TYPES: readonly ObjectionType[] = [
  'has_agent',
  'listed_with_other',
  'already_sold',
  'not_interested',
  'not_selling_anymore',
];

/** The objections a message makes, most specific first; "no thanks" alone is not_interested. */
export function readObjections(text: string, ctx: UtteranceContext): ObjectionType[] {
  const p = prepare(text);
  const found = new Set<ObjectionType>();
  const soft = new Set<ObjectionType>();
  for (const rule of OBJECTION_RULES) {
    if (found.has(rule.type) || !allowed(rule, ctx, p) || !ruleMatches(rule, p)) continue;
    (rule.soft ? soft : found).add(rule.type);
  }
  if (detectHarassment(text)) found.add('hostile');
  if (NOT_NAME.exec(text) && !found.has('wrong_number')) {
    const name = NOT_NAME.exec(text)?.[1] ?? '';
    if (!NOT_A_NAME.has(name.toLowerCase())) found.add('wrong_number');
  }
  // "Listed with an agent" names an agent too; for a seller the listing is what matters, and a
  // buyer who "signed with another agent" has an agent (a buyer lists nothing).
  if (found.has('listed_with_other') && ctx.bot === 'buyer') {
    found.delete('listed_with_other');
    found.add('has_agent');
  }
  if (OTHERS_LISTED.test(p.flat) && !OWN_LISTING.test(p.flat)) found.delete('listed_with_other');
  if (found.has('listed_with_other')) found.delete('has_agent');
  // "already bought thru another agent": the purchase closes it; the agent only says how.
  if (found.has('already_bought') && BOUGHT_THROUGH.test(p.flat)) found.delete('has_agent');
  if (found.has('not_selling_anymore') && BARE_NOT_SELLING.test(p.flat) && !PLAN_DROPPED.test(p.flat)) {
    found.delete('not_selling_anymore');
    found.add('not_interested');
  }
  if (found.has('not_selling_anymore')) found.delete('not_interested');
  // Someone who does not own the house has no timing to give; "not now, maybe never" is a no.
  if (found.has('wrong_number')) found.delete('too_early');
  if (found.has('not_interested') && NEVER.test(p.flat)) found.delete('too_early');
  // "no, that's too soon for us" to the seller's "would selling within 30 to 45 days work?"
  // declines the date offered; it does not put the sale off ("too soon to say" still does).
  if (ctx.bot === 'seller' && ctx.lastQuestion === 'timeline' && TOO_SOON.test(p.flat))
    found.delete('too_early');
  // "not selling anytime soon, maybe in 2 years": a no for now with a later date is too early.
  if (found.has('not_interested') && PASSES.test(p.flat) && !NOT_THE_TIME.test(p.flat))
    found.delete('too_early');
  if (found.has('too_early')) found.delete('not_interested');
  // "looking not buying lol": only looking, which says no to buying now.
  if (found.has('just_looking') && !NEVER.test(p.flat)) found.delete('not_interested');
  if (TURNED_AROUND.test(p.flat)) for (const type of TURNED_AROUND_TYPES) found.delete(type);
  // "pls stop sending me stuff in Fontana, I want Upland": the search narrowed, not the texts.
  if (found.has('stop_texting') && NARROWS_SEARCH.test(p.flat)) found.delete('stop_texting');
  // "approved with UWM thru my broker": a mortgage broker is no agent.
  if (found.has('has_agent') && MORTGAGE_TALK.test(p.flat) && !AGENT_NAMED.test(p.flat))
    found.delete('has_agent');
  if (found.size === 0) for (const type of soft) found.add(type);
  return [...found];
}

/**
 * The lead's stance in one message: objections, feelings, a greeting, a yes or a no (with the
 * yes_no slot when it answers a yes/no question), or "other" when the message is only thanks,
 * laughter or filler. Questions, scheduling, keywords and slot answers are read elsewhere.
 */
export const readStanceActs = rememberRead(readStance, (stance) => ({
  ...stance,
  acts: stance.acts.map((act) => ({ ...act })),
}));

function readStance(text: string, ctx: UtteranceContext): { acts: Act[]; yes_no?: 'yes' | 'no' } {
  const acts: Act[] = [];
  if (opensWithGreeting(text)) acts.push({ act: 'greeting' });
  const polarity = readPolarity(text, ctx);
  if (polarity) acts.push({ act: polarity.act });
  for (const type of readObjections(text, ctx)) acts.push({ act: 'objection', type });
  for (const kind of readFeelings(text, ctx)) acts.push({ act: 'feeling', kind });
  if (acts.length === 0 && isNoise(text)) acts.push({ act: 'other' });
  return polarity?.yes_no ? { acts, yes_no: polarity.yes_no } : { acts };
}
