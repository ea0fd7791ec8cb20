import { MAX_HOME_PRICE, MIN_HOME_PRICE } from '../language/budget.ts';
import { type BandPart, type MoneyMention, type MoneyOptions, scanMoney } from '../language/money.ts';
import { clauseAfter, clauseBefore } from '../language/normalize.ts';
import {
  APPROVAL_BEFORE,
  BUY_WORDS,
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
  OTHERS,
  QUESTION_START,
  RANGE_AND,
  RANGE_COMMA,
  RANGE_HEDGE,
  RANGE_JOIN,
  RANGE_OPEN,
  REJECTED_AFTER,
  SELL_WORDS,
  STRETCH_BEFORE,
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
  /** Where the message says buy/sell words, in order. */
  sides: { at: number; side: Side }[];
}

const SENTENCE_BREAK = /[.!?;\n]/g;

function roleOf(before: string, after: string): Role {
  if (APPROVAL_BEFORE.test(before)) return 'approval';
  if (STRETCH_BEFORE.test(before)) return 'stretch';
  if (MAX_BEFORE.test(before) || MAX_AFTER.test(after)) return 'max';
  if (FLOOR_BEFORE.test(before) || FLOOR_AFTER.test(after)) return 'floor';
  if (MIN_BEFORE.test(before) || MIN_AFTER.test(after)) return 'min';
  return 'plain';
}

/**
 * Who was named before the figure, when the lead has not come back to "I/we" since: an online
 * estimate or someone else; null when the figure is the lead's.
 */
function someoneElse(before: string): 'other' | 'estimate' | null {
  const plain = before.replace(/'/g, '');
  let last: RegExpExecArray | null = null;
  for (const m of plain.matchAll(OTHERS)) last = m;
  if (last === null || FIRST_PERSON.test(plain.slice(last.index + last[0].length))) return null;
  return ESTIMATE.test(last[0]) ? 'estimate' : 'other';
}

function sentenceStart(text: string, index: number): number {
  let start = 0;
  for (const m of text.slice(0, index).matchAll(SENTENCE_BREAK)) start = m.index + 1;
  return start;
}

function ownerOf(before: string, after: string): Owner {
  if (NEGATED_BEFORE.test(before) || REJECTED_AFTER.test(after)) return 'rejected';
  if (DEBT_OR_PAST_BEFORE.test(before)) return 'debt';
  return someoneElse(before) ?? 'own';
}

function sidesOf(text: string): { at: number; side: Side }[] {
  const buy = [...text.matchAll(BUY_WORDS)].map((m) => ({ at: m.index, side: 'buy' as const }));
  const sell = [...text.matchAll(SELL_WORDS)].map((m) => ({ at: m.index, side: 'sell' as const }));
  return [...buy, ...sell].sort((a, b) => a.at - b.at);
}

function isHomePrice(text: string, m: MoneyMention): boolean {
  return (
    m.amount >= MIN_HOME_PRICE &&
    m.amount <= MAX_HOME_PRICE &&
    !NOT_PRICE_AFTER.test(clauseAfter(text, m.end)) &&
    !NOT_PRICE_BEFORE.test(clauseBefore(text, m.start))
  );
}

/**
 * Every home-price figure of a message with its role and owner. `asked` is true when the bot
 * just asked for a price or a budget, so that a bare "650" or "like 9" is read as an amount.
 */
export function readFigures(
  text: string,
  asked: boolean,
  readWords?: MoneyOptions['readWords'],
): MoneyReading {
  const scan = scanMoney(text, readWords ? { justAsked: asked, readWords } : { justAsked: asked });
  const norm = scan.text;
  const sides = sidesOf(norm);
  const figures = scan.mentions
    .filter((m) => isHomePrice(norm, m))
    .map((m): Figure => {
      const before = clauseBefore(norm, m.start);
      const after = clauseAfter(norm, m.end);
      const role = roleOf(before, after);
      const sentence = norm.slice(sentenceStart(norm, m.start), m.start);
      const side = sides.filter((s) => s.at < m.start).at(-1)?.side ?? null;
      const figure: Figure = {
        amount: m.amount,
        start: m.start,
        end: m.end,
        role,
        owner: ownerOf(clauseBefore(norm, m.start, 80), after),
        hypothetical: QUESTION_START.test(sentence) && (role === 'plain' || role === 'floor'),
        side,
      };
      if (m.band) figure.band = m.band;
      return figure;
    });
  return { text: norm, figures, sides };
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
