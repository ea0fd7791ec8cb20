import {
  BARE_OPT_IN_PHRASES,
  BARE_OPT_IN_WORDS,
  BARE_OPT_OUT_PHRASES,
  BARE_OPT_OUT_WORDS,
  EDGE_FILLERS,
  MISSPELLED_STOP,
  TIMING_QUALIFIERS,
  WHOLE_MESSAGE_OPT_OUT_PHRASES,
  WRONG_NUMBER_PHRASES,
} from './opt-out-words.ts';
import {
  REQUEST_PATTERNS,
  retractsOptOut,
  stopsSendingContent,
  takesStopBack,
  threatensOverContact,
} from './stop-requests.ts';
import { remember } from '../remember.ts';
import { clausesOf as clauses, sentencesOf as sentences } from './opt-out-text.ts';
import { alternation, flatten, wordRegex } from './text.ts';

const FILLERS = new Set(EDGE_FILLERS);
const LONGEST_FILLER = Math.max(...EDGE_FILLERS.map((f) => f.split(' ').length));

/** How many words of words[lo..hi] at one end (the start, or the end) form one filler; 0 if none. */
function fillerAt(words: readonly string[], lo: number, hi: number, atStart: boolean): number {
  for (let n = Math.min(LONGEST_FILLER, hi - lo + 1); n >= 1; n--) {
    const start = atStart ? lo : hi - n + 1;
    if (FILLERS.has(words.slice(start, start + n).join(' '))) return n;
  }
  return 0;
}

/** Removes politeness from both ends: "ok stop please" → "stop". One pass over the words. */
export function stripFillers(flat: string): string {
  const words = flat.split(' ');
  let lo = 0;
  let hi = words.length - 1;
  for (let n = fillerAt(words, lo, hi, true); n > 0; n = fillerAt(words, lo, hi, true)) lo += n;
  for (let n = fillerAt(words, lo, hi, false); n > 0; n = fillerAt(words, lo, hi, false)) hi -= n;
  return lo > hi ? '' : words.slice(lo, hi + 1).join(' ');
}

/** What a message must consist of, politeness aside, to be a bare keyword. */
export interface BareSet {
  words: readonly string[];
  phrases: readonly string[];
  /** Also accepts words this pattern matches (misspellings). */
  misspelled?: RegExp;
}

const FILLER_WORDS = EDGE_FILLERS.flatMap((filler) => filler.split(' '));
const vocabularies = new WeakMap<BareSet, ReadonlySet<string>>();

/** Every word a bare message of this set can hold: its own words, its phrases' and politeness. */
function vocabulary(set: BareSet): ReadonlySet<string> {
  let known = vocabularies.get(set);
  if (!known) {
    known = new Set([...set.words, ...set.phrases.flatMap((p) => p.split(' ')), ...FILLER_WORDS]);
    vocabularies.set(set, known);
  }
  return known;
}

export function isBare(flat: string, set: BareSet): boolean {
  // Most messages hold a word no bare keyword message can: they are answered without trimming.
  const known = vocabulary(set);
  for (let start = 0, end = 0; end >= 0; start = end + 1) {
    end = flat.indexOf(' ', start);
    const word = end < 0 ? flat.slice(start) : flat.slice(start, end);
    if (!known.has(word) && !(set.misspelled?.test(word) ?? false)) return false;
  }
  const core = stripFillers(flat);
  if (core.length === 0) return false;
  if (set.phrases.includes(core)) return true;
  // "stop stop stop" or "stop unsubscribe" is still just the keyword.
  return core.split(' ').every((word) => set.words.includes(word) || (set.misspelled?.test(word) ?? false));
}

const OPT_OUT: BareSet = {
  words: BARE_OPT_OUT_WORDS,
  phrases: BARE_OPT_OUT_PHRASES,
  misspelled: MISSPELLED_STOP,
};
const WHOLE_OPT_OUT: BareSet = {
  ...OPT_OUT,
  phrases: [...BARE_OPT_OUT_PHRASES, ...WHOLE_MESSAGE_OPT_OUT_PHRASES],
};
// Inside a longer sentence these words often mean something else ("Baja, California",
// "para, ...", "that's plenty, enough"), so a comma-separated fragment only counts with the
// unambiguous keywords.
const AMBIGUOUS_IN_FRAGMENT = new Set([
  'para',
  'pare',
  'alto',
  'baja',
  'end',
  'remove',
  'enough',
  'harassment',
]);
const FRAGMENT_OPT_OUT: BareSet = {
  ...OPT_OUT,
  words: BARE_OPT_OUT_WORDS.filter((word) => !AMBIGUOUS_IN_FRAGMENT.has(word)),
};
const WRONG_NUMBER: BareSet = { words: [], phrases: WRONG_NUMBER_PHRASES };

const NEGATED_BEFORE =
  /(?:^| )(?:dont|do not|cant|cannot|can not|never|wont|didnt|couldnt|not|no puedo|nunca)$/;
const TIMING_AFTER = new RegExp(
  `^(?: (?:me|us|this number|here|again))? (?:${alternation(TIMING_QUALIFIERS)})(?: |$)`,
);
// "Stop texting me after this" means from now on, not a time of day.
// "no more texts till then" (till the lead writes): until further notice, not a time of day.
const FROM_NOW_ON =
  /^(?: (?:me|us|this number|here|again))? (?:after (?:this|that|now|today)|(?:till|til|until) (?:then|further notice|i (?:reach out|call|text|say so)|we (?:reach out|call|text|say so)|(?:im|were|we are|i am) ready))(?: |$)/;

// "sotp texting", "stahp messaging me": the keyword misspelled inside a request reads as spelled.
const STOP_TYPOS = /(?<![a-z])(?:sotp|stpo|stahp|stopp+|sstop)(?![a-z])/g;

/** Requests to stop that may sit inside a longer sentence. */
function requestsStop(said: string): boolean {
  const flat = said.replace(STOP_TYPOS, 'stop');
  for (const pattern of REQUEST_PATTERNS) {
    const match = pattern.exec(flat);
    if (!match) continue;
    const before = flat.slice(0, match.index).trim();
    const after = flat.slice(match.index + match[0].length);
    if (NEGATED_BEFORE.test(before)) continue;
    if (TIMING_AFTER.test(after) && !FROM_NOW_ON.test(after)) continue;
    return true;
  }
  return false;
}

const ONE_WORD_FILLERS = new Set(EDGE_FILLERS.filter((f) => !f.includes(' ') && f.length > 1));
const SPELLING_GAPS = /[\s.,_*·!?-]+/u;
const ONE_LETTER = /^\p{L}$/u;
const MAX_SPELLED = 24;

/**
 * A keyword spelled out letter by letter ("S T O P", "s.t.o.p", "S-T-O-P") joined into the word;
 * null when the message is anything else. Only a whole message of single letters counts, so
 * ordinary sentences never change meaning.
 */
function spelledOut(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > MAX_SPELLED * 4) return null;
  const letters = trimmed.split(SPELLING_GAPS).filter((p) => p.length > 0);
  // "s t o p pls", "please S T O P": politeness around the letters does not change them.
  while (letters.length > 0 && ONE_WORD_FILLERS.has(flatten(letters[letters.length - 1] ?? '')))
    letters.pop();
  while (letters.length > 0 && ONE_WORD_FILLERS.has(flatten(letters[0] ?? ''))) letters.shift();
  if (letters.length < 3 || letters.length > MAX_SPELLED) return null;
  return letters.every((l) => ONE_LETTER.test(l)) ? letters.join('') : null;
}

/** The message is the keyword: whole, spelled out, one sentence of it, or one clause of it. */
function isKeywordMessage(text: string, whole: BareSet, sentence: BareSet, fragment: BareSet): boolean {
  const flat = flatten(text);
  if (isBare(flat, whole)) return true;
  const spelled = spelledOut(text);
  if (spelled && isBare(flatten(spelled), whole)) return true;
  if (sentences(text).some((s) => isBare(s, sentence))) return true;
  return clauses(text).some((c) => isBare(c, fragment));
}

/**
 * Revocation of consent to be texted: the STOP keyword of the carrier rules and TCPA, read
 * reasonably. A keyword counts only when it is the whole message or a whole sentence or clause
 * (politeness aside); otherwise a clear request to stop contact is required ("take me off your
 * list", "why do you keep texting me", "how do I make these stop", "I'll report this number").
 * Substrings never count: "stop by the house" and "the end of the month" are ordinary talk, and
 * "I said stop by accident" takes an opt-out back.
 */
export const detectRevocation = remember((text: string): boolean => {
  if (flatten(text).length === 0) return STOP_SIGN.test(text);
  if (retractsOptOut(text) || takesStopBack(text)) return false;
  if (isKeywordMessage(text, WHOLE_OPT_OUT, OPT_OUT, FRAGMENT_OPT_OUT)) return true;
  if (stopsSendingContent(clauses(text))) return true;
  return sentences(text.replace(KEEP_SENDING, 'sigan $1')).some(
    (s) => requestsStop(s) || threatensOverContact(s),
  );
});

// "no paren de mandarme de Upland", "no dejen de enviarme casas": don't stop, keep them coming.
// Only with nothing between "no" and the verb: "no, paren de mandarme" stays a request to stop.
const KEEP_SENDING = /\bno (?:paren|pare|pares|dejen|deje|dejes) de (mand|envi)/gi;

// A stop sign (🛑) or no-entry sign (⛔) sent alone is the keyword in a picture.
const STOP_SIGN = /^[\s!.]*(?:\u{1F6D1}|\u26D4\uFE0F?)(?:[\s!.]*(?:\u{1F6D1}|\u26D4\uFE0F?))*[\s!.]*$/u;

/** "Wrong number" / "número equivocado" as a whole message, sentence or clause. */
export function detectWrongNumber(text: string): boolean {
  if (flatten(text).length === 0) return false;
  return isKeywordMessage(text, WRONG_NUMBER, WRONG_NUMBER, WRONG_NUMBER);
}

/**
 * TCPA opt-out for the live bots: a revocation of consent in any words. A wrong number is not an
 * unsubscribe: the objection policy answers it with an apology and never texts the number again.
 */
export function detectOptOut(text: string): boolean {
  return detectRevocation(text);
}

const OPT_IN_REQUESTS: readonly RegExp[] = [
  wordRegex('opt (?:me )?(?:back )?in|optin|resubscribe|re subscribe|unstop'),
  wordRegex(
    '(?:you can|you may|please|ok to|okay to|go ahead and|feel free to) (?:start )?(?:text|message|txt)(?:ing)? me again',
  ),
  wordRegex(
    '(?:you can|you may|ok to|okay to|go ahead and|feel free to) (?:keep|continue) (?:texting|messaging)',
  ),
  // "start sending me stuff again, i'm ready to look now"
  wordRegex(
    '(?<!(?:dont|do not|never|not) )(?:start|keep) (?:sending|texting|messaging) (?:me|us)(?: (?:stuff|things|listings|houses|homes|texts|messages|info|updates))? again',
  ),
  wordRegex('resume (?:the |my |sending )?(?:texts|messages|msgs|texting|alerts|notifications)'),
  wordRegex(
    '(?:get|receive|getting|receiving) (?:the |your )?(?:texts|messages|msgs|text messages|alerts) again',
  ),
  wordRegex(
    '(?:puedes|pueden|puede) (?:volver a (?:escribirme|escribirnos|escribir|contactarme|mandarme mensajes|enviarme mensajes|mandar mensajes)|(?:escribirme|escribirnos|escribir|contactarme|mandarme mensajes|enviarme mensajes|mandar mensajes) (?:otra vez|de nuevo))',
  ),
  wordRegex('volver a recibir (?:los |sus |tus )?(?:mensajes|textos)'),
  // "can you turn the texts back on".
  wordRegex('turn (?:the |my |your |these )?(?:texts|text messages|messages|msgs|texting) back on'),
  // "sí quiero recibir mensajes otra vez": asked for again, never after a "no".
  wordRegex(
    '(?<!no )(?:quiero|queremos) recibir (?:los |sus |tus )?(?:mensajes|textos) (?:otra vez|de nuevo)',
  ),
  wordRegex('(?:darme|dame|denme|deme|me doy|doy|dar) de alta'),
];

const KEYWORD_THEN_SORRY =
  /^[a-z]+ (?:(?:sorry|oops|my bad|perdon|disculpe?|lo siento)(?: |$)|(?:me equivoque|by mistake|by accident|por error|sin querer)(?: |$))/;

// A bare "yes" is a carrier keyword, but after an opt-out it usually answers the last question.
const AMBIGUOUS_OPT_IN = new Set(['yes', 'si']);
const OPT_IN: BareSet = { words: BARE_OPT_IN_WORDS, phrases: BARE_OPT_IN_PHRASES };
const STRICT_OPT_IN: BareSet = {
  words: BARE_OPT_IN_WORDS.filter((w) => !AMBIGUOUS_OPT_IN.has(w)),
  phrases: BARE_OPT_IN_PHRASES,
};

/**
 * Re-subscribe after an opt-out: START, UNSTOP, ALTA, a request to be texted again, or taking an
 * opt-out back ("I said stop by accident"). A bare YES is a carrier keyword too, so callers must
 * only consult this for contacts who are currently opted out; `strict` drops the bare "yes"/"sí"
 * so only an explicit keyword or request counts. "I want to start looking" never counts.
 */
export function detectOptIn(text: string, opts: { strict?: boolean } = {}): boolean {
  return opts.strict ? optInStrict(text) : optInLoose(text);
}

const optInStrict = remember((text: string) => optIn(text, STRICT_OPT_IN));
const optInLoose = remember((text: string) => optIn(text, OPT_IN));

function optIn(text: string, set: BareSet): boolean {
  const whole = flatten(text);
  if (whole.length === 0) return false;
  if (isBare(whole, set)) return true;
  const spelled = spelledOut(text);
  if (spelled && isBare(flatten(spelled), set)) return true;
  if (clauses(text).some((clause) => isBare(clause, STRICT_OPT_IN))) return true;
  if (retractsOptOut(text)) return true;
  // "ALTA perdón me equivoqué", "START sorry my bad": the keyword first, then an apology for the stop.
  if (KEYWORD_THEN_SORRY.test(whole) && isBare(whole.split(' ')[0] ?? '', STRICT_OPT_IN)) return true;
  if (MY_MISTAKE.test(whole) && MAY_WRITE.test(whole)) return true;
  if (STOP_BUT_WANTS.test(whole)) return true;
  return sentences(text).some((sentence) => OPT_IN_REQUESTS.some((pattern) => pattern.test(sentence)));
}

// Taking a "no" back and allowing texts in the same message: "perdón, me equivoqué, sí quiero
// vender, pueden escribirme", "sorry my mistake, you can text me".
const MY_MISTAKE = wordRegex(
  '(?:that|it|this|the stop|that stop|this stop) was (?:my|the) (?:kid|kids|son|daughter|toddler|grandson|granddaughter|husband|wife|mom|dad)|me equivoque|nos equivocamos|fue (?:un )?error|fue (?:mi|el|la) (?:hijo|hija|nino|nina|nieto|nieta|esposo|esposa|marido|sobrino|sobrina)(?: jugando)?|(?:my|the) (?:kid|kids|son|daughter|toddler|grandson|granddaughter) (?:was |were )?(?:playing with|got ahold of|got a hold of|grabbed) (?:my|the) phone|(?:mi|el|la) (?:hijo|hija|nino|nina|nieto|nieta|nene|nena|chamaco|chamaca) (?:agarro|tomo|cogio|estaba jugando con) (?:el|mi) (?:telefono|celular|cel)|(?:mi|my) (?:esposo|esposa|marido|mujer|hijo|hija|husband|wife|son|daughter|kid) (?:mando|envio|puso|escribio|contesto|sent|typed|texted|wrote|replied) (?:eso|esto|that|this|it|stop|baja|alto)|fue sin querer|me confundi|nos confundimos|pense que (?:era|eran) (?:otr[oa]s?|de otr[oa])|i thought (?:it was|this was|you were) (?:someone|somebody|another|a different)|my mistake|my bad|by mistake|by accident|por error|sin querer|(?:that|it|the stop|my stop|that stop|this stop) was (?:meant|supposed to go|intended) (?:for|to)|(?:era|iba) para (?:otro|otra|el otro|la otra|mi)',
);
// "I texted STOP but I actually do want to sell, can we start over": the stop taken back in so many words.
const STOP_BUT_WANTS = wordRegex(
  '(?:i|we) (?:said|texted|sent|typed|replied|wrote|put) (?:stop|baja|alto|unsubscribe) but (?:i|we) (?:(?:actually|really|do|still) )*(?:want|wanna|would like|am interested|are interested)',
);
// "... I do want to talk about selling", "sí me interesa comprar": wanting the conversation says
// the texts may come.
const MAY_WRITE = wordRegex(
  '(?:please|pls|plz|you can|u can|go ahead and) (?:continue|keep going|go on|carry on)|(?:pueden|puede|puedes) (?:continuar|seguir)|' +
    '(?:si |todavia |aun )?(?:sigo|seguimos) (?:buscando|vendiendo|interesad[oa]s?)|(?:im|were|i am|we are) still (?:looking|selling|buying|house hunting)|(?:si |todavia |aun )?(?:me|nos) interesa (?:comprar|vender|seguir|hablar|platicar)|(?:si|todavia|aun) (?:me|nos) interesa|(?:si|todavia|aun) (?:quiero|queremos) (?:recibir )?(?:informacion|info|saber|vender|comprar|(?:los |sus )?(?:mensajes|textos))|(?:i|we) (?:do|still) (?:want|need) (?:info|information|to sell|to buy)|(?:i|we) am still interested|(?:im|were) still interested|(?:i|we) (?:do |still |really )?(?:want|wanna|would like) to (?:talk|chat|keep talking|hear more|continue)|(?:si|todavia|aun) (?:quiero|queremos) (?:hablar|platicar|seguir)|(?:you can|you may|u can|ok to|okay to|feel free to|go ahead and) (?:text|message|contact|txt) (?:me|us)|(?:puedes|pueden|puede) (?:escribirme|escribirnos|contactarme|contactarnos|mandarme mensajes|textearme)|(?:me|nos) (?:puedes|pueden|puede) (?:seguir )?(?:escribir|escribiendo|contactar|contactando|mandar mensajes|mandando mensajes|textear|mandar casas|mandando casas|enviar casas|enviando casas)|(?:puedes|pueden|puede) seguir (?:escribiendome|escribiendonos|contactandome)',
);
