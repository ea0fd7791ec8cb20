import { matchesOf } from './matches.ts';
import { maskAddresses } from './address.ts';
import { detectLanguage } from './detect-language.ts';
import { type BandPart, bands } from './money-bands.ts';
import { clauseAfter, clauseBefore, fold } from './normalize.ts';
import { replaceAmountWords } from './numbers-in-words.ts';

/** Options shared by the money readers. */
export interface MoneyOptions {
  /**
   * True when the bot's previous message asked for this figure (price or budget): a bare "750"
   * then means $750,000. Otherwise a bare number needs a price word nearby ("hoping for 750").
   */
  justAsked?: boolean;
  /**
   * Turns number words in the folded text into digits. Defaults to `replaceAmountWords`; a
   * measurement can plug in another reader to compare.
   */
  readWords?: (folded: string, spanish: boolean) => string;
}

/** One amount found in a text. Offsets point into `MoneyScan.text`, not the raw message. */
export interface MoneyMention {
  /** Whole dollars. */
  amount: number;
  start: number;
  end: number;
  /** Written as money ("$", "k", "million", "mil", thousands separators), not inferred from context. */
  explicit: boolean;
  /** Upper end when the lead named a band rather than a figure ("low 600s" → 600,000 up to 650,000). */
  upTo?: number;
  /** For a band ("the 800s", "low 900s"): which part of which hundred thousands was named. */
  band?: { part: BandPart; base: number };
}

export type { BandPart } from './money-bands.ts';

export interface MoneyScan {
  /** The message folded, with addresses/phones blanked and number words as digits. */
  text: string;
  mentions: MoneyMention[];
}

const PHONE = /\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b/g;
const CLOCK_OR_DATE = /\b\d{1,2}(?::\d{2}|\/\d{1,2}(?:\/\d{2,4})?)\b/g;
const NUMBER =
  /(\$\s?)?(?<![\w.,/#])(\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:\.\d{3})+(?![\d.])|\d+(?:[.,]\d+)?)(\s?(?:k|mm|m|grand|thousand|millions?|millon(?:es)?|mil)\b)?(?:ish)?(?![\w/%]|[.,]\d)/g;
const UNIT_AFTER =
  /^\s*(?:(?:-|to|or|a|o|y|and)\s*\d+(?:\.\d+)?\s*)?(?:\+\s*)?(?:%|(?:percent|beds?|bedrooms?|br|bds?|baths?|bathrooms?|ba|car|cars|story|stories|sq|sqft|square|ft|feet|foot|acres?|months?|mos?|meses|mes|days?|dias?|weeks?|wks?|semanas?|years?|yrs?|anos?|hours?|hrs?|minutes?|mins|min(?= (?:away|drive|walk|late|early|from|commute|ride|each))|miles?|millas?|kids?|children|people|units?|doors|offers?|showings?|houses|homes|agents|companies|recamaras?|cuartos?|habitaciones?|dormitorios?|banos?|pies|metros|am|pm|freeway|fwy|exit|year old|times|percent|x)\b)/;
const BAD_BEFORE =
  /(?:#|\b(?:unit|apt|apartment|suite|ste|zip|code|lot|the|route|rt|hwy|highway|interstate|exit|space|number|built|year|since|ext|age|aged|el|la|las|los))\s*$/;
/** "the 7 to 750 range", "the 600k range": after "the", a figure that names a range is money. */
const THE_BEFORE = /\bthe\s*$/;
const RANGE_NAMED_AFTER = /^ *(?:k *)?(?:(?:-|to) *\$?\d+(?:[.,]\d+)?(?: *[km])? *)?(?:range|ballpark)\b/;
const PRICE_CUE_BEFORE =
  /(?:~|\b(?:for|around|about|at|near|approx(?:imately)?|roughly|like|hoping|hope|want|wanting|get|getting|asking|ask|list|listing|price|priced|pricing|worth|value|valued|budget|max|maximum|min|minimum|under|below|over|above|upto|up to|less than|more than|least|most|between|range|spend|afford|pay|offer|sell|sale|accept|take|happy|expect|expecting|(?:budget|price|asking|number|goal|target|range|limit|bottom line|max|min)(?: is| would be| will be)?|net|netting|clear|pocket|walk away with|north of|upwards of|pasar(?:nos)? de|(?:me|nos) (?:dan|den|dieran|ofrecen|ofrecieran|pagan|paguen)|pid\w*|pedimos|queremos|esperamos|pensamos(?: en)?|pensando en|presupuesto|precio|hasta|entre|alrededor|unos|como|vale|valor|pagar|gastar|pedir|vend\w*(?: (?:mi|la|nuestra|el) (?:casa|condo|departamento))?(?: en| por)?|por|menos|mas|minimo|maximo|arriba|debajo|cerca|aproximadamente|quiero|quisiera|espero|esperando|feliz|sacar|thinking|think|maybe|probably|say|guess|need|somewhere|ballpark|says|said|shows|showed|dice|dijo|make (?:it|that)|actually|mejor|rather|prefer|(?:pre-?)?approved|qualified|preaprobad[oa]s?|aprobad[oa]s?|(?:pre ?)?aprobacion))\b\s*(?::\s*)?(?:(?:de|of|\$)\s*)?$/;
const PRICE_CUE_AFTER =
  /^\s*(?:or so|or best|obo|tops|max|maximum|range|budget|firm|would|should|is (?:my|our|the)|sounds|(?:and |, ?)?(?:not a (?:penny|dime|cent) less|no less|at least|at (?:a |the )?(?:very )?minimum|minimum)|or (?:less|more|under|above)|o mas|o menos|mas o menos|maximo|para arriba|\+)/;
// Words that make even a single digit a price: "hoping for 7", "asking 8", "list it at 9".
const ASKING_CUE_BEFORE =
  /\b(?:hoping for|hope for|hoping to get|asking(?: for)?|list(?:ing)? (?:it )?(?:for|at)|sell (?:it )?for|priced at|(?:price|asking|number) is)\s*(?:(?:about|around|like|maybe|roughly)\s*)?$/;
// "preapproved for 9 with loanDepot", "la preaprobación es por 4.9 con Rocket": the amount of an
// approval, whatever follows it.
const APPROVED_FOR =
  /\b(?:(?:pre-?)?approved|qualified|(?:pre ?)?aprobad[oa]s?|(?:pre ?)?aprobacion(?: es)?) (?:for|por|para|de|up to|hasta)\s*(?:(?:about|around|like|unos|como)\s*)?$/;
/**
 * "approved, 480 with Golden 1", "ya estamos aprobados, 480", "preaprobados con wells fargo, 500":
 * the amount right after the word (and the lender).
 */
const APPROVED_THEN =
  /\b(?:(?:pre-?)?approved|qualified|(?:pre ?)?aprobad[oa]s?)(?:\s+(?:with|w|by|thru|through|con)\s+[a-z&']+(?:\s+[a-z&']+)?)?\s*[,:-]\s*$/;
/** Lenders whose name holds a number: "Golden 1" is no figure. */
const LENDER_NUMBERED = /\bgolden ?(?:1|one)\b/g;
const RANGE_JOIN = /^\s*(?:-|to|and|or|y|a|o|n|&)\s*$/;
const BOUND_BEFORE =
  /\b(?:under|below|over|above|up to|upto|at least|at most|no more than|less than|more than|max(?:imum)?(?: of)?|hasta|menos de|mas de|minimo(?: de)?|maximo(?: de)?)\s*$/;
const CONTRAST_BEFORE = /\b(?:but|pero|actually|now|then|mejor|rather|or|o)\s*$/;
// "$650,000.00": the cents are blanked so the figure reads as whole dollars.
const CENTS = /(\d,\d{3})\.\d\d(?!\d)/g;
// A single digit or a decimal is an amount only when nothing but money talk follows it: "like 9",
// "6.5 max", "7 or so", never "2 dogs" or "after 5 works".
const SHORT_FIGURE_END =
  /^\s*(?:$|[^\sa-z0-9]|(?:or|to|and|y|o|a|max|maximum|tops|ish|firm|maybe|probably|prob|if|but|pero|is|would|could|sounds|for|obo|ideally|hopefully|min|minimum|plus|range|mas|menos|maximo|minimo|no|not|then|now|lol|tho|though|es|seria|k|hundred|thousand|million|mil|give|or so|n|idk|sorry|honestly|tbh|thanks|thx|gracias|bro|man|dude|please|pls|i think|i guess|i figure|we figure|i reckon|id say|i would say|as is|as-is|the way it is|like it is|como esta|asi como esta|(?:pre-?)?approved|(?:pre)?aprobad[oa]s?|at (?:the )?(?:very )?least|or (?:we|i) (?:stay|keep))\b)/;
interface Token {
  value: number;
  start: number;
  end: number;
  dollar: boolean;
  multiplier: number;
  grouped: boolean;
  decimal: boolean;
  unit: boolean;
}

function multiplierOf(suffix: string, value: number, decimal: boolean, spanish: boolean): number {
  if (!suffix) return 0;
  if (/^(?:k|grand|thousand)$/.test(suffix)) return 1_000;
  if (suffix === 'mil') return decimal || (value < 10 && !spanish) ? 1_000_000 : 1_000;
  return 1_000_000;
}

/** "my credit's like 620", "fico score around 700", "tengo 680 de crédito": a credit score. */
const CREDIT_SCORE_BEFORE =
  /\b(?:credit(?:'s|s)?|fico|score|puntaje|puntos de credito)(?: score)?(?: s| is| es| de| was| at| around| like| about| of| only| just| maybe| prob| probably)*\s*$/;
const CREDIT_SCORE_AFTER = /^\s*(?:credit(?: score)?|fico|de credito|puntos)\b/;

function badBefore(text: string, start: number, end: number, value: number): boolean {
  if (
    value >= 300 &&
    value <= 850 &&
    (CREDIT_SCORE_BEFORE.test(clauseBefore(text, start, 32)) ||
      CREDIT_SCORE_AFTER.test(text.slice(end, end + 20)))
  )
    return true;
  const before = clauseBefore(text, start, 12);
  if (!BAD_BEFORE.test(before)) return false;
  return !(THE_BEFORE.test(before) && RANGE_NAMED_AFTER.test(text.slice(end, end + 24)));
}

function readToken(m: RegExpMatchArray, text: string, spanish: boolean): Token {
  const raw = m[2] ?? '';
  const suffix = (m[3] ?? '').trim();
  const start = m.index ?? 0;
  const end = start + m[0].length;
  const groupedComma = /^\d{1,3}(?:,\d{3})+$/.test(raw);
  const groupedDot = /^\d{1,3}(?:\.\d{3})+$/.test(raw) && !suffix;
  const grouped = groupedComma || groupedDot;
  const value = Number(grouped ? raw.replace(/[.,]/g, '') : raw.replace(',', '.'));
  const decimal = !grouped && /[.,]/.test(raw);
  return {
    value,
    start,
    end,
    dollar: Boolean(m[1]),
    multiplier: multiplierOf(suffix, value, decimal, spanish),
    grouped,
    decimal,
    unit: UNIT_AFTER.test(text.slice(end, end + 24)) || badBefore(text, start, end, value),
  };
}

function isYear(t: Token): boolean {
  return !t.dollar && !t.multiplier && !t.grouped && !t.decimal && t.value >= 1900 && t.value <= 2099;
}

/** Dollars for a token that stands on its own, or null when it needs a price context. */
function amountAlone(t: Token): number | null {
  if (t.multiplier) return t.value * t.multiplier;
  if (t.grouped && t.value >= 1_000) return t.value;
  if (!t.decimal && t.value >= 100_000) return t.value;
  if (t.dollar && t.value >= 1_000) return t.value;
  return null;
}

/**
 * Dollars for a bare number read as a home price: 750 → 750,000; a decimal under 2 is millions
 * (1.2 → 1,200,000) and from 2 to 9.9 hundreds of thousands (6.5 → 650,000). A single digit is
 * hundreds of thousands (9 → 900,000), or a million for 1, but only as the answer to the question.
 */
function amountInContext(t: Token, singleDigit: boolean): number | null {
  if (t.decimal) {
    if (t.value >= 1 && t.value < 2) return Math.round(t.value * 1_000_000);
    if (t.value >= 2 && t.value < 10) return Math.round(t.value * 100_000);
    return null;
  }
  if (t.value >= 100 && t.value < 1_000) return t.value * 1_000;
  if (singleDigit && t.value >= 1 && t.value <= 9) return t.value === 1 ? 1_000_000 : t.value * 100_000;
  return null;
}

/** The other end of a range scaled like its partner: "5 to 600k" → 500,000, "550 to 6" → 600,000. */
function scaledLike(value: number, partner: Token, partnerAmount: number, isUpper: boolean): number {
  let scaled = value * (partner.multiplier || partnerAmount / partner.value);
  while (!isUpper && scaled > partnerAmount && scaled >= 1_000_000 && scaled / 1_000 >= 10_000)
    scaled /= 1_000;
  if (isUpper) while (scaled > 0 && scaled < partnerAmount) scaled *= 10;
  else while (scaled > 0 && scaled * 10 <= partnerAmount) scaled *= 10;
  return Math.round(scaled);
}

const isDigit = (t: Token) =>
  !t.unit && !t.decimal && !t.multiplier && !t.dollar && t.value >= 1 && t.value <= 9;
const plainHundreds = (t: Token) =>
  !t.unit && !t.decimal && !t.multiplier && t.value >= 100 && t.value < 1_000;

/** Finds every dollar amount in a message, with enough context for the budget and price readers. */

export function scanMoney(text: string, options: MoneyOptions = {}): MoneyScan {
  const folded = maskAddresses(fold(text))
    .replace(PHONE, (p) => ' '.repeat(p.length))
    .replace(LENDER_NUMBERED, (p) => ' '.repeat(p.length));
  const spanish = detectLanguage(text) === 'es';
  const readWords = options.readWords ?? ((t: string, es: boolean) => replaceAmountWords(t, { spanish: es }));
  const norm = readWords(
    folded.replace(CLOCK_OR_DATE, (p) => ' '.repeat(p.length)),
    spanish,
  );
  const tokens = matchesOf(NUMBER, norm.replace(CENTS, '$1   ')).map((m) => readToken(m, norm, spanish));
  // A range shares its unit: "30-45 days" has no money in it.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (b.unit && !a.multiplier && !a.dollar && RANGE_JOIN.test(norm.slice(a.end, b.start))) a.unit = true;
  }
  const amounts = tokens.map((t): number | null => {
    if (isYear(t) || (t.unit && !t.dollar && !t.multiplier)) return null;
    const alone = amountAlone(t);
    if (alone !== null) return alone;
    const before = clauseBefore(norm, t.start, 40);
    const approval =
      APPROVED_FOR.test(before) || APPROVED_THEN.test(norm.slice(Math.max(0, t.start - 48), t.start));
    const priced =
      options.justAsked ||
      approval ||
      PRICE_CUE_BEFORE.test(before) ||
      PRICE_CUE_AFTER.test(clauseAfter(norm, t.end));
    const short = (t.decimal || t.value < 10) && !t.dollar && !t.multiplier;
    const single = options.justAsked === true || approval || ASKING_CUE_BEFORE.test(before);
    const inContext =
      priced && (!short || approval || SHORT_FIGURE_END.test(clauseAfter(norm, t.end)))
        ? amountInContext(t, single)
        : null;
    return inContext ?? (t.dollar ? t.value : null);
  });
  // "450 to 500", "650-700" on their own: two plain hundreds in a range are thousands of dollars
  // whatever was just asked (rooms, days and times are smaller or carry their unit).
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (amounts[i] !== null || amounts[i + 1] !== null) continue;
    if (!plainHundreds(b) || !RANGE_JOIN.test(norm.slice(a.end, b.start))) continue;
    // "like 5 to 600", "5 to 6 hundred": the first end said in hundreds of thousands.
    const hundredsOfThousands = isDigit(a) && a.value * 100 < b.value && b.value - a.value * 100 <= 300;
    if (!hundredsOfThousands && (!plainHundreds(a) || a.value >= b.value)) continue;
    amounts[i] = hundredsOfThousands ? a.value * 100_000 : a.value * 1_000;
    amounts[i + 1] = b.value * 1_000;
  }
  // Once the message talks money, a figure set against another is money too: "qualified for 700
  // but 650 feels safer", "700... actually 650".
  if (amounts.some((a) => a !== null && a >= 20_000)) {
    tokens.forEach((t, i) => {
      if (amounts[i] !== null || t.unit || t.decimal || t.value < 100 || t.value >= 1_000) return;
      if (CONTRAST_BEFORE.test(clauseBefore(norm, t.start, 24))) amounts[i] = t.value * 1_000;
    });
  }
  // "approved for 800 but we want to stay under seven": once the message talks money, a single
  // digit after a bound is hundreds of thousands too (a million for 1), as after the question.
  if (amounts.some((a) => a !== null && a >= 20_000)) {
    tokens.forEach((t, i) => {
      if (
        amounts[i] !== null ||
        t.unit ||
        t.decimal ||
        t.dollar ||
        t.multiplier ||
        t.value < 1 ||
        t.value > 9
      )
        return;
      if (
        BOUND_BEFORE.test(clauseBefore(norm, t.start, 24)) &&
        SHORT_FIGURE_END.test(clauseAfter(norm, t.end))
      )
        amounts[i] = t.value === 1 ? 1_000_000 : t.value * 100_000;
    });
  }
  // Range partners take the other side's scale: "400-500k", "between 400 and 500", "1-1.2m".
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!RANGE_JOIN.test(norm.slice(a.end, b.start))) continue;
    // "$1.1-1.2M": a dollar sign on a small first figure does not make it dollars.
    const aAmount = a.dollar && !a.multiplier && a.value < 100 ? null : amounts[i];
    const bAmount = amounts[i + 1];
    if (bAmount != null && aAmount == null && !a.unit && !isYear(a)) {
      amounts[i] = scaledLike(a.value, b, bAmount, false);
    } else if (aAmount != null && bAmount == null && !b.unit && !isYear(b)) {
      amounts[i + 1] = scaledLike(b.value, a, aAmount, true);
    }
  }
  const mentions: MoneyMention[] = [];
  tokens.forEach((t, i) => {
    const amount = amounts[i];
    if (amount == null || amount <= 0) return;
    mentions.push({
      amount,
      start: t.start,
      end: t.end,
      explicit: t.dollar || t.multiplier > 0 || t.grouped,
    });
  });
  mentions.push(...bands(norm, options.justAsked === true));
  return { text: norm, mentions: mentions.sort((a, b) => a.start - b.start) };
}

/**
 * Dollar amounts in a message, in the order written: "650k", "$1.2m", "1.2 million",
 * "around 650 thousand", "hoping for 750", "$650,000", "650 mil", "un millón".
 * Bedrooms, months, years, zip codes, phone numbers and street numbers are never money.
 */
export function parseMoney(text: string, options: MoneyOptions = {}): number[] {
  return scanMoney(text, options).mentions.map((m) => m.amount);
}
