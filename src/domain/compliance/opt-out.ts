import {
  BARE_OPT_IN_PHRASES,
  BARE_OPT_IN_WORDS,
  BARE_OPT_OUT_PHRASES,
  BARE_OPT_OUT_WORDS,
  EDGE_FILLERS,
  TIMING_QUALIFIERS,
} from './opt-out-words.ts';
import { alternation, clauses, flatten, sentences, wordRegex } from './text.ts';

const FILLERS = alternation(EDGE_FILLERS);
const LEADING_FILLER = new RegExp(`^(?:${FILLERS})(?: |$)`);
const TRAILING_FILLER = new RegExp(`(?:^| )(?:${FILLERS})$`);

/** Removes politeness from both ends: "ok stop please" → "stop". */
function stripFillers(flat: string): string {
  let current = flat;
  for (;;) {
    const next = current.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').trim();
    if (next === current) return current;
    current = next;
  }
}

// Inside a longer sentence these words often mean something else ("Baja, California",
// "para, ..."), so a comma-separated fragment only counts with the unambiguous keywords.
const AMBIGUOUS_IN_FRAGMENT = new Set(['para', 'pare', 'alto', 'baja', 'end', 'remove']);
const FRAGMENT_OPT_OUT_WORDS = BARE_OPT_OUT_WORDS.filter((word) => !AMBIGUOUS_IN_FRAGMENT.has(word));

function isBare(flat: string, bareWords: readonly string[], barePhrases: readonly string[]): boolean {
  const core = stripFillers(flat);
  if (core.length === 0) return false;
  if (barePhrases.includes(core)) return true;
  // "stop stop stop" or "stop unsubscribe" is still just the keyword.
  return core.split(' ').every((word) => bareWords.includes(word));
}

const CONTACT_VERBS_ING =
  'texting|txting|messaging|msging|contacting|calling|emailing|sending|spamming|bothering|harassing|hitting me up|blowing up my phone';
const CONTACT_NOUNS = 'texts|txts|messages|msgs|sms|notifications|alerts|spam|emails|text messages|calls';
const NEGATED_BEFORE =
  /(?:^| )(?:dont|do not|cant|cannot|can not|never|wont|didnt|couldnt|not|no puedo|nunca)$/;
const TIMING_AFTER = new RegExp(
  `^(?: (?:me|us|this number|here|again))? (?:${alternation(TIMING_QUALIFIERS)})(?: |$)`,
);

/** Requests to stop that may sit inside a longer sentence. */
const REQUEST_PATTERNS: readonly RegExp[] = [
  wordRegex(`(?:stop|quit|cease|end) (?:${CONTACT_VERBS_ING})`),
  wordRegex(
    `(?:stop|end|cancel|quit) (?:(?:the|these|your|all|all the|all these|my|all your) )?(?:${CONTACT_NOUNS})`,
  ),
  wordRegex('opt (?:me )?out|optout|stopall|unsubscribe|unsub'),
  wordRegex(
    'remove (?:me|us|my number|this number|my phone|my phone number|my contact)(?! from (?:the )?(?:title|deed|loan|mortgage|contract|escrow|listing))',
  ),
  wordRegex('take (?:me|us|my number|this number) off'),
  wordRegex(
    '(?:dont|do not|never) (?:ever )?(?:text|txt|message|msg|sms|contact|email|spam|call or text|text or call) (?:me|us|this number)',
  ),
  wordRegex(
    '(?:dont|do not) want (?:to (?:receive|get) )?(?:any )?(?:more |further )?(?:texts|messages|text messages|msgs)',
  ),
  wordRegex('(?:dont|do not) want to be (?:contacted|texted|messaged)'),
  wordRegex('(?:lose|delete|forget|erase) (?:my|this) (?:number|phone number|cell)'),
  wordRegex(`no more (?:${CONTACT_NOUNS}|texting|contact)`),
  wordRegex('leave me alone'),
  wordRegex(
    'no (?:me |nos )?(?:escribas|escriba|escriban|envies|envie|envien|mandes|mande|manden|contactes|contacte|contacten|textees|molestes|moleste|molesten)(?: (?:mas|mensajes))?',
  ),
  wordRegex(
    '(?:deja|dejen|deje|dejar|para|paren|pare|parar) de (?:escribirme|enviarme|mandarme|contactarme|molestarme|textearme|escribir|enviar mensajes|mandar mensajes)',
  ),
  wordRegex('(?:darme|dame|denme|deme|me doy|doy|dar) de baja'),
  wordRegex(
    '(?:borrame|sacame|quitame|eliminame|borrenme|saquenme|quitenme|eliminenme) de (?:tu|su|la|sus|esta) (?:lista|base)',
  ),
  wordRegex('(?:borra|borren|borre|olvida|olviden) (?:mi|este) numero'),
  wordRegex('no quiero (?:recibir )?(?:mas )?(?:mensajes|textos)'),
  wordRegex('no mas (?:mensajes|textos)'),
  wordRegex('cancelar (?:la )?(?:suscripcion|mensajes|los mensajes)'),
];

function requestsStop(flat: string): boolean {
  for (const pattern of REQUEST_PATTERNS) {
    const match = pattern.exec(flat);
    if (!match) continue;
    const before = flat.slice(0, match.index).trim();
    const after = flat.slice(match.index + match[0].length);
    if (NEGATED_BEFORE.test(before)) continue;
    if (TIMING_AFTER.test(after)) continue;
    return true;
  }
  return false;
}

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
  if (letters.length < 3 || letters.length > MAX_SPELLED) return null;
  return letters.every((l) => ONE_LETTER.test(l)) ? letters.join('') : null;
}

/**
 * TCPA opt-out. A keyword counts only when it is the whole message or a whole sentence
 * (politeness aside); otherwise a clear request to stop contact is required. Substrings never
 * count: "stop by the house" and "the end of the month" are ordinary talk.
 */
export function detectOptOut(text: string): boolean {
  const whole = flatten(text);
  if (whole.length === 0) return false;
  if (isBare(whole, BARE_OPT_OUT_WORDS, BARE_OPT_OUT_PHRASES)) return true;
  const spelled = spelledOut(text);
  if (spelled && isBare(flatten(spelled), BARE_OPT_OUT_WORDS, BARE_OPT_OUT_PHRASES)) return true;
  if (sentences(text).some((sentence) => isBare(sentence, BARE_OPT_OUT_WORDS, BARE_OPT_OUT_PHRASES)))
    return true;
  if (clauses(text).some((clause) => isBare(clause, FRAGMENT_OPT_OUT_WORDS, BARE_OPT_OUT_PHRASES)))
    return true;
  return sentences(text).some(requestsStop);
}

const OPT_IN_REQUESTS: readonly RegExp[] = [
  wordRegex('opt (?:me )?(?:back )?in|optin|resubscribe|unstop'),
  wordRegex(
    '(?:you can|you may|please|ok to|okay to|go ahead and) (?:start )?(?:text|message|txt)(?:ing)? me again',
  ),
  wordRegex('(?:puedes|pueden|puede) (?:volver a )?(?:escribirme|enviarme mensajes|mandarme mensajes)'),
];

// A bare "yes" is a carrier keyword, but after an opt-out it usually answers the last question.
const AMBIGUOUS_OPT_IN = new Set(['yes', 'si']);

/**
 * Re-subscribe after an opt-out: START, UNSTOP or YES. "yes" is a carrier keyword, so callers
 * must only consult this for contacts who are currently opted out; `strict` drops the bare
 * "yes"/"sí" so only an explicit START, UNSTOP or opt-in request counts.
 */
export function detectOptIn(text: string, opts: { strict?: boolean } = {}): boolean {
  const whole = flatten(text);
  if (whole.length === 0) return false;
  const words = opts.strict ? BARE_OPT_IN_WORDS.filter((w) => !AMBIGUOUS_OPT_IN.has(w)) : BARE_OPT_IN_WORDS;
  if (isBare(whole, words, BARE_OPT_IN_PHRASES)) return true;
  const spelled = spelledOut(text);
  if (spelled && isBare(flatten(spelled), words, BARE_OPT_IN_PHRASES)) return true;
  return sentences(text).some((sentence) => OPT_IN_REQUESTS.some((pattern) => pattern.test(sentence)));
}
