import { remember } from '../remember.ts';
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
export const SELL_STRONG = [
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
  // "ayuda con la venta por favor", "inherited mom's condo, neither of us wants it".
  /\bayuda(?:rme|rnos)? con la venta\b/,
  new RegExp(`\\b(?:offload|unload|get rid of) (?:my|our|the|this|his|her|their|moms|dads) ?${PROPERTY}\\b`),
  // "we haven't even listed our current house yet": a sale still to come.
  new RegExp(
    `\\b(?:havent|have not|hasnt|not) (?:even |yet )?(?:listed|put up|put on the market) (?:our|my|the) (?:current |old )?${PROPERTY}\\b`,
  ),
  /\binherited (?:[a-z]+ ){0,3}(?:house|home|condo|place|property)\b.{0,30}\b(?:neither of us|nobody|no one|none of us) (?:wants|can keep|can live)/,
];
export const BUY_STRONG = [
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
  // "buscamos un terreno para poner una traila": land to buy.
  /\b(?:busco|buscamos|buscando) (?:un )?(?:terreno|lote)\b/,
  /\bcomprar (?:una |mi primera )?casa\b/,
  // A street name of up to ten words: an open run of letters and spaces was rescanned to the end.
  /\bis (?:the|this|that) (?:house|home|property|one|listing)(?: on [a-z]+(?: [a-z]+){0,9})? (?:still )?(?:available|for sale)\b/,
  /\b(?:schedule|set up|book) a (?:showing|tour|viewing)\b/,
  /\b(?:any|show me|send me|see) (?:\w+ )?(?:listings|homes|houses|properties)\b/,
  /\b(?:homes|houses|properties|casas) (?:for sale|available|en venta|disponibles)\b/,
  // "tryna get into a starter home", "we wanna be homeowners by next christmas".
  /\bstarter (?:home|house)\b|\b(?:be|become|becoming) (?:first[- ]time )?homeowners\b|\bget (?:into|in) (?:a|our|my) (?:first |own )?(?:home|house|place)\b/,
  // "¿es usted el de la casa en venta en la Base Line?", "are you the agent for the house for sale".
  /\b(?:es usted|eres|son ustedes|are you|is this) (?:el|la|los|the (?:agent|realtor|one|guy|person))? ?(?:de|del|for|with|on) (?:la|el|the) (?:casa|house|home|listing|propiedad|anuncio)(?: que (?:tienen|tiene|esta))? (?:en venta|for sale)\b/,
];
const SELL_WEAK = /\b(?:sell|selling|seller|sellers|list it|vender|vendo|venta|vendiendo)\b/;
const BUY_WEAK = new RegExp(
  '\\b(?:buy|buying|buyer|buyers|purchase|comprar|compra|comprando|pre-?approved|preapproved|pre ?aprobad[oa]s?)\\b' +
    `|\\b(?:want|need) (?:a|an) (?:[\\w-]+ ){0,3}${PROPERTY}\\b`,
);
export const BOTH = [
  /\bsell\w* (?:\w+ ){0,4}(?:before|and|then|to|so) (?:\w+ ){0,3}(?:buy|purchase)/,
  /\b(?:buy|purchase)\w* (?:\w+ ){0,4}(?:before|after|and|once) (?:\w+ ){0,3}sell/,
  /\bvend(?:er|o|emos)\w* (?:\w+ ){0,3}(?:y|para|antes de) (?:\w+ ){0,2}compr(?:ar|o|amos)/,
  /\bcompr(?:ar|o|amos)\w* (?:\w+ ){0,3}(?:y|antes de|despues de) (?:\w+ ){0,2}vend(?:er|o|emos)/,
  // "we're on both sides of this", "gotta offload our condo in Upland and find a house with a yard".
  /\b(?:on|from) both sides\b/,
  /\b(?:sell|offload|unload|get rid of)\w* (?:\w+ ){0,4}and (?:\w+ ){0,2}find (?:a|an|our|my|the) /,
];
/** Words that negate a buy/sell verb a few words later: "not selling", "no need to sell anything". */
export const INTENT_NEGATION =
  '(?:not|dont|do not|doesnt|does not|no longer|never|wont|will not|arent|are not|isnt|not really|dont really|no need to|nothing to)';
const NEG = INTENT_NEGATION;
const NOT_SELL = new RegExp(
  `\\b${NEG} (?:\\w+ ){0,2}(?:sell|selling)\\b|\\bno (?:quiero|queremos|vamos a|pienso|pensamos|planeamos|estoy|estamos|voy a|me interesa|nos interesa)(?: \\w+)? (?:vender|vendiendo)\\b`,
);
const NOT_BUY = new RegExp(
  `\\b${NEG} (?:\\w+ ){0,2}(?:buy|buying|purchase)\\b|\\bno (?:quiero|queremos|vamos a|pienso|pensamos|planeamos|estoy|estamos|voy a|me interesa|nos interesa)(?: \\w+)? (?:comprar|comprando)\\b`,
);
export const AD_PHRASES = /\bwe buy houses\b/g;

// Someone else's sale or purchase: "our landlord is selling", "did the one on Banyan sell"
// (simplified text).
export const THIRD_PARTY =
  /\b(?:landlords?|landlady|owner|owners|neighbou?rs?|robots?|investors?|they|he|she|people|everyone|agents?|realtors?|one|house|home|it|casero|dueno|vecinos?)(?: is| are| s| r| was| just| already| gonna| going to| want to| wants to){0,2} (?:sell|selling|sold|buy|buying|bought|vender|vendiendo|vendio|comprar)\b/;

/** The message speaks of someone else's sale or purchase ("our landlord is selling"). */
export function speaksOfOthers(text: string): boolean {
  return THIRD_PARTY.test(simplify(text));
}

/**
 * Buy, sell, both or other for any message: "looking to buy", "I want to sell my house",
 * "what's my home worth" (sell), "need to sell before we buy" (both), "hola quiero vender mi casa"
 * (sell), "hi" (other). Negations count ("not selling, just want to buy" → buy).
 */
export function classifyIntent(text: string): IntentResult {
  return intent(text);
}

const intent = remember(readIntent, 8, (result) => ({ ...result }));

function readIntent(text: string): IntentResult {
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
