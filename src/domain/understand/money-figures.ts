import { matchesOf } from '../language/matches.ts';
import { MAX_HOME_PRICE, MIN_HOME_PRICE } from '../language/budget.ts';
import { type BandPart, type MoneyMention, type MoneyOptions, scanMoney } from '../language/money.ts';
import { clauseAfter, clauseBefore } from '../language/normalize.ts';
import {
  APPROVAL_BEFORE,
  BUY_WORDS,
  CLEARS_DEBT_BEFORE,
  COST_WORDS,
  DEBT_OR_PAST_BEFORE,
  ESTIMATE,
  FIRST_PERSON,
  FLOOR_AFTER,
  FLOOR_BEFORE,
  MAX_AFTER,
  MAX_BEFORE,
  MIN_AFTER,
  MIN_BEFORE,
  NEGATED_BEFORE,
  NOT_PRICE_AFTER,
  NOT_PRICE_BEFORE,
  OBJECT_OF_BEFORE,
  OTHERS,
  QUESTION_OPENS,
  QUESTION_START,
  RANGE_AND,
  RANGE_COMMA,
  RANGE_HEDGE,
  RANGE_JOIN,
  RANGE_OPEN,
  REJECTED_AFTER,
  SELL_WORDS,
  SET_ASIDE_LATER,
  STRETCH_BEFORE,
  YEAR_AFTER,
} from './money-cues.ts';

/** What the words around a figure make of it. */
export type Role = 'plain' | 'max' | 'min' | 'floor' | 'stretch' | 'approval';

/**
 * Whose figure it is: the lead's own, a debt or past purchase of theirs, someone else's (a
 * neighbour's sale, a friend's opinion), an online estimate, or a figure the lead turned down
 * ("not 700", "650 is too low").
 */
export type Owner = 'own' | 'debt' | 'other' | 'estimate' | 'rejected';

export type Side = 'buy' | 'sell';

/** One dollar amount of a message, with what its words say about it. */
export interface Figure {
  amount: number;
  start: number;
  end: number;
  role: Role;
  owner: Owner;
  /** Inside a question about some house ("what would the payment be on 700k?"). */
  hypothetical: boolean;
  /** The nearest buy or sell word before it in the message, if any. */
  side: Side | null;
  /** The first buy or sell word after it, if any. */
  sideAfter: Side | null;
  band?: { part: BandPart; base: number };
}

/** Consecutive figures the lead wrote as one statement: a single value or a range. */
export interface Statement {
  first: Figure;
  /** The upper end of a range. */
  last?: Figure;
}

export interface MoneyReading {
  /** The folded text the offsets point into. */
  text: string;
  figures: Figure[];
}

const SENTENCE_BREAK = /[.!?;\n]/g;
// "600k, but idk how much we need for closing": what follows a contrast is another thought.
const CONTRAST = /,|\b(?:but|pero)\b/;
const CLAUSE_BREAK = /[.!?;,\n]/g;
const SENTENCE_END = /[.!?;\n]/;

const NO_AFTER = /^\s*(?:,\s*)?(?:no|nope|no way|ni loco|ni loca)\b(?!\s+(?:mas|more|pasa|pasamos))/;

function roleOf(before: string, after: string): Role {
  if (APPROVAL_BEFORE.test(before)) return 'approval';
  if (STRETCH_BEFORE.test(before)) return 'stretch';
  if (FLOOR_BEFORE.test(before) || FLOOR_AFTER.test(after) || CLEARS_DEBT_BEFORE.test(before)) return 'floor';
  // "menos de 700 no", "less than 700, no": the ceiling turned down is a floor.
  if (MAX_BEFORE.test(before) && NO_AFTER.test(after)) return 'floor';
  if (MAX_BEFORE.test(before) || MAX_AFTER.test(after)) return 'max';
  if (MIN_BEFORE.test(before) || MIN_AFTER.test(after)) return 'min';
  return 'plain';
}

const RATES_US =
  /\b(?:has|have|had|puts?|pegs?|shows?|values?|valued|lists?|estimates?) (?:us|me|ours|mine|our (?:house|home|place)|my (?:house|home|place)) (?:at|around|near|about)\b/g;

/**
 * Who was named before the figure, when the lead has not come back to "I/we" since: an online
 * estimate or someone else; null when the figure is the lead's.
 */
const LEAD_USES_THEM =
  /(?:\b(?:i|we) (?:told|gave|put|entered|typed|said to|put in|wrote on|wrote in)(?: on| in| to)? |\b(?:after|from|based on|going by|looking at) (?:looking at |seeing |checking |the |some ){0,3})$/;

const CONCLUDES = /\bso (?:(?:somewhere|something|maybe|probably|prob) )*(?:(?:around|about|like) )?$/;

function someoneElse(before: string): 'other' | 'estimate' | null {
  const plain = before.replace(/'/g, '');
  let last: RegExpExecArray | null = null;
  for (const m of matchesOf(OTHERS, plain)) last = m;
  if (last === null) return null;
  // "we told zillow 675", "after looking at comps, 699": the lead's own figure, named to or from them.
  if (LEAD_USES_THEM.test(plain.slice(Math.max(0, last.index - 40), last.index))) return null;
  // "the people two doors down got 710 so somewhere around 700": the lead's own conclusion.
  if (CONCLUDES.test(plain)) return null;
  // "Zillow has us at 742", "the appraiser put ours at 700": the lead as the object is still theirs.
  const since = plain.slice(last.index + last[0].length).replace(RATES_US, ' ');
  if (FIRST_PERSON.test(since)) return null;
  return ESTIMATE.test(last[0]) ? 'estimate' : 'other';
}

// How far around a figure its sentence is looked for: a bound keeps long messages linear.
const REACH = 200;

function startOf(text: string, index: number, breaks: RegExp): number {
  const from = Math.max(0, index - REACH);
  let start = from;
  for (const m of matchesOf(breaks, text.slice(from, index))) start = from + m.index + 1;
  return start;
}

/** The figure sits in a question that prices something else from it. */
function isHypothetical(text: string, m: MoneyMention, before: string): boolean {
  const rest = text.slice(m.end, m.end + REACH);
  const endAt = rest.search(SENTENCE_END);
  const sentence = text.slice(
    startOf(text, m.start, SENTENCE_BREAK),
    m.end + (endAt < 0 ? rest.length : endAt),
  );
  // "750, pero ¿cuánto tardaría?": a Spanish question opens after the figure, which stays a statement.
  // "no menos de 650, y cuánto cobra Jorge?", "600k, but how much are closing costs?": a question
  // that opens after the figure, in a clause of its own, asks about something else.
  const asks =
    QUESTION_START.test(text.slice(startOf(text, m.start, CLAUSE_BREAK), m.start)) ||
    (rest[endAt] === '?' &&
      !rest.slice(0, endAt).includes('¿') &&
      !QUESTION_OPENS.test(rest.slice(0, endAt)));
  return asks && (COST_WORDS.test(sentence) || OBJECT_OF_BEFORE.test(before));
}

function ownerOf(before: string, after: string, thisYear: number): Owner {
  if (NEGATED_BEFORE.test(before) || REJECTED_AFTER.test(after)) return 'rejected';
  const other = someoneElse(before);
  if (other) return other;
  if (DEBT_OR_PAST_BEFORE.test(before)) return 'debt';
  const year = YEAR_AFTER.exec(after)?.[1];
  return year !== undefined && Number(year) < thisYear ? 'debt' : 'own';
}

function sidesOf(text: string): { at: number; side: Side }[] {
  const buy = matchesOf(BUY_WORDS, text).map((m) => ({ at: m.index, side: 'buy' as const }));
  const sell = matchesOf(SELL_WORDS, text).map((m) => ({ at: m.index, side: 'sell' as const }));
  return [...buy, ...sell].sort((a, b) => a.at - b.at);
}

// "we've lost 5 offers in a row. FIVE.": a lone digit that repeats a count said before is emphasis.
const LONE_DIGIT_SENTENCE = /(?:^|[.!?]\s*)$/;
const LONE_DIGIT_END = /^\s*(?:[.!?]|$)/;
const COUNT_OF_THINGS = /\b(\d) [a-z]+s\b/g;
function repeatsCount(text: string, m: MoneyMention): boolean {
  const digit = text.slice(m.start, m.end);
  if (!/^\d$/.test(digit)) return false;
  if (!LONE_DIGIT_SENTENCE.test(text.slice(Math.max(0, m.start - 3), m.start))) return false;
  if (!LONE_DIGIT_END.test(text.slice(m.end, m.end + 3))) return false;
  return matchesOf(COUNT_OF_THINGS, text.slice(0, m.start)).some((c) => c[1] === digit);
}

// "whats your commission though, im not paying 6": beside talk of commission a lone digit is a percent.
const COMMISSION = /\b(?:commission|commissions|comision|comisiones|percent|por ciento)\b|%/;
function isPercent(text: string, m: MoneyMention): boolean {
  return /^\d$/.test(text.slice(m.start, m.end)) && COMMISSION.test(text);
}

function isHomePrice(text: string, m: MoneyMention, next: MoneyMention | undefined): boolean {
  const untilNext = text.slice(m.end, Math.min(m.end + 40, next?.start ?? text.length));
  return (
    !repeatsCount(text, m) &&
    !isPercent(text, m) &&
    m.amount >= MIN_HOME_PRICE &&
    m.amount <= MAX_HOME_PRICE &&
    !NOT_PRICE_AFTER.test(clauseAfter(text, m.end)) &&
    !NOT_PRICE_BEFORE.test(clauseBefore(text, m.start)) &&
    !SET_ASIDE_LATER.test(clauseAfter(untilNext, 0).split(CONTRAST)[0] ?? '')
  );
}

export interface ReadFiguresOptions {
  /** The bot just asked for a price or a budget: a bare "650" or "like 9" is an amount. */
  asked: boolean;
  /** The year the message arrived: a figure "in 2019" is from the past. */
  year: number;
  readWords?: MoneyOptions['readWords'];
}

/** Every home-price figure of a message with its role and owner. */
export function readFigures(text: string, options: ReadFiguresOptions): MoneyReading {
  const { asked, readWords } = options;
  const scan = scanMoney(text, readWords ? { justAsked: asked, readWords } : { justAsked: asked });
  const norm = scan.text;
  const sides = sidesOf(norm);
  let nextSide = 0;
  const figures = scan.mentions
    .filter((m, i, all) => isHomePrice(norm, m, all[i + 1]))
    .map((m): Figure => {
      const before = clauseBefore(norm, m.start);
      const after = clauseAfter(norm, m.end);
      const role = roleOf(before, after);
      // Mentions come in order, so one walk over the buy/sell words finds the nearest ones.
      while (nextSide < sides.length && sides[nextSide]!.at < m.start) nextSide++;
      let next = nextSide;
      while (next < sides.length && sides[next]!.at <= m.end) next++;
      const figure: Figure = {
        amount: m.amount,
        start: m.start,
        end: m.end,
        role,
        owner: ownerOf(clauseBefore(norm, m.start, 80), after, options.year),
        hypothetical: (role === 'plain' || role === 'floor') && isHypothetical(norm, m, before),
        side: sides[nextSide - 1]?.side ?? null,
        sideAfter: sides[next]?.side ?? null,
      };
      if (m.band) figure.band = m.band;
      return figure;
    });
  return { text: norm, figures };
}

/** Two figures written as a range: "700-750", "between 700 and 750", "a million, a million one". */
function joinsAsRange(text: string, a: Figure, b: Figure): boolean {
  if (a.band || b.band) return false;
  const join = text.slice(a.end, b.start);
  if (RANGE_JOIN.test(join) || RANGE_HEDGE.test(join)) return true;
  if (RANGE_AND.test(join)) return RANGE_OPEN.test(clauseBefore(text, a.start, 24));
  return RANGE_COMMA.test(join) && b.amount > a.amount && b.amount <= a.amount * 1.5;
}

/** Groups figures (already filtered to the ones that count) into single values and ranges. */
export function statementsOf(text: string, figures: Figure[]): Statement[] {
  const out: Statement[] = [];
  for (let i = 0; i < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1];
    if (b && joinsAsRange(text, a, b)) {
      out.push(a.amount <= b.amount ? { first: a, last: b } : { first: b, last: a });
      i++;
    } else {
      out.push({ first: a });
    }
  }
  return out;
}
