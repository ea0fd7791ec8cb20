import { fold, simplify } from './normalize.ts';

/**
 * A correction inside a message: what follows it replaces what came before ("650. actually make
 * that 700", "Fontana. actually no, Rialto", "2 bed is fine. make that 3"). Global, over
 * simplified text.
 */
export const CORRECTION =
  /\b(?:actually(?: no)?|make (?:that|it)|i mean|scratch that|correction|wait no|no wait|ok maybe|mejor|perdon|digo|o sea)\b/g;

const CHANGED_MIND =
  /\b(?:changed (?:my|our) minds?|change of plans?|plans changed|(?:not|no longer) (?:selling|buying|moving|looking)(?! (?:yet|just yet|right now|rn|until|till|til|before|this (?:year|month|winter|season))\b)(?: anymore)?|(?:not|no longer) (?:going|planning) to (?:sell|buy|move)|decided (?:not to|to not) (?:sell|buy|move)|decided to (?:stay|keep (?:it|the house)|rent it|refinance)|(?:were|we are|im|i am) (?:staying|keeping (?:it|the house))|staying put|tak(?:e|ing) it off the market|(?:not|no longer) interested(?: anymore)?|never ?mind|nvm|forget (?:it|about it)|dont want to (?:sell|buy)(?: anymore)?|cambie de (?:opinion|idea)|cambiamos de (?:opinion|idea|planes)|ya no (?:quiero|queremos|vamos a|voy a|nos interesa|me interesa|estoy|estamos)(?! (?:lidiar|batallar|seguir (?:siendo|de)|ser (?:landlord|casero)|rentar|pagar|tener inquilinos|aguantar))|olvidalo|mejor no|(?:going to|gonna|decided to|will|plan to) (?:add on|remodel|renovate|build an addition|expand|fix (?:it|this one) up)(?: instead)?|instead of (?:moving|selling|buying)|sorry (?:to|for) (?:waste|wasting) your time)\b/;
const GREETING =
  /^(?:hi|hii+|hello|helo|hey|heya|hey there|hi there|hello there|yo|howdy|hiya|greetings|good (?:morning|afternoon|evening|day)|morning|afternoon|evening|hola|holaa+|buenos dias|buen dia|buenas tardes|buenas noches|buenas|que tal|saludos|que onda)\b/;
const SMALL_TALK = new Set(
  (
    'there jorge sir maam how are you u r doing its going hows whats up sup como esta estas le va que tal ' +
    'hope youre well thanks thank gracias ok pleased to meet mucho gusto friend amigo senor senora good ' +
    'morning afternoon evening day buenos dias buenas tardes noches hello hi hey hola is this today all ' +
    'yall everyone team mr mrs ms and nice'
  ).split(' '),
);
const AD_OR_REFERRAL =
  /\b(?:(?:saw|seen|see|found|got|received|get) (?:your|ur|the|an|a) (?:ad|advert\w*|post|listing|sign|flyer|flier|postcard|mailer|letter|card|video|page|website|site|commercial|billboard|email|message|text)|your (?:ad|advert\w*|postcard|flyer|flier|mailer|sign|website|billboard|commercial|video)|(?:facebook|fb|instagram|ig|google|youtube|tiktok|zillow|nextdoor) (?:ad|post|page|listing)|(?:found|saw) you on|referr(?:ed|al)|recommended you|(?:gave|passed) me your (?:number|name|info|card|contact)|told me (?:about you|to (?:call|text|reach out to|contact) you)|(?:vi|vimos) (?:su|tu) (?:anuncio|publicidad|letrero|volante|tarjeta|postal|pagina)|(?:su|tu) (?:anuncio|volante|postal|tarjeta)|me (?:recomendo|recomendaron|refirio|refirieron|paso|dieron) (?:su|tu)|me (?:recomendo|recomendaron|refirio|refirieron)|(?:me dio|me dieron) su numero)\b/;
const CONTENT_WORDS =
  /\b(?:sell|selling|buy|buying|house|home|price|worth|looking|want|need|casa|vender|comprar|precio|quiero|busco|bed|bath|offer|cash|list|listing|move|moving|agent|call|ad|saw|question|help|info|stop|bot|real|rate|commission|appointment)\b/;

/**
 * "sorry, changed my mind, we want to sell": a change of mind toward selling or buying, on the
 * simplified or prepared text (apostrophes gone, words joined by spaces).
 */
export const CHANGED_MIND_TO_YES =
  /\b(?:changed (?:my|our) minds?|cambi\w* de (?:opinion|idea))\W+(?:\w+\W+){0,3}?(?:(?:we|i)\W+(?:do\W+|really\W+|actually\W+|still\W+)?(?:want|wanna|would like|d like|re going|are going|m going|am going|will|ll|can|could)\W+(?:to\W+)?(?:sell|list|buy)|(?:si\W+)?(?:queremos|vamos a|quiero|voy a)\W+(?:vender|comprar))/;

/** "Changed my mind", "not selling anymore", "never mind", "ya no quiero vender" and the like. */
export function isChangedMind(text: string): boolean {
  const plain = simplify(text);
  return CHANGED_MIND.test(plain) && !CHANGED_MIND_TO_YES.test(plain);
}

/**
 * A lead who said no coming back: "actually yes, we might sell in march", "wait, my wife says we
 * should sell", "pensándolo bien sí queremos vender". Read beside a sell or buy intent.
 */
const BACK_IN =
  /\b(?:(?:ok|okay|alright|fine)(?: fine)? (?:youre|you re|yall are|you guys are) persistent|(?:ok|okay|alright) fine|actually|on second thought|after all|changed (?:my|our) minds?|thought about it|talked (?:it over|about it)|(?:my|our) (?:wife|husband|partner|spouse|hubby) (?:says|said|thinks|wants)|wait|pensandolo bien|siempre si|despues de todo|al final si|cambie de (?:opinion|idea)|cambiamos de (?:opinion|idea)|mi (?:esposa|esposo) (?:dice|quiere))\b/;

export function isBackIn(text: string): boolean {
  return BACK_IN.test(simplify(text));
}

/** True when the message is only a greeting ("hi", "hey Jorge, how are you?", "buenas tardes"). */
export function isGreeting(text: string): boolean {
  const simple = simplify(text)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const greeting = GREETING.exec(simple);
  if (!greeting) return false;
  const rest = simple.slice(greeting[0].length).trim();
  if (CONTENT_WORDS.test(rest)) return false;
  const restWords = rest ? rest.split(' ') : [];
  // Up to two unknown words are a name ("hi Maria"); longer tails must be small talk.
  return restWords.every((w) => SMALL_TALK.has(w)) || restWords.length <= 2;
}

// Words that open a message as a greeting even when more follows ("hi, who is this?"). "yo" is
// left out: it is also Spanish "I" ("yo nunca les di mi número").
const OPENER =
  /^(?:hi|hii+|hello|helo|hey|heya|hey there|hi there|hello there|howdy|hiya|greetings|good (?:morning|afternoon|evening|day)|happy (?:holidays|thanksgiving|new year|easter|friday|monday)|hola|holaa+|buenos dias|buen dia|buenas tardes|buenas noches|buenas|saludos)\b/;
// A wish sent back ("merry christmas to you too") answers ours; it greets nobody.
const WISH_BACK = /\b(?:to you too|you too|same to you|igualmente)\b/;
// "this is Brenda", "yes this is Mike", "soy Rosa": introducing oneself by name.
const SELF_INTRO =
  /^(?:(?:yes|yeah|yep|si|hi|hey|hello|hola)[,.!]? )?(?:this is|it's|its|soy|me llamo|my name is|mi nombre es) (?=\S)/;

/**
 * True when the message opens with a greeting or the sender introduces themselves by name,
 * whatever follows: "hi, who is this?", "hey! yes that's me", "yes this is Mike", "buenas".
 */
export function opensWithGreeting(text: string): boolean {
  const simple = simplify(text)
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (OPENER.test(simple)) return !WISH_BACK.test(simple);
  const folded = fold(text).trim();
  const intro = SELF_INTRO.exec(folded);
  if (!intro) return false;
  // A name follows, capitalised as written: "this is Mike", not "this is harassment" or "THIS IS SPAM".
  return /^\p{Lu}\p{Ll}/u.test(text.trim().slice(intro[0].length));
}

/** "Saw your ad", "my friend referred me", "got your postcard", "vi su anuncio", "me recomendaron". */
export function mentionsAdOrReferral(text: string): boolean {
  return AD_OR_REFERRAL.test(simplify(text));
}
