import { matchesOf } from '../language/matches.ts';
import { flatten, wordRegex } from '../compliance/text.ts';

// Clause splitting for the question reader: which parts of a message were asked, and how.

export interface Clause {
  /** Flattened words: lower case, no accents, "#" read as "number". */
  flat: string;
  /** Typed with a question mark, or opens like a question ("can we…", "quién…"). */
  asked: boolean;
  /** Opens with a question word or an auxiliary ("who", "can you", "cuánto"), not just a "?". */
  worded: boolean;
  /** Typed with "?" (or "¿"). */
  marked: boolean;
  /** Typed with "?" and holding a question word somewhere. */
  markedWh: boolean;
  /** Ended with "!" and no "?": "how exciting!!". */
  exclaimed: boolean;
  /** Opened with "¿" and closed with "?": "¿aceptan préstamo VA?". */
  opened?: boolean;
}

const NUMBER_SIGN = /#(?!\d)/g;
// An e-mail address would be cut into sentences at its dots; it is read as the word "email".
const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*/gi;
const DECIMAL = /(\d)[.,](?=\d)/g;
const BREAKS = /([^.!?;\n\u2026¿¡]*)([.!?;\n\u2026¿¡]*)/g;

// Politeness and reactions that may come before the question itself.
const LEAD_IN =
  '(?:(?:hi|hey|hello|ok|okay|so|and|but|also|sorry|wait|um|umm|hmm|yes|yeah|no|nope|sure|well|oh|btw|lol|quick question|question|one more thing|real quick|hola|oye|oiga|pues|y|si|bueno|disculpe|perdon|ah|then|actually|honestly|be honest|seriously|please|pls|plz) )*';

// "when"/"where"/"cuando"/"donde" open answers too ("when my lease is up", "donde haya buenas
// escuelas"), so they count only with a verb after them; "como 600" and "como ochocientos" mean
// "about 600" and "about 800".
const QUESTION_WORDS =
  'who|whos|whose|what|whats|wat|wats|wut|how|hows|howd|why|which|(?:where|when) (?:is|are|was|were|do|does|did|can|could|would|will|should|s)|wheres|whered|whens|is|are|r (?:u|you|ya|we|they|there|these|those|prices|rates|homes|houses)|am|do(?! not)|does|did|(?:can|could|cud|would|should|shall) (?:you|u|ya|yall|we|i|it|that|this|there|he|she|they|jorge|someone|somebody|anyone|one|my|our|the|your|prices|rates|homes|houses|values|be)|will (?:you|u|it|that|this|there|he|she|they|jorge|we|i|prices|rates|homes|houses|values|the|my|our|your)|has (?:it|that|this|the|he|she|jorge|anyone|anybody)|have (?:you|u|they|any|yall)|quien|quienes|que|cuanto|cuanta|cuantos|cuantas|cual|cuales|por que|para que|como(?! [0-9]| (?:unos?|unas?|el|la|los|las|mas|menos|de|medio|mil|si|que|en|a|al|por|para|con|siempre|antes|dije|nuev[oa]s?|tal|ya|cuando|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|doscientos|trescientos|cuatrocientos|quinientos|seiscientos|setecientos|ochocientos|novecientos|millon)(?![a-z0-9]))|(?:donde|cuando) (?:esta|estan|es|son|queda|nos|puedo|podemos|hay|va|vamos|seria)|puede|puedes|pueden|podria|podrian|podemos|se puede|me puede|me podria|hablas|sabe|sabes|conoce|conoces';

// These only ask when something follows them: "just curious" alone is a remark.
const ASKING_PHRASES =
  '(?:i )?need help (?:figuring out|understanding|knowing|deciding)|i (?:was|am|m) (?:wondering|curious)|im (?:wondering|curious)|just wondering|wondering|(?:wanna|want to|wanted to) know (?:if|whether|what|how|when|where|why|who)|curious (?:about|what|how|if|whether)|(?:i want|i wanna|id like|i would like) to know|do (?:you|u) know|let me know|tell me|help me understand|any idea|any chance|quiero saber|me gustaria saber|quisiera saber|me puede decir|me puedes decir|digame|dime';

const STARTS_LIKE_QUESTION = new RegExp(
  `^${LEAD_IN}(?:(?:${QUESTION_WORDS})(?![a-z0-9])|(?:${ASKING_PHRASES}) [a-z0-9])`,
);

// A question word anywhere, for sentences typed with "?": "para cuándo sería la cita?".
const QUESTION_WORD_ANYWHERE = wordRegex(
  'who|what|whats|when|where|why|how|which|quien|que|cuando|donde|por que|cuanto|cuanta|cuantos|cuantas|cual|cuales',
);

// Auxiliary + person in the middle of a run-on clause: "tomorrow doesnt work can we do monday".
const ASKS_MIDWAY = wordRegex(
  '(?:can|could|would|will|do|did|should) (?:you|u|ya|we|i)|(?:does|would|will|did) (?:that|it|this)|is (?:it|this|that|there)|are (?:there|you|u)|how (?:do|does|did|much|long|many)|or (?:nah|not|no|what)$|(?:me|nos|lo|la) (?:puede|pueden|podemos|podria)|^se puede',
);

function flatClause(raw: string): string {
  return flatten(raw.replace(/\u0000/g, '.').replace(NUMBER_SIGN, ' number '));
}

/** Sentences of a message, each flattened, with whether and how it was asked. */
export function clausesOf(text: string): Clause[] {
  const guarded = text.replace(EMAIL, ' email ').replace(DECIMAL, '$1\u0000');
  const out: Clause[] = [];
  let afterOpening = false;
  for (const match of matchesOf(BREAKS, guarded)) {
    const flat = flatClause(match[1] ?? '');
    const opening = afterOpening;
    afterOpening = (match[2] ?? '').includes('¿');
    if (flat.length === 0) continue;
    const marked = /[?¿]/.test(match[2] ?? '');
    const worded = wordedQuestion(match[1] ?? '');
    const markedWh = marked && QUESTION_WORD_ANYWHERE.test(flat);
    const exclaimed = !marked && (match[2] ?? '').includes('!');
    out.push({
      flat,
      asked: marked || worded || ASKS_MIDWAY.test(flat),
      worded,
      marked,
      markedWh,
      exclaimed,
      opened: opening && (match[2] ?? '').includes('?'),
    });
  }
  // "¿Cuánto vale?": the opening mark belongs to the sentence after it.
  if (/¿/.test(text)) for (const clause of out) clause.asked = true;
  return out;
}

/** True when any comma-separated part of a sentence opens like a question. */
function wordedQuestion(raw: string): boolean {
  return raw.split(/[,:\u2013\u2014]| - /).some((part, index) => {
    const flat = flatClause(part);
    // "..., which is like 480" goes on the sentence before it; it asks nothing.
    if (index > 0 && RELATIVE.test(flat)) return false;
    return STARTS_LIKE_QUESTION.test(flat);
  });
}

const RELATIVE =
  /^(?:which|who|whose|where|que|quien|donde) (?:is|was|are|were|means|meant|would|will|has|had|es|era|fue|son)(?![a-z0-9])/;

/** The whole message flattened the same way as its clauses. */
export function flatMessage(text: string): string {
  return flatClause(text.replace(EMAIL, ' email '));
}
