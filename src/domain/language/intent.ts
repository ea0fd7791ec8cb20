import { simplify } from './normalize.ts';

export type Intent = 'buy' | 'sell' | 'both' | 'other';

/** What the lead wants, with 0..1 confidence (strong phrase 0.9, a single weak word 0.6, none 0.3). */
export interface IntentResult {
  intent: Intent;
  confidence: number;
}

const PROPERTY = '(?:house|home|condo|townhouse|townhome|property|place|land|lot|casa|propiedad)';
const WANT =
  '(?:want|wanna|need|needs|looking|planning|thinking|considering|trying|ready|going|plan|hoping|hope|interested in|about|would like|wed like|id like|time|decided|deciding|have|gotta|got)';
const SELL_STRONG = [
  new RegExp(
    `\\b(?:sell|selling|list|listing) (?:my|our|the|this|his|her|their|mi|a|moms|dads)? ?${PROPERTY}\\b`,
  ),
  new RegExp(`\\b${WANT} (?:to |on |of |about )?(?:sell|selling|list|listing)\\b`),
  /\bwhats? (?:my|our) (?:house|home|property|place|condo) worth\b/,
  /\bhow much (?:is|could|would|can|will|do) (?:my|our|i|we) (?:house|home|place|property|get|sell)/,
  /\b(?:home|house|property) (?:value|valuation|appraisal|estimate)\b/,
  /\bcma\b/,
  /\b(?:do|would|will|can|could) you (?:guys |still )?(?:buy|purchase) (?:houses|homes|properties|my|our)\b/,
  /\bbuy (?:my|our) (?:house|home|place|property|condo)\b/,
  /\bcash (?:offer|buyer|buyers) for (?:my|our)\b/,
  /\b(?:quiero|queremos|quisiera|quisieramos|necesito|necesitamos|pienso|pensamos|planeamos|vamos a|me gustaria) (?:a )?vender\b/,
  /\bvender (?:mi|nuestra|la|una) (?:casa|propiedad)\b/,
  /\bcuanto vale (?:mi|nuestra) (?:casa|propiedad)\b/,
  /\bvendo (?:mi )?casa\b/,
];
const BUY_STRONG = [
  new RegExp(`\\b${WANT} (?:to |on |of |about )?(?:buy|buying|purchase|purchasing)\\b`),
  new RegExp(
    `\\blooking (?:for|at) (?:a |an |our |my |the )?(?:[\\w-]+ ){0,3}(?:${PROPERTY}|homes|houses|properties)\\b`,
  ),
  /\b(?:house|home) hunting\b/,
  /\bfirst[- ]time (?:home ?)?buyers?\b/,
  // Not "buy my house": that is a seller asking us to buy theirs.
  new RegExp(`\\bbuy (?:a|an|the|this|that|our first|my first|a new) ?${PROPERTY}\\b`),
  /\b(?:quiero|queremos|quisiera|quisieramos|necesito|necesitamos|buscamos|busco|pensamos|planeamos|vamos a|me gustaria) (?:a )?comprar\b/,
  /\b(?:busco|buscamos|buscando) (?:una )?casa\b/,
  /\bcomprar (?:una |mi primera )?casa\b/,
  // A street name of up to ten words: an open run of letters and spaces was rescanned to the end.
  /\bis (?:the|this|that) (?:house|home|property|one|listing)(?: on [a-z]+(?: [a-z]+){0,9})? (?:still )?(?:available|for sale)\b/,
  /\b(?:schedule|set up|book) a (?:showing|tour|viewing)\b/,
  /\b(?:any|show me|send me|see) (?:\w+ )?(?:listings|homes|houses|properties)\b/,
  /\b(?:homes|houses|properties|casas) (?:for sale|available|en venta|disponibles)\b/,
];
const SELL_WEAK = /\b(?:sell|selling|seller|sellers|list it|vender|vendo|venta|vendiendo)\b/;
const BUY_WEAK = new RegExp(
  '\\b(?:buy|buying|buyer|buyers|purchase|comprar|compra|comprando|pre-?approved|preapproved|pre ?aprobad[oa]s?)\\b' +
    `|\\b(?:want|need) (?:a|an) (?:[\\w-]+ ){0,3}${PROPERTY}\\b`,
);
const BOTH = [
  /\bsell\w* (?:\w+ ){0,4}(?:before|and|then|to|so) (?:\w+ ){0,3}(?:buy|purchase)/,
  /\b(?:buy|purchase)\w* (?:\w+ ){0,4}(?:before|after|and|once) (?:\w+ ){0,3}sell/,
  /\bvender (?:\w+ ){0,3}(?:y|para|antes de) (?:\w+ ){0,2}comprar/,
  /\bcomprar (?:\w+ ){0,3}(?:y|antes de|despues de) (?:\w+ ){0,2}vender/,
];
const NEG = '(?:not|dont|do not|no longer|never|wont|will not|arent|are not|isnt|not really|dont really)';
const NOT_SELL = new RegExp(
  `\\b${NEG} (?:\\w+ ){0,2}(?:sell|selling)\\b|\\bno (?:quiero|queremos|vamos a|pienso|pensamos|planeamos|estoy|estamos|voy a|me interesa|nos interesa)(?: \\w+)? (?:vender|vendiendo)\\b`,
);
const NOT_BUY = new RegExp(
  `\\b${NEG} (?:\\w+ ){0,2}(?:buy|buying|purchase)\\b|\\bno (?:quiero|queremos|vamos a|pienso|pensamos|planeamos|estoy|estamos|voy a|me interesa|nos interesa)(?: \\w+)? (?:comprar|comprando)\\b`,
);
const AD_PHRASES = /\bwe buy houses\b/g;

/**
 * Buy, sell, both or other for any message: "looking to buy", "I want to sell my house",
 * "what's my home worth" (sell), "need to sell before we buy" (both), "hola quiero vender mi casa"
 * (sell), "hi" (other). Negations count ("not selling, just want to buy" → buy).
 */
export function classifyIntent(text: string): IntentResult {
  const simple = simplify(text).replace(AD_PHRASES, ' ');
  const notSell = NOT_SELL.test(simple);
  const notBuy = NOT_BUY.test(simple);
  const sellStrong = !notSell && SELL_STRONG.some((re) => re.test(simple));
  const buyStrong = !notBuy && BUY_STRONG.some((re) => re.test(simple));
  const sellWeak = !notSell && SELL_WEAK.test(simple);
  const buyWeak = !notBuy && BUY_WEAK.test(simple);
  if (!notSell && !notBuy && BOTH.some((re) => re.test(simple))) return { intent: 'both', confidence: 0.9 };
  if (sellStrong && buyStrong) return { intent: 'both', confidence: 0.85 };
  if (sellStrong) return { intent: 'sell', confidence: buyWeak ? 0.8 : 0.9 };
  if (buyStrong) return { intent: 'buy', confidence: sellWeak ? 0.8 : 0.9 };
  if (sellWeak && buyWeak) return { intent: 'both', confidence: 0.6 };
  if (sellWeak) return { intent: 'sell', confidence: 0.6 };
  if (buyWeak) return { intent: 'buy', confidence: 0.6 };
  return { intent: 'other', confidence: 0.3 };
}

/** What the lead states about buying and selling, as the intent slot: buy, sell or both. */
export type IntentSlot = 'buy' | 'sell' | 'both';

export interface IntentOptions {
  /** The bot in charge: a seller who also speaks of buying locally is `both`, and so is a buyer who sells. */
  bot?: 'lead' | 'seller' | 'buyer';
  /** True when the bot just asked "buying or selling?": a bare "both" / "los dos" then counts. */
  justAsked?: boolean;
}

const FILLER_WORDS =
  '(?:yes|yeah|yep|ok|okay|hi|hey|hello|hola|si|maybe|prob|probably|i think|idk|idk yet|not sure|tbh|honestly|lol|def|definitely|pues|creo que|mmm|hmm|well|um|uh)';
const LEAD_ANSWER = new RegExp(
  `^(?:${FILLER_WORDS}[ ,.!]+){0,3}(?:(?:im|i am|were|we are|were the|i m) (?:a |the )?)?(both|los dos|las dos(?: cosas)?|ambos|ambas|buy|buying|buyer|buyers|compra|comprar|comprando|sell|selling|seller|sellers|vender|vendiendo|venta)\\b`,
);
const BOTH_WORDS = /^(?:both|los dos|las dos(?: cosas)?|ambos|ambas)$/;
const SELL_WORDS = /^(?:sell|selling|seller|sellers|vender|vendiendo|venta)$/;
const THIRD_PARTY =
  /\b(?:landlord|landlady|owner|owners|neighbou?rs?|robots?|investors?|they|he|she|people|everyone|agents?|realtors?|one|house|home|it|casero|dueno|vecinos?)(?: is| are| s| r| was| just| already| gonna| going to| want to| wants to){0,2} (?:sell|selling|sold|buy|buying|bought|vender|vendiendo|vendio|comprar)\b/;
const ON_OUR_OWN =
  /\b(?:sell(?:ing)? (?:it|the house|our house|my house)? ?(?:myself|ourselves|on (?:my|our) own|by owner)|fsbo|(?:vendiendo|vender|vendemos)(?: la| la casa)? (?:nosotros mismos|yo mism[oa]|por (?:mi|nuestra) cuenta))\b/;
const NEGATED_SIDE =
  '(?:not|dont|do not|doesnt|does not|no longer|never|wont|will not|arent|are not|isnt|not really)';
const NOT_SELLING = new RegExp(
  `\\b${NEGATED_SIDE} (?:\\w+ ){0,4}(?:sell|selling)\\b|\\bno (?:quiero|queremos|vamos a|pienso|pensamos|planeamos|estoy|estamos|voy a|me interesa|nos interesa)(?: \\w+)? (?:vender|vendiendo)\\b`,
);
const NOT_BUYING = new RegExp(
  `\\b${NEGATED_SIDE} (?:\\w+ ){0,4}(?:buy|buying|purchase)\\b|\\bno (?:quiero|queremos|vamos a|pienso|pensamos|planeamos|estoy|estamos|voy a|me interesa|nos interesa)(?: \\w+)? (?:comprar|comprando)\\b`,
);
// Only in the lead bot, where the side is still unknown: a lead who loved a house is buying.
const BUYER_INTEREST =
  /\b(?:loved it|love(?:d)? that (?:house|home|one)|(?:cant|can not|cannot) stop thinking about (?:that|the|this) (?:house|home|place|one)|(?:make|put in|write|end \w+ \w+ with) an offer|(?:what|how much) (?:we|i) can afford|(?:find|finding|encontrar|buscar) (?:a |us a |me a |una )?(?:house|home|place|casa)|(?:quit|stop|done) renting|dejar de rentar|(?:stopped|started|start) looking|(?:still|were|we are|im|i am) (?:still )?looking (?:for|to|at)|first (?:home|house)|1st time|first time|nos gusto|(?:me|nos) encanto)\b/;
const SELLER_INTEREST =
  /\b(?:depends on (?:the )?offer|(?:for|with) the right (?:price|offer)|if the (?:price|offer) is right)\b/;
const SELF_AS = /\b(?:as a |(?:im|i am|were|we are|are|r) (?:the |a )?(?:first time )?)(buyers?|sellers?)\b/;
const HELP_TO =
  /\b(?:help (?:me|us) (?:find|buy|get)|ayudar\w* a (?:encontrar|comprar|buscar)|help (?:me|us) sell|ayudar\w* a vender)\b/;
const FIRST_OR = /\b(?:buy|sell)\w* first or (?:buy|sell)\w* first\b/;
const BUY_THERE_TOO = /\bbuy\w* (?:there|over there|out there)(?: too)?\b|\bcomprar (?:alla|alli)\b/;
const FIND_FIRST = /\b(?:find|found|encontrar|encontremos) (?:something|a place|a house|one|algo|una casa)\b/;
const BUY_TOGETHER = /\bbuy (?:one |a (?:house|home|place) )?together\b/;
const QUESTION_OPENER =
  /^(?:do|does|did|can|could|should|would|will|is|are|am|was|what|whats|how|why|when|which|who|cuanto|cuantos|cuanta)\b/;
// Asking what the house is worth is a question about value, not yet a decision to sell.
const HOME_VALUE =
  /\b(?:whats?|what is) (?:my|our) (?:house|home|property|place|condo) worth|how much (?:is|could|would|can|will|do) (?:my|our|i|we) (?:house|home|place|property|get|sell)\w*|(?:home|house|property) (?:value|valuation|appraisal|estimate)|\bcma\b|cuanto vale (?:mi|nuestra) (?:casa|propiedad)/g;
const WEAK_SELL = /\b(?:sell|selling|seller|sellers|list it|vender|vendo|vendiendo)\b/;
const WEAK_BUY = /\b(?:buy|buying|buyer|buyers|purchase|comprar|compra|comprando)\b/;

interface Sides {
  sell: boolean;
  buy: boolean;
  /** A clear statement of buying ("want to buy", "looking for a house"), not a passing word. */
  buyStrong: boolean;
}

function sides(statement: string): Sides {
  const clean = statement.replace(AD_PHRASES, ' ').replace(HOME_VALUE, ' ');
  const third = THIRD_PARTY.test(clean);
  const ownSell = !third && !NOT_SELLING.test(clean);
  const ownBuy = !third && !NOT_BUYING.test(clean);
  const buyStrong = ownBuy && BUY_STRONG.some((re) => re.test(clean));
  return {
    sell: ownSell && (SELL_STRONG.some((re) => re.test(clean)) || WEAK_SELL.test(clean)),
    buy: buyStrong || (ownBuy && WEAK_BUY.test(clean)),
    buyStrong,
  };
}

/**
 * The intent slot: "selling", "we want to buy our first home", "need to sell before we can buy"
 * (both), "comprar", "las dos cosas" (both, right after "buying or selling?"). A seller who will
 * also buy locally is `both`; one who buys out of the area ("buying there too") stays `sell`.
 * Questions about the process ("how long does it take to sell?"), someone else's sale ("our
 * landlord is selling"), selling on one's own and negations ("not looking to buy or sell") state
 * no intent. In the lead bot, interest in a house ("loved it", "want to make an offer") is `buy`.
 */
export function readIntent(text: string, options: IntentOptions = {}): IntentSlot | null {
  const simple = simplify(text)
    .replace(/[^\p{L}\p{N}\s.,;!?'#/-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (ON_OUR_OWN.test(simple)) return null;
  const clauses = simple.match(/[^.?!;,]+[.?!;,]*/g) ?? [];
  const asked = clauses.filter((c) => c.includes('?') || QUESTION_OPENER.test(c.trim()));
  const said = clauses.filter((c) => !asked.includes(c)).join(' ');
  const found = sides(said);
  let sell = found.sell;
  let buy = found.buy;
  if (BOTH.some((re) => re.test(said)) && !NOT_SELLING.test(said) && !NOT_BUYING.test(said))
    sell = buy = true;
  const lead = LEAD_ANSWER.exec(simple)?.[1];
  if (lead && BOTH_WORDS.test(lead) && (options.justAsked || options.bot === 'lead')) return 'both';
  if (lead && !BOTH_WORDS.test(lead)) {
    if (SELL_WORDS.test(lead)) sell = true;
    else buy = true;
  }
  const self = SELF_AS.exec(simple)?.[1];
  if (self) {
    if (self.startsWith('buyer')) buy = true;
    else sell = true;
  }
  const help = HELP_TO.exec(simple)?.[0];
  if (help) {
    if (/sell|vender/.test(help)) sell = true;
    else buy = true;
  }
  if (FIRST_OR.test(simple)) sell = buy = true;
  if (options.bot === 'seller' && (FIND_FIRST.test(said) || BUY_TOGETHER.test(said))) buy = true;
  if (options.bot === 'lead' || options.bot === undefined) {
    if (!buy && !sell && BUYER_INTEREST.test(said)) buy = true;
    if (!buy && !sell && SELLER_INTEREST.test(said)) sell = true;
  }
  if (sell && buy && BUY_THERE_TOO.test(said) && !/\b(?:here|aqui) and buy/.test(said)) buy = false;
  if (sell && buy) return 'both';
  // The side the bot already serves, with the other side clearly stated, is both.
  if (
    buy &&
    options.bot === 'seller' &&
    (found.buyStrong ||
      lead !== undefined ||
      FIRST_OR.test(simple) ||
      FIND_FIRST.test(said) ||
      BUY_TOGETHER.test(said))
  )
    return 'both';
  if (buy && options.bot === 'seller') return null;
  if (
    sell &&
    options.bot === 'buyer' &&
    /\b(?:sell|selling|vender)\w* (?:ours|our|mine|my|it|the)\b/.test(said)
  )
    return 'both';
  if (sell) return 'sell';
  if (buy) return 'buy';
  return null;
}
