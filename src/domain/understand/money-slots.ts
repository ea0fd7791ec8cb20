import { matchesOf } from '../language/matches.ts';
import type { MoneyOptions } from '../language/money.ts';
import { clauseAfter, clauseBefore } from '../language/normalize.ts';
import {
  ADOPTS,
  BUY_WORDS,
  CLEARS_DEBT,
  MORE_THAN_QUOTED,
  MORE_THAN_THAT,
  SELL_SIDE,
  SELL_WORDS,
  SIDE_AFTER_GAP,
  BUY_SIDE,
} from './money-cues.ts';
import {
  type Figure,
  type MoneyReading,
  readFigures,
  type Side,
  type Statement,
  statementsOf,
} from './money-figures.ts';
import { rememberRead } from './remember-read.ts';
import type { Slots, UtteranceContext } from './types.ts';

export type MoneySlots = Pick<Slots, 'price' | 'price_min' | 'price_max' | 'budget_min' | 'budget_max'>;

interface Bounds {
  min?: number;
  max?: number;
  single?: number;
}

/**
 * A band as the corpus reads it: "the 800s" is 800,000–899,000, "low 900s" 900,000–933,000,
 * "high 700s" 767,000–799,000 and "mid 600s" the single figure 650,000.
 */
function bandBounds(part: NonNullable<Figure['band']>['part'], base: number): Bounds {
  if (part === 'mid') return { single: base + 50_000 };
  if (part === 'low') return { min: base, max: base + 33_000 };
  if (part === 'high') return { min: base + 67_000, max: base + 99_000 };
  return { min: base, max: base + 99_000 };
}

function boundsOf(st: Statement): Bounds {
  if (st.last) return { min: st.first.amount, max: st.last.amount };
  const band = st.first.band;
  return band ? bandBounds(band.part, band.base) : { single: st.first.amount };
}

// What was paid for the house long ago, not what is owed on it.
const PAID_BEFORE =
  /\b(?:paid|bought|purchased|pagamos|pague|compramos|compre)\b(?: [a-z]+){0,3}\s*(?:(?:about|around|like|\$)\s*)?$/;
// A question about the figure just quoted: "is that legit", "is it right?", "¿es correcto?".
const ASKS_ABOUT_IT =
  /^\s*(?:[,.!]\s*)?(?:(?:but|so|pero)\s+)?(?:is (?:that|it|this)|are they|does that|do you|can (?:i|we) trust|es (?:eso|correcto|real|cierto)|sera)\b|^[^.!?]{0,30}\?/;

const CLEARLY_SELLING =
  /\b(?:(?:ours|mine|(?:our|my) (?:house|home|place|condo)|la (?:mia|nuestra)|mi casa|nuestra casa)(?: is| es| s| might be| could be| would be| should be)?(?: probably| prob| maybe| like| about| around)? (?:worth|vale)|(?:sell|list) (?:ours|it|our (?:house|home|place|condo)) (?:for|at))\b[^,;]{0,16}$/;
const CLEARLY_BUYING =
  /\b(?:(?:we|i)(?:d| would| can| could)? (?:spend|afford)|(?:our|my) budget(?: is)?|buy (?:something|one|a (?:house|home|place)) (?:for|around|up to))\b[^,;]{0,16}$/;

/** Both sides of a move are spoken of: each figure takes the side named beside it. */
function twoSided(text: string): boolean {
  return matchesOf(SELL_SIDE, text).length > 0 && matchesOf(BUY_SIDE, text).length > 0;
}

/** The side named right after a figure ("720 for ours"), else the last one named before it. */
function sideNamed(text: string, f: Figure, near: string): Side | null {
  const after = clauseAfter(text, f.end, 32);
  const cues = [
    ...matchesOf(SELL_SIDE, after).map((m) => ({ at: m.index, side: 'sell' as const })),
    ...matchesOf(BUY_SIDE, after).map((m) => ({ at: m.index, side: 'buy' as const })),
  ].sort((a, b) => a.at - b.at);
  const first = cues[0];
  if (first && SIDE_AFTER_GAP.test(after.slice(0, first.at))) return first.side;
  const sell = matchesOf(SELL_SIDE, near).at(-1)?.index ?? -1;
  const buy = matchesOf(BUY_SIDE, near).at(-1)?.index ?? -1;
  if (sell < 0 && buy < 0) return null;
  return buy > sell ? 'buy' : 'sell';
}

const counts = (f: Figure) => f.owner === 'own' && !f.hypothetical;

/** Which side of a deal a figure is on: the question just asked, the words before it, the bot. */
function sideOf(f: Figure, reading: MoneyReading, ctx: UtteranceContext, bothSides: boolean): Side | null {
  const near = clauseBefore(reading.text, f.start);
  const named = bothSides ? sideNamed(reading.text, f, near) : null;
  if (named) return named;
  // "ours is probably worth 750, we'd spend up to 950" to the budget question: the first figure is
  // the sale. The other side said in so many words overrides the question just asked.
  if (ctx.lastQuestion === 'price') return CLEARLY_BUYING.test(near) ? 'buy' : 'sell';
  if (ctx.lastQuestion === 'budget') return CLEARLY_SELLING.test(near) ? 'sell' : 'buy';
  const buy = matchesOf(BUY_WORDS, near).at(-1)?.index ?? -1;
  const sell = matchesOf(SELL_WORDS, near).at(-1)?.index ?? -1;
  if (buy >= 0 || sell >= 0) return buy > sell ? 'buy' : 'sell';
  if (ctx.bot === 'seller') return 'sell';
  if (ctx.bot === 'buyer') return 'buy';
  const stated = f.side ?? f.sideAfter;
  if (stated) return stated;
  // Nobody knows yet which side the lead is on: buyers name ceilings, sellers floors.
  if (f.role === 'max' || f.role === 'stretch' || f.role === 'approval') return 'buy';
  if (f.role === 'min' || f.role === 'floor') return 'sell';
  return null;
}

/**
 * What a seller expects. The last statement wins ("700. ok honestly 680"), except that a floor and a
 * ceiling said one after the other make a range. With no figure of their own, a figure they point
 * past ("we owe 400 so anything over that", "Zestimate is 810 but it's worth more") is a lower
 * bound, an online estimate they quote ("Zillow says 780") is the price, and so is someone else's
 * figure they adopt ("whatever the neighbours got, 890"); a neighbour's sale alone is not.
 */
function sellerSlots(text: string, figures: Figure[]): MoneySlots {
  const statements = statementsOf(text, figures.filter(counts));
  let out: MoneySlots = {};
  for (const st of statements) {
    const b = boundsOf(st);
    const role = st.last || st.first.band ? 'range' : st.first.role;
    if (b.single !== undefined && (role === 'min' || role === 'floor')) {
      // "700 would be nice, 650 is my bottom": a hope and a lower floor are both kept.
      out =
        (out.price_max !== undefined && out.price === undefined) ||
        (out.price !== undefined && out.price > b.single)
          ? { ...out, price_min: b.single }
          : { price_min: b.single };
    } else if (b.single !== undefined && role === 'max') {
      out =
        out.price_min !== undefined && out.price === undefined
          ? { ...out, price_max: b.single }
          : { price_max: b.single };
    } else if (b.single !== undefined) {
      out = { price: b.single };
    } else {
      out = { price_min: b.min!, price_max: b.max! };
    }
  }
  if (statements.length > 0) return out;
  const quoted = figures
    .filter((f) => !f.hypothetical && (f.owner === 'debt' || f.owner === 'other' || f.owner === 'estimate'))
    .at(-1);
  if (!quoted) return {};
  // "we owe 400 so anything over that" is a floor; "we paid 410 in 2016, hopefully a lot more
  // than that" names no figure of the seller's.
  if (
    MORE_THAN_THAT.test(text.slice(quoted.end)) ||
    MORE_THAN_QUOTED.test(clauseBefore(text, quoted.start, 80))
  )
    return PAID_BEFORE.test(clauseBefore(text, quoted.start)) ? {} : { price_min: quoted.amount };
  if (quoted.owner === 'debt' && CLEARS_DEBT.test(clauseBefore(text, quoted.start, 80)))
    return { price_min: quoted.amount };
  // "Zillow says 705, is that legit?" asks about the estimate; it does not adopt it.
  if (quoted.owner === 'estimate' && ASKS_ABOUT_IT.test(text.slice(quoted.end))) return {};
  if (quoted.owner === 'estimate' || (quoted.owner === 'other' && ADOPTS.test(text))) {
    return { price: quoted.amount };
  }
  return {};
}

/**
 * What a buyer will spend. A single figure is the ceiling, a range gives both ends, the last
 * statement wins, a stretch figure is the real ceiling, and a pre-approval caps a higher comfort
 * figure ("approved for 850" after "saw one for 899") but gives way to a lower one ("approved for
 * 720 but want to stay around 650").
 */
function buyerSlots(text: string, figures: Figure[]): MoneySlots {
  const own = figures.filter(counts);
  const approval = own.filter((f) => f.role === 'approval').at(-1)?.amount;
  const statements = statementsOf(
    text,
    own.filter((f) => f.role !== 'approval'),
  );
  let min: number | undefined;
  let max: number | undefined;
  let stretched = false;
  const last = statements.at(-1);
  const lastBounds = last ? boundsOf(last) : undefined;
  if (lastBounds && lastBounds.single === undefined) {
    min = lastBounds.min;
    max = lastBounds.max;
  } else {
    for (const st of statements) {
      const b = boundsOf(st);
      if (b.single === undefined) continue;
      const role = st.first.role;
      if (role === 'min' || role === 'floor') min = b.single;
      else if (role === 'stretch') [max, stretched] = [b.single, true];
      else if (!stretched) max = b.single;
    }
  }
  if (approval !== undefined && (max === undefined || max > approval)) max = approval;
  const out: MoneySlots = {};
  if (min !== undefined && (max === undefined || min < max)) out.budget_min = min;
  if (max !== undefined) out.budget_max = max;
  return out;
}

/**
 * The money slots of one lead message, as the corpus normalizes them (see eval/corpus/README.md,
 * "Money"): a seller's `price` or `price_min`/`price_max`, a buyer's `budget_min`/`budget_max`, in
 * whole dollars. Bare figures count only where a price is being talked about, and rent, payments,
 * down payments, income, debts, past purchases, other people's figures and questions about some
 * other house never count.
 */
export function readMoneySlots(
  text: string,
  ctx: UtteranceContext,
  options: Pick<MoneyOptions, 'readWords'> = {},
): MoneySlots {
  return options.readWords ? readSlots(text, ctx, options).slots : remembered(text, ctx).slots;
}

/**
 * The amount a lender approved the buyer for ("pre approved for 450k", "nos aprobaron por 400
 * mil"), when the message states one. It is the budget only when nothing else says budget: the
 * turn keeps a budget the lead stated before over a later approval amount.
 */
export function readApprovalAmount(text: string, ctx: UtteranceContext): number | undefined {
  return remembered(text, ctx).approval;
}

interface MoneyRead {
  slots: MoneySlots;
  approval?: number;
}

const remembered = rememberRead(
  (text, ctx) => readSlots(text, ctx, {}),
  (r): MoneyRead => ({ ...r, slots: { ...r.slots } }),
);

// "sorry I meant 750, my husband corrected me": a figure the lead takes back is an amount even
// when the bot has moved on to another question.
const FIGURE_CORRECTED =
  /^[^a-z0-9]*(?:(?:sorry|oops|oh|wait|no|perdon|perdona)[^a-z0-9]+)*(?:i meant|i mean|meant|make (?:it|that)|correction|quise decir|queria decir|quisimos decir)[^a-z0-9]+(?:like |about |around |como |unos )?\$?\d{3}\b/i;

// "sorry 550, my husband just looked at the letter": the apology opens a figure taken back.
const SORRY_FIGURE =
  /^[^a-z0-9]*(?:sorry|oops|perdon|perdona|my bad)[^a-z0-9]+(?:like |about |around |como |unos )?\$?\d{3}\b/i;

function readSlots(text: string, ctx: UtteranceContext, options: Pick<MoneyOptions, 'readWords'>): MoneyRead {
  const asked =
    ctx.lastQuestion === 'price' ||
    ctx.lastQuestion === 'budget' ||
    FIGURE_CORRECTED.test(text) ||
    SORRY_FIGURE.test(text);
  const reading = readFigures(text, {
    asked,
    year: ctx.now.getUTCFullYear(),
    ...(options.readWords ? { readWords: options.readWords } : {}),
  });
  const sell: Figure[] = [];
  const buy: Figure[] = [];
  const bothSides = twoSided(reading.text);
  for (const f of reading.figures) {
    const side = sideOf(f, reading, ctx, bothSides);
    if (side === 'sell') sell.push(f);
    else if (side === 'buy') buy.push(f);
  }
  const slots = { ...sellerSlots(reading.text, sell), ...buyerSlots(reading.text, buy) };
  const approval = buy.filter((f) => counts(f) && f.role === 'approval').at(-1)?.amount;
  return approval === undefined ? { slots } : { slots, approval };
}
