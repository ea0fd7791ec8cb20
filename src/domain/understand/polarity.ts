import { ACK_WORDS, NO_WORDS, YES_WORDS } from '../language/yes-no.ts';
import { prepare } from './objections-text.ts';
import type { AskedQuestion, UtteranceContext } from './types.ts';

export interface Polarity {
  act: 'affirm' | 'deny';
  /** Set when the message answers a yes/no question. */
  yes_no?: 'yes' | 'no';
}

// Questions whose answer is a fact, not a yes or a no: "ok" after "what condition is it in?" says
// the condition is fair, "no" after "what's your budget?" is not a refusal.
const OPEN_QUESTIONS: ReadonlySet<AskedQuestion> = new Set([
  'motivation',
  'condition',
  'price',
  'budget',
  'needs',
  'area',
]);
// Asked as yes/no: "are you pre-approved?", "does Thursday at 4 work?", "would 30-45 days work?".
const YES_NO_QUESTIONS: ReadonlySet<AskedQuestion> = new Set(['preapproval', 'appointment', 'timeline']);

const GREETING_WORDS =
  /^(?:(?:hi|hello|hey|heya|hiya|howdy|hola|buenas|buenos dias|buenas tardes|buenas noches|good morning|good afternoon|good evening|oh|oh hi|well|um|uh|lol|haha|omg|eek|wow|yay|ooh|ah) )+/;
const YES = new RegExp(
  `^(?:${YES_WORDS}|yes|yeah|yep|yup|sure|ok|alright|all right|absolutely|definitely|of course|correct|exactly|indeed|affirmative|totally|for sure|certainly|you bet|si|claro|dale|orale|andale|simon|por supuesto|de acuerdo|esta bien|sounds good|sounds great|sounds perfect|works for me|that works|thatd work|that would work|perfect|perfecto|confirmed|will do|lets do it|lets do this|lets go|thats right|thats me|thats correct|thats us|yes please|please do|go ahead)\\b`,
);
// A yes or no at the very end: "my uncle is a loan officer so yeah".
const YES_LAST = /\b(?:so|then|and|but) (?:yes|yeah|yep|yup|si)$/;
// Whole-message yeses that mean something else inside a sentence ("ya" is also Spanish "already").
const YES_ALONE =
  /^(?:k|ya|va|sale|sale pues|va pues|simon|yes yes|si si|ok ok|kk|bet|word|mhm|uh huh|yessir|yes sir|yes maam|claro que si|sip)$/;
const NO = new RegExp(
  `^(?:${NO_WORDS}|thanks but no|ahorita no|ahora no|hoy no|por ahora no|not this (?:week|weekend|time|month)|not tomorrow|thank you but no|nope|nah|not really|not yet|negative|no way|not at all|para nada|todavia no|aun no|no todavia|not exactly|i dont think so|dont think so|no creo|no sir|hell no|absolutely not|definitely not|probably not|i said no|nel|nop|not at this time|not right now|not now|not today)\\b`,
);
// A bare "no" is an answer when a comma or stop follows it ("no, todavía no") or one of these
// words does ("no thanks", "no not yet", "no we haven't"). Otherwise it opens a Spanish sentence
// ("no me interesa", "no chinguen") or names nothing ("no rush", "no HOA", "no more texts").
const NO_THEN =
  /^no (?:thanks|thank|not|im|i|we|were|can|could|do|dont|thats|that|its|it|way|sir|maam|gracias|todavia|aun|senor|senora|no|and|but|sorry|just|never|definitely|absolutely|lol|haha|jaja|please|pero|bueno|ya|nope|nah|tho|though|ive|weve|havent|not yet|gracias)\b/;
const REFUSAL =
  /\b(?:thats personal|thats private|not telling|rather not (?:say|share)|prefer not to (?:say|share)|none of your business|not your business|no te voy a decir|no le voy a decir|prefiero no decir|no es de su incumbencia)\b/;
const NEITHER = /^(?:neither|none|ninguno|ninguna|ni uno ni otro|ni una ni otra)\b/;
const WRONG = /\b(?:thats wrong|thats not right|not right|incorrect|wrong)\b/;
// "yes that's right", "nope, march not may": confirming or correcting what the bot read back.
const CONFIRMING = /\b(?:right|correct|wrong|exactly)\b|\b[a-z0-9]+ not [a-z0-9]+$/;
// A yes that answers something else: "ok START", "yes resume texts", "ok mr robot".
// "k thx": thanks after a yes leaves it a yes.
const THANKS_AFTER = / (?:thanks|thank you|gracias)$/;
const NOT_A_YES = /^(?:yes|ok|si|sure) (?:start|resume|unstop|mr robot|robot|bot|chatgpt|ai)\b/;
const APPROVING_EMOJI =
  /^(?:\p{Emoji_Modifier}|\u{1F44D}|\u{1F44C}|\u2705|\u2714|\u{1F64C}|\u{1F646}|\u{1F197}|\uFE0F|\s)+$/u;
const DEFERRING = /^maybe (?:after|later|next|another|some other|in)\b/;
// A no at the very end: "jerking us around on the approval, so no not yet".
const NO_LAST = /\b(?:so|then|but) (?:no|nope|nah)(?: not yet)?$|\bso not yet$/;
// A clause that is only a yes or a no: "you already asked me that. yes. approved."
const YES_CLAUSE = /^(?:yes|yeah|yep|yup|si)$/;
const NO_CLAUSE = /^(?:no|nope|nah|not yet|todavia no)$/;
// "I told the other guy yesterday, yes we have the letter": a later clause that opens with the
// answer and goes on to say what it is.
const YES_OPENS = new RegExp(
  `^(?:${YES_WORDS}) (?:we|i|it|its|thats|he|she|they|ya|tenemos|tengo|estamos)\\b`,
);
const NO_OPENS = new RegExp(
  `^(?:no|${NO_WORDS}) (?:we|i|it|its|thats|not|todavia|aun|tenemos|tengo|estamos)\\b`,
);
// A day or time that works: "thursday works but only after 6", "el sabado is good", "saturday at
// 10 is perfect".
const DAY_OR_TIME =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:tomorrow|today|tonight|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/;
const WORKS =
  /\b(?:works?|work for (?:me|us)|is (?:good|fine|perfect|great|ok|okay)|sounds (?:good|great|perfect)|me (?:queda|funciona) bien|esta bien|is better)\b/;
// Taking the meeting with a condition or an open door: "stop by anytime after 4", "you better
// actually show up".
const OPEN_DOOR =
  /\b(?:stop|come|swing|drop) (?:by|over) (?:any ?time|whenever)\b|\bany ?time works\b|\bbetter (?:actually )?(?:show up|be on time)\b/;
// Turning the meeting down after a bad visit: "not doing that again", "why would i book again".
const TURNED_DOWN =
  /\bnot doing (?:that|this|it) again\b|\bwhy would (?:i|we) (?:book|meet|schedule|do (?:that|this|it))\b/;
const NOT_DAY =
  /^(?:not|no|cant|can not|cannot)\b|\b(?:doesnt|dont|does not|do not|wont|will not|cant|no) (?:work|funciona|me queda)\b/;
const FLEXIBLE = /\b(?:flexible|flexibles|whenever works|any time works|either works)\b/;

function bareNo(text: string, firstClause: string): boolean {
  if (!/^no\b/.test(text)) return false;
  return firstClause === 'no' || NO_THEN.test(text);
}

function polarityOf(
  flat: string,
  firstClause: string,
  raw: string,
  ctx: UtteranceContext,
): 'yes' | 'no' | null {
  const open = ctx.lastQuestion !== null && OPEN_QUESTIONS.has(ctx.lastQuestion);
  if (REFUSAL.test(flat)) return 'no';
  if (open) return null;
  if (APPROVING_EMOJI.test(raw.trim())) return 'yes';
  const text = flat.replace(GREETING_WORDS, '');
  if (ctx.lastQuestion === 'timeline' && FLEXIBLE.test(text)) return 'yes';
  if (ctx.lastQuestion === 'buy_or_sell' && NEITHER.test(text)) return 'no';
  if (ctx.lastQuestion === 'appointment' && DEFERRING.test(text)) return 'no';
  if (ctx.lastQuestion === 'appointment' && TURNED_DOWN.test(text)) return 'no';
  if (NO.test(text) || bareNo(text, firstClause)) return 'no';
  // "ok, not yet", "ok, todavía no": the "ok" takes the question in, the rest answers it.
  const afterAck = text.replace(ACK_FIRST, '');
  if (afterAck !== text && NO.test(afterAck)) return 'no';
  // "ya" is "now" after the timeline question; the timeline reader takes it.
  const bare = text.replace(THANKS_AFTER, '');
  if (YES_ALONE.test(bare)) return ctx.lastQuestion === 'timeline' && bare === 'ya' ? null : 'yes';
  if (NOT_A_YES.test(text)) return null;
  if (YES.test(text) || YES_LAST.test(text)) return 'yes';
  if (NO_LAST.test(text)) return 'no';
  if (ctx.lastQuestion === 'appointment') {
    const clause = firstClause.replace(GREETING_WORDS, '');
    if (!NOT_DAY.test(clause) && DAY_OR_TIME.test(clause) && WORKS.test(clause)) return 'yes';
  }
  if (ctx.lastQuestion === 'appointment' && OPEN_DOOR.test(text)) return 'yes';
  if (ctx.lastQuestion === 'preapproval' && YA_ALREADY.test(text)) return 'yes';
  return null;
}

const ACK_FIRST = new RegExp(`^(?:${ACK_WORDS})\\s+`);

// "ya thru navy federal", "ya tenemos la carta": Spanish "ya" (already) answering "are you pre-approved?".
const YA_ALREADY = /^ya (?!no\b|casi\b|merito\b|mero\b)[a-z]+/;

/** A clause further on that is only a yes or a no, after a complaint or an aside. */
function clauseAnswer(flat: string, clauses: readonly { start: number; end: number }[]): 'yes' | 'no' | null {
  for (const c of clauses.slice(1)) {
    const clause = flat.slice(c.start, c.end).trim();
    if (YES_CLAUSE.test(clause) || YES_OPENS.test(clause)) return 'yes';
    if (NO_CLAUSE.test(clause) || NO_OPENS.test(clause)) return 'no';
  }
  return null;
}

function answersYesNo(flat: string, ctx: UtteranceContext): boolean {
  if (ctx.lastQuestion !== null) return YES_NO_QUESTIONS.has(ctx.lastQuestion);
  // No pending question: only a bot that read something back ("so that's 3 beds?") gets one.
  if (ctx.bot === 'lead') return false;
  return /^(?:yes|no|si)$/.test(flat) || CONFIRMING.test(flat) || WRONG.test(flat);
}

/** Whether the message says yes or no, and whether that answers a yes/no question. */
export function readPolarity(text: string, ctx: UtteranceContext): Polarity | null {
  const p = prepare(text);
  const first = p.clauses[0];
  const firstClause = first ? p.flat.slice(first.start, first.end).replace(GREETING_WORDS, '') : '';
  const said =
    polarityOf(p.flat, firstClause, p.raw, ctx) ??
    (ctx.lastQuestion !== null && YES_NO_QUESTIONS.has(ctx.lastQuestion)
      ? clauseAnswer(p.flat, p.clauses)
      : null);
  if (!said) return null;
  const act = said === 'yes' ? 'affirm' : 'deny';
  const refusal = REFUSAL.test(p.flat);
  // A yes to "would 30-45 days work?" takes the window; a "not yet, maybe next year" answers
  // when instead (the timeline reader's part), so it denies without a yes_no value.
  const answersWhen = said === 'no' && ctx.lastQuestion === 'timeline';
  return !refusal && !answersWhen && answersYesNo(p.flat, ctx) ? { act, yes_no: said } : { act };
}

const NOISE_PHRASES = [
  'thanks',
  'thank you',
  'thank you so much',
  'thanks so much',
  'thanks a lot',
  'many thanks',
  'muchas gracias',
  'gracias',
  'mil gracias',
  'np',
  'no problem',
  'no worries',
  'de nada',
  'lol',
  'lmao',
  'haha',
  'hahaha',
  'jaja',
  'jajaja',
  'hehe',
  'ha',
  'lmk',
  'let me know',
  'nvm',
  'never mind',
  'nevermind',
  'maybe',
  'kinda',
  'kind of',
  'sort of',
  'mande',
  'que',
  'what',
  'huh',
  'hm',
  'hmm',
  'oh',
  'ah',
  'wow',
  'cool',
  'nice',
  'brb',
  'busy right now',
  'busy',
  'cant talk',
  'cant talk right now',
  'at work',
  'driving',
  'one sec',
  'hold on',
  'hang on',
  'one moment',
  'just a sec',
  'un segundo',
  'espera',
  'espereme',
  'one second',
  'give me a sec',
  'give me a second',
  'give me a minute',
  'give me a min',
  'un momento',
  'sorry wrong chat',
  'wrong chat',
  'sorry wrong text',
  'wrong text',
  'sorry wrong thread',
  'you too',
  'to you too',
  'same to you',
  'igualmente',
  'merry christmas',
  'happy new year',
  'happy holidays',
  'feliz navidad',
  'ill get back to you',
  'ill get back to u',
  'get back to you',
  'will get back to you',
  'ill let you know',
  'let me think about it',
  'let me think',
  'ill think about it',
  'lo pienso',
  'lo voy a pensar',
  'dejeme pensarlo',
];
// "let me ask my wife", "I'll check with my husband", "déjeme hablarlo con mi esposo".
const CHECK_WITH =
  /^(?:let me|lemme|ill|i will|i need to|i have to|gotta|need to|have to|dejeme|dejame|voy a) (?:ask|check with|talk to|talk with|run it by|consult|discuss (?:it|this) with|hablarlo con|hablar con|preguntarle a|preguntar a|consultarlo con)(?: my| mi| with my)? (?:wife|husband|spouse|partner|family|fiance|fiancee|boyfriend|girlfriend|mom|dad|son|daughter|kids|esposa|esposo|familia|pareja|hijo|hija|hijos)(?: first| and get back to you| primero)?$/;
const NOISE_WORDS = NOISE_PHRASES.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length);

// Every word of the clause belongs to a noise phrase, longest phrases first.
function onlyNoise(clause: string): boolean {
  const words = clause.split(' ');
  let i = 0;
  while (i < words.length) {
    const at = i;
    const phrase = NOISE_WORDS.find((p) => p.every((word, k) => words[at + k] === word));
    if (!phrase) return false;
    i += phrase.length;
  }
  return true;
}

/**
 * True when the message is only thanks, laughter, filler, a holiday wish back, "one sec", "wrong
 * chat" or "let me ask my wife": nothing to answer and nothing to record.
 */
export function isNoise(text: string): boolean {
  const p = prepare(text);
  if (p.flat === '') return /\p{Extended_Pictographic}/u.test(text) && !APPROVING_EMOJI.test(text.trim());
  return p.clauses.every((c) => {
    const clause = p.flat.slice(c.start, c.end);
    return CHECK_WITH.test(clause) || onlyNoise(clause);
  });
}
