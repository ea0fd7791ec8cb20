import { matchesOf } from '../language/matches.ts';
import { simplify } from '../language/normalize.ts';

/**
 * The form the stance readers (objections, feelings, polarity) match against: folded, apostrophes
 * gone, punctuation turned into single spaces, SMS shorthands and common misspellings of the words
 * they look for mapped to one spelling ("alredy" → "already", "realtr" → "realtor", "u" → "you").
 */
export interface Prepared {
  /** Words joined by single spaces. */
  flat: string;
  /** Where each clause (split at , . ! ? ; and line breaks) starts in `flat`, and whether it asks. */
  clauses: { start: number; end: number; asks: boolean }[];
  /** The message had no lower-case letter and at least one upper-case one ("STOP TEXTING ME"). */
  shouted: boolean;
  /** The raw text, for emoji and punctuation cues. */
  raw: string;
}

const SHORTHAND: Record<string, string> = {
  u: 'you',
  hav: 'have',
  hve: 'have',
  ur: 'your',
  r: 'are',
  w: 'with',
  wit: 'with',
  thx: 'thanks',
  thnx: 'thanks',
  tnx: 'thanks',
  ty: 'thanks',
  tyvm: 'thanks',
  pls: 'please',
  plz: 'please',
  plez: 'please',
  rn: 'right now',
  atm: 'right now',
  txt: 'text',
  txts: 'texts',
  txting: 'texting',
  texing: 'texting',
  textin: 'texting',
  msg: 'message',
  msgs: 'messages',
  msging: 'messaging',
  msgng: 'messaging',
  ppl: 'people',
  yr: 'year',
  yrs: 'years',
  agt: 'agent',
  rltr: 'realtor',
  relator: 'realtor',
  realter: 'realtor',
  reltor: 'realtor',
  realator: 'realtor',
  intrest: 'interest',
  intersted: 'interested',
  alr: 'already',
  alrdy: 'already',
  allready: 'already',
  lookn: 'looking',
  yess: 'yes',
  yea: 'yeah',
  ye: 'yeah',
  yah: 'yeah',
  yeh: 'yeah',
  naw: 'nah',
  nahh: 'nah',
  noo: 'no',
  okk: 'ok',
  okey: 'ok',
  okie: 'ok',
  okay: 'ok',
  kk: 'k',
  tho: 'though',
  bc: 'because',
  cuz: 'because',
  rly: 'really',
};

// Long words the readers key on; a token one deletion, insertion or swap away from one of them is
// read as it (never a substitution: "telling" must not become "selling", "listen" not "listed").
const KEY_WORDS = [
  'already',
  'interested',
  'interesado',
  'interesada',
  'realtor',
  'number',
  'looking',
  'browsing',
  'texting',
  'messages',
  'messaging',
  'anymore',
  'equivocado',
  'equivocada',
  'representation',
  'harassment',
  'excited',
  'stressed',
  'overwhelmed',
];
const KEY_SET = new Set(KEY_WORDS);

/** True when `a` becomes `b` by one deletion, one insertion or one swap of neighbours. */
function nearMiss(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

// A map, not the object: "constructor" or "toString" typed by a lead are words, not shorthands.
const SHORTHANDS = new Map(Object.entries(SHORTHAND));
const canonicalOf = new Map<string, string>();

function canonical(token: string): string {
  const known = canonicalOf.get(token);
  if (known !== undefined) return known;
  const mapped = SHORTHANDS.get(token) ?? spelledAs(token);
  // Words repeat from message to message; the cache is emptied whole when full.
  if (canonicalOf.size >= 4096) canonicalOf.clear();
  canonicalOf.set(token, mapped);
  return mapped;
}

function spelledAs(token: string): string {
  if (token.length < 5 || KEY_SET.has(token)) return token;
  // A plural is its own word ("realtors are scum" must keep its subject).
  return KEY_WORDS.find((k) => nearMiss(token, k) && token !== `${k}s`) ?? token;
}

const ELONGATED = /([a-z])\1{2,}/g;
const CLAUSE = /[^,.!?;:\n]+[,.!?;:\n]*/g;
const NON_WORD = /[^a-z0-9]+/g;
const WORD = /[a-z0-9]+/g;
// A clause that opens like a question ("is it listed?", "do you have an agent"), with or without
// the question mark. "were" is left out: simplify turns "we're" into it.
const ASKS =
  /^(?:do(?! not\b)|does|did|is|are|was|can|could|should|would|will|whats|what|who|whos|why|where|when|which|how|hows|have you|has it|isnt|arent|dont you|didnt)\b/;
// Spanish questions open with the same words as statements; only the question marks tell them apart.
const ASKS_ES = /^(?:tiene|tienen|es|esta|hay|cual|quien|como|cuando|donde|por que|que|ya)\b/;

const HASH = /#(?!\d)/g;

const cache = new Map<string, Prepared>();

/** Prepares a message once; the three readers share the result. */
export function prepare(text: string): Prepared {
  const hit = cache.get(text);
  if (hit) return hit;
  // "wrong #" is a wrong number; "#3" stays a figure.
  const simple = simplify(text).replace(ELONGATED, '$1').replace(HASH, ' number ');
  const clauses: Prepared['clauses'] = [];
  const parts: string[] = [];
  let at = 0;
  for (const m of matchesOf(CLAUSE, simple)) {
    const words = (m[0].match(WORD) ?? []).map(canonical).join(' ').replace(NON_WORD, ' ').trim();
    if (words === '') continue;
    const start = at === 0 ? 0 : at + 1;
    parts.push(words);
    const marked = m[0].includes('?') || m[0].includes('\u00bf');
    const asks = ASKS.test(words) || (marked && (ASKS_ES.test(words) || words.split(' ').length <= 2));
    clauses.push({ start, end: start + words.length, asks });
    at = start + words.length;
  }
  const prepared: Prepared = {
    flat: parts.join(' '),
    clauses,
    shouted: /[A-Z]/.test(text) && !/[a-z]/.test(text),
    raw: text,
  };
  if (cache.size >= 256) cache.clear();
  cache.set(text, prepared);
  return prepared;
}

/** Whether the clause holding `index` asks something rather than states it. */
export function asksAt(p: Prepared, index: number): boolean {
  const clause = p.clauses.find((c) => index >= c.start && index <= c.end);
  return clause?.asks ?? false;
}

/** The number of words in the prepared message. */
export function wordCount(p: Prepared): number {
  return p.flat === '' ? 0 : p.flat.split(' ').length;
}
