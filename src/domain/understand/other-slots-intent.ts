import { locatePlaces, marketCities, marketCityAliases } from '../language/areas.ts';
import {
  AD_PHRASES,
  BOTH,
  BUY_STRONG,
  INTENT_NEGATION,
  SELL_STRONG,
  THIRD_PARTY,
} from '../language/intent.ts';
import { simplify } from '../language/normalize.ts';
import type { BotKind } from './types.ts';

export type IntentSlot = 'buy' | 'sell' | 'both';

export interface IntentOptions {
  bot: BotKind;
  /** True right after "buying or selling?": a bare "both" / "los dos" then counts. */
  justAsked: boolean;
  /**
   * The bot asked one of its own qualifying questions (motivation, price, budget, ...): the side
   * the bot serves is already known, so "selling" said to the seller bot states nothing new.
   */
  qualifying?: boolean;
}

const FILLER =
  '(?:yes|yeah|yep|ok|okay|hi|hey|hello|hola|si|maybe|prob|probably|kinda|sorta|i think|idk|idk yet|not sure|tbh|honestly|lol|def|definitely|pues|creo que|mmm|hmm|well|um|uh)';
// The answer word at the start of a reply: "buy. renting rn", "Selling a condo", "both lol".
const LEADING_ANSWER = new RegExp(
  `^(?:${FILLER}[ ,.!]+){0,3}(?:(?:im|i am|were|we are|i m) (?:a |the )?)?` +
    '(both|los dos|las dos(?: cosas)?|las 2 cosas|ambos|ambas|buy|buying|buyin|buyer|buyers|compra|comprar|comprando|compramos|compro' +
    '|sell|sel|selling|sellin|seller|sellers|vender|vendiendo|venta|vendemos|vendo)\\b',
);
const GUESS_BOTH =
  /\b(?:i guess|i think|probably|maybe|kinda|creo que|pues) (?:both|los dos|las dos|ambos|ambas)\b/;
const BOTH_WORD = /^(?:both|los dos|las dos(?: cosas)?|las 2 cosas|ambos|ambas)$/;
const SELL_WORD = /^(?:sell|sel|selling|sellin|seller|sellers|vender|vendiendo|venta|vendemos|vendo)$/;
// Plural "buyers", "sellers" are other people ("what do buyers pay", "are sellers giving
// concessions"); a lead speaking of themselves says "we're buyers" (SELF_AS).
const WEAK_SELL =
  /\b(?:sell|selling|seller|list it|vend(?:er|o|iendo)(?:la|lo)?|get rid of (?:my|our|the)(?: [a-z]+){0,2} (?:house|home|place|condo)|(?:put|putting) (?:ours|it|(?:my|our|the|this) (?:house|home|place|condo|one)) (?:on|up on) the market|(?:ours|mine|(?:my|our|the) (?:place|house|home|condo)(?: in [a-z]+)?) (?:has to|needs to|gotta|must|have to) go|unload (?:ours|mine)|done being a landlord|(?:cuanto|que) (?:me|nos) (?:dan|darian|pagan|pagarian) por (?:la mia|mi casa|la nuestra|nuestra casa)|(?:la casa )?(?:ya )?nos queda (?:muy )?(?:grande|chica))\b/;
const WEAK_BUY =
  /\b(?:buy|buying|buyer|purchase|comprar|compra|comprando|get into a (?:house|home|place)|(?:looking|want|wanting|trying) to invest in (?:a |an )?(?:rental|property|house|home)|algo propio|casa propia|pick up (?:a |an )?(?:rental|investment property|property|house|home)|algo mas (?:chico|chica|pequeno|pequena|grande))\b/;
const BUY_VERB = /\b(?:buy|buying|purchase|purchasing|comprar|compramos|comprando)\b/;
const ON_OUR_OWN =
  /\b(?:(?:sell|list)(?:ing)?(?: (?:it|the house|our house|my house|the place))?(?: on (?:zillow|craigslist|facebook|fb)| online)? ?(?:myself|ourselves|on (?:my|our) own|by owner|private(?:ly)?|to a (?:friend|neighbor|relative|family member))|fsbo|(?:vendiendo|vender|vendemos)(?: la| la casa)? (?:nosotros mismos|yo mism[oa]|por (?:mi|nuestra) cuenta))\b/;
const NEGATION = INTENT_NEGATION;
const SPANISH_NEGATION =
  'no (?:la |lo |los |las )?(?:quiero|queremos|vamos a|pienso|pensamos|planeamos|estoy|estamos|voy a|me interesa|nos interesa)(?: \\w+)?';
const NOT_SELLING = new RegExp(
  `\\b${NEGATION} (?:\\w+ ){0,4}(?:sell|selling)\\b|\\b${SPANISH_NEGATION} (?:vender|vendiendo)\\b|\\bno (?:la |lo )?(?:vendo|vendemos|vendere|venderemos)\\b`,
);
const NOT_BUYING = new RegExp(
  `\\b${NEGATION} (?:\\w+ ){0,4}(?:buy|buying|purchase)\\b|\\b${SPANISH_NEGATION} (?:comprar|comprando)\\b|\\b${NEGATION} (?:looking|searching|shopping) for (?:a |any )?(?:house|home|place)\\b|\\bno (?:estoy|estamos|ando|andamos) buscando (?:una |ninguna )?casa\\b`,
);
// Owning instead of renting, and selling to get the next place, are buying too.
const TO_OWN =
  /\b(?:(?:want|wanna|ready|looking|hoping|trying|time) to (?:own|become (?:a )?home ?owners?)|(?:stop|quit|done|tired of) (?:throwing (?:our |my )?money away|paying (?:someone elses |somebody elses )?rent)|(?:want|ready|going|gonna|about) to start looking|(?:want|need) (?:our|my) own (?:place|house|home)|dejar de rentar|tener (?:casa )?propia|(?:ya )?basta de pagar(?:le)? renta|(?:queremos|quiero) (?:lo nuestro|algo nuestro|lo mio))\b/;
const SELL_TO_GET =
  /\bsell\w* (?:\w+ ){0,4}(?:before|then|to|so|first|and) (?:\w+ ){0,3}(?:get|find) (?:a|another|something|one|the next|our next)\b|\bvender (?:\w+ ){0,3}(?:y|para|antes de|primero) (?:\w+ ){0,3}(?:comprar|buscar)\b/;
// In the lead bot only, where the side is still open: a lead who loved a house is buying.
const BUYER_INTEREST =
  /\b(?:loved it|loved? that (?:house|home|one)|(?:cant|can not|cannot) stop thinking about (?:that|the|this) (?:house|home|place|one|open house|listing)|(?:make|put in|write|end \w+ \w+ with) an offer|(?:what|how much) (?:we|i) can afford|(?:find|finding|encontrar|buscar) (?:a |us a |me a |una )?(?:house|home|place|casa)|(?:gotta|got to|need to|have to) find (?:something|a place|a new place)|(?:quit|stop|done) renting|(?:stopped|started|start) looking|moving (?:here|there|to the area) from|(?:still|were|we are|im|i am) (?:still )?looking (?:for|to|at)|first (?:home|house)|1st time|first time|nos gusto|(?:me|nos) encanto|interested in (?:\w+ ){0,2}(?:properties|homes|houses|condos|duplex|duplexes|rentals|townhomes)|(?:would like|looking for|want) (?:a |an )?(?:single story|one story|single level|[0-9] bed(?:room)?) (?:home|house|place)|(?:got|been|just got) (?:pre ?)?approved)\b/;
const SELLER_INTEREST =
  /\b(?:found (?:our|my) next (?:place|house|home)|unload (?:the|our|my|this) (?:house|home|place|condo)|cash(?:ing)? out|get rid of (?:this|the|our|my) (?:one|place|house|home|condo)|depends on (?:the )?offer|(?:for|with) the right (?:price|offer)|if the (?:price|offer) is right)\b/;
const TRADING_UP =
  /\b(?:upgrad(?:e|ing)|outgr(?:ew|own|owing)|(?:need|want) (?:a )?(?:bigger|larger) (?:place|house|home)|trade (?:our|my|the) (?:condo|townhouse|townhome|place|house|home) (?:in )?for (?:a|an|something)\b)\b/;
// The next home named beside the sale: "sell the condo, get a house w a yard", "downsize ... grab
// something smaller around here".
const NEXT_HOME =
  /\b(?:get|grab|find|buy|into) (?:a|an|another|something|one|the next|the) (?:(?:\w+ ){0,2}(?:house|home|place|condo|townhome|townhouse)|smaller|bigger|larger)\b|\bdownsiz\w*\b/;
// In the lead bot, the side said in other words: a second or vacation home, a place of one's own,
// help with the loan (buying); a cash buyer's offer for the lead's house, getting out from under
// the mortgage (selling); downsizing (both: the smaller place is bought too).
const BUY_OTHER_WORDS =
  /\b(?:second home|vacation (?:home|house|place|rental)|weekend (?:place|home|house)|cabin|casita (?:para|de) vacaciones|casa (?:para|de) (?:vacaciones|descanso)|(?:our|my) own (?:place|house|home)|(?:nuestra|mi) propia casa|(?:pagar|pagarle|seguir pagando) renta|empezar a buscar|(?:ayuda|help) con el prestamo|si califico|lenders? (?:want|wants|need|needs) (?:paystubs|pay stubs|w2s|tax returns))\b/;
const SELL_OTHER_WORDS =
  /\b(?:(?:me|nos) (?:ofrecen|ofrecieron)|(?:offered|offering) (?:me|us) \d|those we buy houses|(?:esos|los) que compran casas|get out from under (?:this|the|our|my) (?:mortgage|house|loan|payment))\b/;
const DOWNSIZE = /\b(?:downsiz\w*|bajar de tamano)\b/;
const SELF_AS =
  /\b(?:as a |(?:are|r) the |(?:im|i am|were|we are|we r|i m) (?:the |a )?(?:first time )?)(buyers?|sellers?)\b/;
// "sellers market", "a buyers market": the market, not the lead.
const MARKET_SIDE = /\b(?:buyers?|sellers?) market\b/g;
const HELP_TO =
  /\b(?:help (?:me|us) (?:find|buy|get|sell)|ayud(?:ar|e|en|a)\w* a (?:encontrar|comprar|buscar|vender)|(?:can|could|would|will) you (?:sell|list) (?:my|our)|(?:can|could) you (?:find|get) (?:me|us) a)\b/;
// "We need to sell first": first, before buying.
const SELL_FIRST =
  /\bsell\w* (?:\w+ ){0,2}first\b(?! (?:week|thing|of|half))|\bvender (?:\w+ ){0,2}primero\b/;
const FIRST_OR = /\b(?:buy|sell)\w* first or (?:buy|sell)\w* first\b/;
// Buying elsewhere: "buying there too", "buying in boise" (a city outside the market area).
const BUY_THERE =
  /\bbuy\w* (?:(?:a |something |a house |a home |a place |an? (?:small|smaller|little|bigger|cheaper|new) (?:place|house|home|condo) )?(?:there|over there|out there|in [a-z]+|out of state))\b|\bcomprar (?:alla|alli|en [a-z]+)\b/;
// "we found a house … and we're already in contract on it": that purchase is made, not still to do.
const FIND_FIRST = /\b(?:find|found|encontrar|encontremos) (?:something|a place|a house|one|algo|una casa)\b/;
const PURCHASE_MADE = /\b(?:in|into|under) contract on (?:it|that one|the new one|a|the)\b|\bin escrow on\b/;
const BUY_TOGETHER = /\bbuy (?:one |a (?:house|home|place) )?together\b/;
const OWN_PLACE_SOLD =
  /\b(?:(?:sell|selling|sold|vender|vendamos|vendemos)\w* (?:ours|our|mine|my|it|the|this|la nuestra|el nuestro|nuestra|nuestro|mi|la casa|la mia)|(?:have|got|own) (?:a|our|my|the) (?:house|home|condo|place|property|townhome) to sell|(?:our|my) (?:house|home|place|condo) (?:sells|is sold|sold))\b/;
const QUESTION_OPENER =
  /^(?:(?:wait|so|ok|okay|um|and|but|hey|also|oh|just curious|quick question) ){0,2}(?:do|does|did|can|could|should|would(?! (?:rather|like|love|prefer))|will|is|are|am|was|what|whats|how|why|when|which|who|cuanto|cuantos|cuanta)\b/;
// Asking what the house is worth is a question about value, not yet a decision to sell.
const HOME_VALUE =
  /\b(?:whats?|what is) (?:my|our) (?:house|home|property|place|condo) worth|how much (?:is|could|would|can|will|do) (?:my|our|i|we) (?:house|home|place|property|get|sell)\w*|(?:home|house|property) (?:value|valuation|appraisal|estimate)|\bcma\b|cuanto vale (?:mi|nuestra) (?:casa|propiedad)/g;
const OWN_PLAN =
  /^ ?(?:we|i) (?:want|wanna|would like|plan|need) to (?:buy|sell)\b|\b(?:maybe|i guess|guess|probably) (?:(?:were|we are|im|i am) )?(?:buying|selling)\b|\b(?:begin|start) with selling (?:it|the (?:house|home|place))\b|\b(?:if|once|when) (?:we|i) (?:(?:want|wanna|decide|plan|choose|were going|are going|go ahead)(?: to| and)? )?(?:sell|buy|list|purchase)\b(?: [a-z]+){0,4}|\bsi (?:(?:queremos|quiero|decidimos) )?(?:vender|comprar|vendemos|vendo|compramos|compro)\b|\bsi es (?:mi|nuestra) primera casa\b|\b(?:can|could) (?:we|i) (?:sell and buy|buy and sell)\b(?: [a-z]+){0,3}|\b(?:podemos|puedo) (?:vender y comprar|comprar y vender)\b/g;
// "nuestra primera casa", "looking for our first home": a first home is bought (not one bought long ago).
const FIRST_HOME =
  /(?<!\b(?:was|bought|had|sold|fue|compramos|vendimos)(?: (?:our|my|nuestra|mi))? )\b(?:first|1st|primera) (?:home|house|casa|casita)\b/;
// "oops, still looking!": a buyer who says the search goes on is buying.
const STILL_LOOKING = /\b(?:still|seguimos|sigo) (?:looking|searching|house hunting|buscando)\b/;
const NOT_TEXT = /[^\p{L}\p{N}\s.,;!?'#/-]+/gu;
const CLAUSE = /[^.?!;,]+[.?!;,]*/g;

interface Sides {
  sell: boolean;
  buy: boolean;
  /** A clear statement of buying ("want to buy", "looking for a house"), not a passing word. */
  buyStrong: boolean;
  /** Someone else's sale or purchase is spoken of ("our landlord is selling"). */
  third: boolean;
}

/** What the lead's own statements (questions removed) say about each side. */
function sides(said: string): Sides {
  const clean = said.replace(AD_PHRASES, ' ').replace(HOME_VALUE, ' ');
  const third = THIRD_PARTY.test(clean);
  const ownSell = !third && !NOT_SELLING.test(clean);
  const ownBuy = !third && !NOT_BUYING.test(clean);
  const buyStrong = ownBuy && BUY_STRONG.some((re) => re.test(clean));
  const both = BOTH.some((re) => re.test(clean)) || SELL_TO_GET.test(clean);
  return {
    sell: ownSell && (both || SELL_STRONG.some((re) => re.test(clean)) || WEAK_SELL.test(clean)),
    buy: ownBuy && (both || buyStrong || WEAK_BUY.test(clean) || TO_OWN.test(clean)),
    buyStrong: ownBuy && (buyStrong || both),
    third,
  };
}

/**
 * The intent slot: "selling", "we want to buy our first home", "need to sell before we can buy"
 * (both), "comprar", "las dos cosas" (both, right after "buying or selling?"). A seller who will
 * also buy locally is `both`, and so is a buyer who must sell their own place; a seller buying
 * out of the area ("buying there too", "there" not a market city) stays `sell`. Questions about
 * the process ("how long does it take to sell?"), what the house is worth, someone else's sale
 * ("our landlord is selling"), selling on one's own and negations state no intent. In the lead
 * bot, interest in a house ("loved it", "want to make an offer") is `buy`.
 */
export function readIntentSlot(text: string, options: IntentOptions): IntentSlot | null {
  const read = readSide(text, options);
  if (!options.qualifying) return read;
  // The bot already serves this side; only the other side ("both") is news.
  if ((options.bot === 'seller' && read === 'sell') || (options.bot === 'buyer' && read === 'buy'))
    return null;
  return read;
}

function readSide(text: string, options: IntentOptions): IntentSlot | null {
  const simple = simplify(text).replace(NOT_TEXT, ' ').replace(MARKET_SIDE, ' ').replace(/\s+/g, ' ').trim();
  if (ON_OUR_OWN.test(simple)) return null;
  const clauses = simple.match(CLAUSE) ?? [];
  const asked = clauses.filter((c) => c.includes('?') || QUESTION_OPENER.test(c.trim()));
  // "whats the process if we want to sell", "cómo es si es mi primera casa?": the lead's own plan,
  // said as the condition of a question, is still said.
  const planned = asked.flatMap((c) => c.match(OWN_PLAN) ?? []);
  const said = [...clauses.filter((c) => !asked.includes(c)), ...planned].join(' ');
  const found = sides(said);
  let { sell, buy } = found;
  // "downsizing, so I guess both?": both, said with a shrug.
  if (GUESS_BOTH.test(simple) && (options.justAsked || options.bot === 'lead')) return 'both';
  const leading = LEADING_ANSWER.exec(simple)?.[1];
  if (leading && BOTH_WORD.test(leading)) return options.justAsked || options.bot === 'lead' ? 'both' : null;
  if (leading) {
    if (SELL_WORD.test(leading)) sell = true;
    else buy = true;
  }
  const self = SELF_AS.exec(simple)?.[1];
  if (self?.startsWith('buyer')) buy = true;
  else if (self) sell = true;
  const help = HELP_TO.exec(simple)?.[0];
  if (help && /sell|vender/.test(help)) sell = true;
  else if (help) buy = true;
  const sequenced = FIRST_OR.test(simple) || (SELL_FIRST.test(said) && !NOT_SELLING.test(said));
  if (sequenced) sell = buy = true;
  if (options.bot === 'lead' && !buy && !sell) {
    buy = BUYER_INTEREST.test(said);
    sell = !buy && SELLER_INTEREST.test(said);
    // "Thinking of upgrading, same area", "outgrowing our place": an owner trading up here.
    if (!buy && !sell && TRADING_UP.test(said)) buy = sell = true;
    if (!buy && !sell && DOWNSIZE.test(said)) buy = sell = true;
    if (!buy && !sell) {
      buy = BUY_OTHER_WORDS.test(said);
      sell = !buy && SELL_OTHER_WORDS.test(said);
    }
  }
  if (options.bot === 'lead' && buy && !sell && TRADING_UP.test(said) && SELLER_INTEREST.test(said))
    sell = true;
  if (options.bot === 'lead' && sell && !buy && (TRADING_UP.test(said) || NEXT_HOME.test(said))) buy = true;
  if (
    (sell || options.bot === 'seller') &&
    buy &&
    BUY_THERE.test(said) &&
    locatePlaces(text, marketCities, { aliases: marketCityAliases }).length === 0
  )
    buy = false;
  if (options.bot !== 'seller' && !buy && !sell && FIRST_HOME.test(said)) buy = true;
  if (options.bot === 'buyer' && !buy && !sell && STILL_LOOKING.test(said)) buy = true;
  // "Decided not to sell, we just want to buy": the sale is off, the purchase is on.
  if (buy && !sell && NOT_SELLING.test(said)) return 'buy';
  if (options.bot === 'seller' && !sell) {
    // The seller bot already serves the sale: buying said clearly makes it both, in passing nothing.
    const clear =
      found.buyStrong ||
      BUY_VERB.test(said) ||
      leading !== undefined ||
      sequenced ||
      FIND_FIRST.test(said) ||
      BUY_TOGETHER.test(said) ||
      // "can you help us buy too?": asked outright.
      help !== undefined;
    if (buy || FIND_FIRST.test(said)) return clear ? 'both' : null;
  }
  if (
    options.bot === 'seller' &&
    sell &&
    !PURCHASE_MADE.test(said) &&
    (FIND_FIRST.test(said) || BUY_TOGETHER.test(said))
  )
    buy = true;
  if (sell && buy) return 'both';
  if (options.bot === 'buyer' && OWN_PLACE_SOLD.test(said) && !NOT_SELLING.test(said) && !found.third)
    return 'both';
  if (sell) return 'sell';
  return buy ? 'buy' : null;
}
