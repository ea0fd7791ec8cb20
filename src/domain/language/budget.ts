import { type MoneyMention, type MoneyOptions, scanMoney } from './money.ts';
import { clauseAfter, clauseBefore } from './normalize.ts';

/** A buyer's price range in dollars. A single figure is a ceiling: "450k" → { max: 450000 }. */
export interface Budget {
  min?: number;
  max?: number;
}

/** Home prices in the market fall in this band; anything else is rent, a fee or a typo. */
export const MIN_HOME_PRICE = 20_000;
export const MAX_HOME_PRICE = 100_000_000;

const NOT_A_PRICE_AFTER =
  /^\s*(?:down|(?:as a |for (?:the |a )?)?down ?payment|de enganche|enganche|a month|per month|monthly|\/mo|mo\b|al mes|mensual|a year|per year|in savings|saved|ahorrad|in equity|de equity|of equity|income|salary)/;
// `\s*(?:(?:about|…)\s*)?$`, never `\s*(?:about|…)?\s*$`: two adjacent `\s*` try every split
// of a run of spaces.
const NOT_A_PRICE_BEFORE =
  /\b(?:down payment(?: of)?|enganche(?: de)?|rent(?: is)?|renta(?: de)?|make|earn|income(?: of)?|salary(?: of)?|gano|saved|ahorrado|deposit(?: of)?|hoa(?: is| of)?)\s*(?:(?:about|around|like|~|\$)\s*)?$/;
const MAX_BEFORE =
  /(?:\b(?:under|below|(?<!\bno |\bnot )less than|no more than|not more than|not over|nothing (?:over|above|more than)|no higher than|not above|up to|upto|max(?:imum)?(?: of| is)?|at most|cap(?:ped)? at|top(?: end)?(?: of| is)?|ceiling(?: of| is)?|limit(?: of| is)?|hasta|menos de|no mas de|maximo(?: de)?|como maximo|a lo mucho|debajo de|por debajo de)|<)\s*(?:(?:about|around|like|~|\$)\s*)?$/;
const MAX_AFTER =
  /^\s*(?:tops|max(?:imum)?|or less|or under|or below|at most|at the most|is (?:my|our|the) (?:max|limit|ceiling|cap|top)|o menos|maximo|como maximo|a lo mucho)\b/;
const MIN_BEFORE =
  /(?:\b(?:at least|(?<!\bno |\bnot |\bnothing )(?:over|above|more than)|minimum(?: of)?|min|starting at|no less than|not less than|not under|desde|al menos|por lo menos|mas de|minimo(?: de)?|arriba de)|>)\s*(?:(?:about|around|like|~|\$)\s*)?$/;
const MIN_AFTER =
  /^\s*(?:\+|or more|or (?:above|higher|up)|and up|plus|minimum|min|o mas|para arriba|minimo)/;
const RANGE_OPEN = /\b(?:between|from|entre|de)\s*(?:(?:about|around|\$)\s*)?$/;
const RANGE_JOIN = /^\s*(?:-|to|and|or|y|a|o|hasta)\s*(?:(?:about|around|\$)\s*)?$/;

type Role = 'max' | 'min' | 'plain';

/** Amounts that could be a home's price (not a down payment, rent or income). */
export function homePrices(text: string, mentions: MoneyMention[]): MoneyMention[] {
  return mentions.filter(
    (m) =>
      m.amount >= MIN_HOME_PRICE &&
      m.amount <= MAX_HOME_PRICE &&
      !NOT_A_PRICE_AFTER.test(clauseAfter(text, m.end)) &&
      !NOT_A_PRICE_BEFORE.test(clauseBefore(text, m.start)),
  );
}

/** A pair of consecutive amounts written as a range ("400-500k", "between 400 and 500"). */
export function findRange(text: string, prices: MoneyMention[]): [MoneyMention, MoneyMention] | null {
  for (let i = 0; i + 1 < prices.length; i++) {
    const a = prices[i]!;
    const b = prices[i + 1]!;
    const join = text.slice(a.end, b.start);
    if (
      RANGE_JOIN.test(join) ||
      (RANGE_OPEN.test(clauseBefore(text, a.start)) && /^\s*(?:and|y|a)\s*/.test(join))
    ) {
      return a.amount <= b.amount ? [a, b] : [b, a];
    }
  }
  return null;
}

function roleOf(text: string, m: MoneyMention): Role {
  const before = clauseBefore(text, m.start);
  const after = clauseAfter(text, m.end);
  if (MAX_BEFORE.test(before) || MAX_AFTER.test(after)) return 'max';
  if (MIN_BEFORE.test(before) || MIN_AFTER.test(after)) return 'min';
  return 'plain';
}

/**
 * A buyer's budget: "450k" → max; "under 400k", "no more than 500k", "hasta 500 mil" → max;
 * "at least 400k", "over 400" → min; "between 400 and 500", "400-500k", "entre 400 y 500 mil" → both.
 * Down payments, rent and monthly figures are ignored. Returns {} when no budget is stated.
 */
export function extractBudget(text: string, options: MoneyOptions = {}): Budget {
  const scan = scanMoney(text, options);
  const prices = homePrices(scan.text, scan.mentions);
  const range = findRange(scan.text, prices);
  if (range) return { min: range[0].amount, max: range[1].upTo ?? range[1].amount };
  const band = prices.find((m) => m.upTo !== undefined);
  if (band?.upTo !== undefined) return { min: band.amount, max: band.upTo };
  let max: number | undefined;
  let min: number | undefined;
  let plain: number | undefined;
  for (const m of prices) {
    const role = roleOf(scan.text, m);
    if (role === 'max') max ??= m.amount;
    else if (role === 'min') min ??= m.amount;
    // With two loose figures ("approved for 600k, want to stay around 550k") the lower is the safe ceiling.
    else plain = plain === undefined ? m.amount : Math.min(plain, m.amount);
  }
  if (max === undefined && plain !== undefined && (min === undefined || plain > min)) max = plain;
  const budget: Budget = {};
  if (min !== undefined && (max === undefined || min <= max)) budget.min = min;
  if (max !== undefined) budget.max = max;
  return budget;
}
