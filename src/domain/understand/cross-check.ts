import { locatePlaces, marketCityAliases } from '../language/areas.ts';
import { fold } from '../language/normalize.ts';
import { parseNumberWords, replaceAmountWords, replaceNumberWords } from '../language/numbers-in-words.ts';
import { MONTH_WORDS } from './timeline-dates.ts';
import type { Act, Slots, Understanding } from './types.ts';

// A language model's reading of a message is a second opinion, never the last word. The rules'
// reading wins wherever it found something; a model value the rules did not find is kept only
// when the message itself backs it (the figure, the place, the lender's name is there to see),
// and the carrier keywords (STOP, HELP, START) are the deterministic reader's alone.

const MONEY = ['price', 'price_min', 'price_max', 'budget_min', 'budget_max'] as const;
type MoneySlot = (typeof MONEY)[number];
const isMoney = (key: string): key is MoneySlot => (MONEY as readonly string[]).includes(key);

const TIME_WORDS = [
  ...MONTH_WORDS,
  'spring',
  'summer',
  'fall',
  'autumn',
  'winter',
  'primavera',
  'verano',
  'otono',
  'invierno',
  'days?',
  'weeks?',
  'weekends?',
  'months?',
  'mos?',
  'years?',
  'yrs?',
  'dias?',
  'semanas?',
  'mes',
  'meses',
  'anos?',
  'asap',
  'now',
  'today',
  'tonight',
  'tomorrow',
  'yesterday',
  'right away',
  'immediately',
  'hoy',
  'manana',
  'ahorita',
  'christmas',
  'xmas',
  'thanksgiving',
  'holidays',
  'new year',
  'navidad',
  'tax season',
  'school',
  'escuela',
  'clases',
];
// One alternation of plain words between word boundaries: linear in the text.
const TIME_EXPRESSION = new RegExp(`\\b(?:${TIME_WORDS.join('|')})\\b|\\b\\d+ ?(?:d|wks?|mos?)\\b`);
const LANGUAGE_WORD = /\b(?:english|ingles|spanish|espanol|castellano)\b/;
const DIGITS = /\d+(?:\.\d+)?/g;
const NON_DIGIT = /\D+/g;
const THOUSANDS_COMMA = /(?<=\d),(?=\d{3}\b)/g;
const WORD_SPLIT = /[^a-z0-9.]+/;
const ISH = /ish$/;
const NON_WORD = /[^a-z0-9]+/g;
const HAS_DIGIT = /\d/;

/** The significant digits of a number: 650000 → "65", 6.5 → "65", 9.25 → "925". */
function significant(n: number): string {
  if (!Number.isFinite(n) || n <= 0 || n >= 1e12) return '';
  const digits = n.toFixed(4).replace('.', '');
  let start = 0;
  let end = digits.length;
  while (start < end && digits[start] === '0') start++;
  while (end > start && digits[end - 1] === '0') end--;
  return digits.slice(start, end);
}

/** Every number the text states, in digits or words, as significant digits. */
function statedNumbers(text: string): Set<string> {
  const folded = fold(text).replace(THOUSANDS_COMMA, '');
  const forms = [
    folded,
    replaceNumberWords(folded),
    replaceAmountWords(folded),
    replaceAmountWords(folded, { spanish: true }),
  ];
  const out = new Set<string>();
  for (const form of forms) for (const m of form.matchAll(DIGITS)) out.add(significant(Number(m[0])));
  // Words the run readers leave alone ("fiftyish", a word glued to a dash).
  for (const word of folded.split(WORD_SPLIT)) {
    const n = parseNumberWords(word.replace(ISH, ''));
    if (n !== null) out.add(significant(n));
  }
  out.delete('');
  return out;
}

/** A money value the text backs: its leading digits are a number the lead wrote ("six fifty" → 650000). */
function moneyBacked(value: number, numbers: Set<string>): boolean {
  const sig = significant(value);
  return sig !== '' && [...numbers].some((n) => sig.startsWith(n));
}

const wordsOf = (text: string) =>
  fold(text)
    .split(NON_WORD)
    .filter((w) => w !== '');

/**
 * Every word of a name the model wrote is in the text, whole or shortened ("Navy Federal" in "navy
 * fed", "Banyan St" in "banyan street"); numbers must match exactly.
 */
function nameIn(name: string, text: string): boolean {
  const said = wordsOf(text);
  const named = wordsOf(name);
  const same = (a: string, b: string) => {
    if (a === b) return true;
    if (HAS_DIGIT.test(a) || HAS_DIGIT.test(b)) return false;
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    return short.length >= 2 && long.startsWith(short);
  };
  return named.length > 0 && named.every((w) => said.some((s) => same(w, s)));
}

function areaBacked(area: string, text: string, neighborhoods: readonly string[]): boolean {
  const names = [area, ...neighborhoods.filter((n) => fold(n) === fold(area))];
  const mentions = locatePlaces(text, names, { aliases: marketCityAliases, streetOnly: true });
  return mentions.some((m) => fold(m.canonical) === fold(area));
}

function phoneBacked(phone: string, text: string): boolean {
  const national = phone.replace(NON_DIGIT, '').slice(-10);
  return national.length === 10 && text.replace(NON_DIGIT, '').includes(national);
}

/** Whether the message backs one slot value the model read. */
function backed(
  key: keyof Slots,
  slots: Slots,
  text: string,
  numbers: Set<string>,
  neighborhoods: readonly string[],
): boolean {
  const folded = fold(text);
  switch (key) {
    case 'price':
    case 'price_min':
    case 'price_max':
    case 'budget_min':
    case 'budget_max':
      return moneyBacked(slots[key] ?? 0, numbers);
    case 'timeline_months':
      return TIME_EXPRESSION.test(folded);
    case 'bedrooms':
    case 'bathrooms':
      return numbers.has(significant(Math.floor(slots[key] ?? 0)));
    case 'area':
      return slots.area !== undefined && areaBacked(slots.area, text, neighborhoods);
    case 'lender':
      return slots.lender !== undefined && nameIn(slots.lender, text);
    case 'address':
      return slots.address !== undefined && nameIn(slots.address, text);
    case 'email':
      return slots.email !== undefined && folded.includes(slots.email.toLowerCase());
    case 'phone':
      return slots.phone !== undefined && phoneBacked(slots.phone, text);
    case 'language_switch':
      return LANGUAGE_WORD.test(folded);
    // Categories name no surface form to look for (a motivation, a condition grade, an intent):
    // they count only where the rules found none.
    case 'intent':
    case 'condition':
    case 'motivation':
    case 'preapproved':
    case 'yes_no':
      return true;
  }
}

type Family =
  | 'answer'
  | 'question'
  | 'objection'
  | 'scheduling'
  | 'feeling'
  | 'keyword'
  | 'identity'
  | 'greeting'
  | 'polarity'
  | 'other';

function familyOf(a: Act): Family {
  if (a.act === 'affirm' || a.act === 'deny') return 'polarity';
  if (a.act === 'identity_question') return 'identity';
  return a.act;
}

const sameAct = (a: Act, b: Act) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rules' reading with what the model adds that the message backs. Slots: the rules' values
 * win; a model value is kept only when `backed` by the text, and no model money or timeline
 * value is taken when the rules read one of their own. Acts: keywords only from the rules; a
 * model act of a family (questions, objections, scheduling, feelings, yes/no…) only when the
 * rules found none of that family; "answer" when a model slot was kept. Pure.
 */
export function crossCheck(
  rule: Understanding,
  model: Understanding,
  text: string,
  opts: { neighborhoods?: readonly string[] } = {},
): Understanding {
  const numbers = statedNumbers(text);
  const neighborhoods = opts.neighborhoods ?? [];
  const ruleMoney = Object.keys(rule.slots).some(isMoney);
  const rulePolarity = rule.acts.some((a) => familyOf(a) === 'polarity');
  const slots: Slots = { ...rule.slots };
  const added: (keyof Slots)[] = [];
  for (const key of Object.keys(model.slots) as (keyof Slots)[]) {
    if (model.slots[key] === undefined || rule.slots[key] !== undefined) continue;
    if (isMoney(key) && ruleMoney) continue;
    if (key === 'yes_no' && rulePolarity) continue;
    if (!backed(key, model.slots, text, numbers, neighborhoods)) continue;
    Object.assign(slots, { [key]: model.slots[key] });
    added.push(key);
  }

  const ruleFamilies = new Set(rule.acts.map(familyOf));
  const acts = [...rule.acts];
  for (const act of model.acts) {
    const family = familyOf(act);
    if (family === 'keyword' || family === 'other' || family === 'answer') continue;
    if (ruleFamilies.has(family)) continue;
    if (!acts.some((a) => sameAct(a, act))) acts.push(act);
  }
  const stated = added.some((k) => k !== 'yes_no' && k !== 'language_switch');
  if (stated && !ruleFamilies.has('answer')) acts.push({ act: 'answer' });
  const meaningful = acts.filter((a) => a.act !== 'other');
  return { acts: meaningful.length > 0 ? meaningful : [{ act: 'other' }], slots };
}
