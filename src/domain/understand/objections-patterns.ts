import { CHANGED_MIND_TO_YES } from '../language/cues.ts';
import type { ObjectionType } from './types.ts';

/**
 * Phrase rules for objections, matched against the prepared text (objections-text.ts): lower-case
 * words separated by single spaces, no punctuation, shorthands spelled out ("u" → "you").
 * Each rule may refuse a match that is negated ("I don't have an agent"), asked ("is it listed?"),
 * or about the past ("we sold our last house in 2015").
 */
export interface ObjectionRule {
  type: ObjectionType;
  pattern: RegExp;
  /** Skip when one of the three words before the match negates it ("dont", "no", "never"…). */
  negatable?: boolean;
  /** Skip when the clause holding the match asks a question. */
  statement?: boolean;
  /** The pattern must cover a whole clause (plus filler such as "thanks", "lol"). */
  whole?: boolean;
  /** A weak reading ("no thanks", "I'm good"): dropped when a more specific objection is found. */
  soft?: boolean;
  /** Only for these pending questions (null = no question pending). */
  after?: ReadonlyArray<string | null>;
  /** Not for these bots. */
  notFor?: ReadonlyArray<'lead' | 'seller' | 'buyer'>;
  /** Only when the message also matches this ("changed my mind" counts when selling is named). */
  requires?: RegExp;
  /** Skip when the message also matches this (selling talk in "we bought, need to sell this one"). */
  unless?: RegExp;
}

/** Alternatives matched as whole words on the prepared text (objections-text.ts); every rule list uses it. */
export const w = (source: string): RegExp => new RegExp(`\\b(?:${source})\\b`);

const AGENT =
  '(?:realtor|agent|broker|real estate agent|agente|agenta|corredor|corredora|asesor inmobiliario)';
const KIN =
  '(?:cousin|brother|sister|mom|mother|dad|father|uncle|aunt|son|daughter|wife|husband|friend|best friend|neighbor|neighbour|brother in law|sister in law|mother in law|father in law|coworker|buddy|cuz|compadre|comadre|primo|prima|hermano|hermana|tio|tia|cunado|cunada|amigo|amiga|hijo|hija|esposo|esposa|mama|papa|suegro|suegra)';
const BROKERAGE =
  '(?:compass|keller williams|keller|kw|coldwell banker|coldwell|century 21|century21|c21|redfin|remax|re max|exp realty|exp|berkshire hathaway|berkshire|sothebys|realty one|better homes and gardens|better homes|homesmart|fathom|douglas elliman|howard hanna|windermere|opendoor|offerpad|zillow)';
export const MONTH =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)';
export const SEASON = '(?:spring|summer|fall|autumn|winter|primavera|verano|otono|invierno)';
// A wait of more than a year, or a vague "a while"; FAR also takes "a year" and "next year".
const FAR_LONG =
  `(?:a while|awhile|a long time|a year or (?:two|2)|(?:a |another )?(?:couple|few)(?: more)?(?: of)? (?:years|yrs)|(?:unos|un par de|dos|tres|varios|algunos) anos|` +
  `(?:several|two|three|four|five|2|3|4|5) (?:years|yrs)|20(?:2[8-9]|[3-9]\\d))`;
const FAR = `(?:${FAR_LONG}|a bit|some time|(?:another|at least a|a|one) (?:year|yr)|next year|el otro ano|el ano que viene|el proximo ano)`;
// Selling talk: a seller who bought their next home is answering "why sell?", not objecting.
const SELLING_TOO =
  /\b(?:sell|selling|sale|list|listing|this one|our current|needs to go|vender|vendemos|venta)\b/;
// Dates long past: "we bought in 2015", "sold it 10 years ago".
const LONG_AGO = /\b(?:19\d\d|20[01]\d|202[0-4]|years ago|ano pasado|hace anos|our last|my last|previous)\b/;
// "looking for a 3 bed", "looking to buy in Upland": a search, not a brush-off.
export const SEARCH_FOLLOWS =
  /^(?: for (?!now\b|fun\b|the moment\b|the time being\b)| to (?:buy|purchase|sell|move|find|get|rent)\b)/;
export const OBJECTION_RULES: readonly ObjectionRule[] = [
  // has_agent
  {
    type: 'has_agent',
    pattern: w(
      `(?:have|has|got|gotta|using|use|hired|picked|chose|signed with|working with|work with|workin with|talking to|talking with|going with|went with|goin with|sticking with|staying with|loyal to|committed to|represented by|tengo|tenemos|tiene|tienen|contrate|contratamos|trabajando con|trabajamos con)(?: already| ya)?(?: a| an| our| my| one| the| another| a different| mi| nuestro| nuestra| un| una| otro| otra)?(?: own| good| great| family| real estate| buyers| buyer| listing| propio| propia)? ${AGENT}`,
    ),
    negatable: true,
    statement: true,
  },
  {
    type: 'has_agent',
    pattern: w(
      `(?:my|our|mi|nuestro|nuestra)(?: own| current| buyers| listing| propio| propia)? ${AGENT}(?! friend| buddy| neighbou?r| license| licence| exam| class| school)`,
    ),
    negatable: true,
    statement: true,
  },
  {
    type: 'has_agent',
    pattern: w(`${KIN} (?:is|es)(?: a| an| my| our| un| una| mi)?(?: real estate)? ${AGENT}`),
    statement: true,
  },
  {
    // "my brother in law just got his license", "mi prima ya tiene licencia": family in the trade.
    type: 'has_agent',
    pattern: w(
      `${KIN} (?:just |recently |finally |already )?(?:got|has|passed|became|is getting|getting|ya tiene|tiene|saco)(?: (?:his|her|their|a|the|su))?(?: real estate)? (?:license|licence|licensed|licencia)`,
    ),
    negatable: true,
    statement: true,
    // Not a driving licence: the message says the license is for real estate or who is helping.
    requires:
      /\b(?:real estate|realtor|agent|broker|bienes raices|(?:going|go|went|use|using|work|working|stick|sticking) with (?:him|her|them)|(?:help|represent) (?:us|me)|con (?:el|ella))\b/,
  },
  {
    // "...so we're going with him": the person named is an agent (the message says so).
    type: 'has_agent',
    pattern: w(
      '(?:going|goin|go|went|gonna go|decided to go|using|use|sticking|stick|staying|working|work) with (?:him|her|them)|(?:vamos|nos vamos|nos quedamos|seguimos|trabajamos) con (?:el|ella|ellos)',
    ),
    negatable: true,
    statement: true,
    requires: /\b(?:license|licence|licensed|licencia|realtor|agent|agente|broker)\b/,
  },
  {
    type: 'has_agent',
    pattern: w(
      `(?:im|i am|were|we are|soy|somos) (?:a |an )?(?:licensed )?${AGENT}(?: myself| ourselves| too| also)?`,
    ),
    statement: true,
  },
  {
    type: 'has_agent',
    pattern: w(
      `(?:have|already have|got) representation|(?:already|were|we are|im|i am) represented|already (?:have|got|found|hired) (?:someone|somebody|one)|(?:have|got|found|hired) (?:someone|somebody) (?:already|else)|(?:went|going|goin|gone|go|went ahead) with (?:someone|somebody) else|(?:went|going|goin|gone) with (?:our|my|a) ${KIN}|using (?:someone|somebody) else|(?:working|work|talking) with (?:someone|somebody)(?: already| else)?|already talking to (?:someone|somebody|an agent)|(?:signed|sign) (?:a |the )?(?:buyer|buyers|buyer representation|exclusive|representation) (?:agreement|contract)|ya (?:tengo|tenemos) (?:a )?alguien|(?:were|we are|im|i am) (?:already )?with (?:a|an|our|my) ${AGENT}|(?:tengo|tenemos) quien (?:me|nos) ayude|(?:hes|shes|he is|she is|theyre|they are) (?:a|an|our|my) (?:licensed )?${AGENT}|(?:estoy|estamos|vamos|fuimos|seguimos) con (?:otro|otra|un|una|mi|nuestro|nuestra) (?:agente|agenta|realtor|corredor|corredora)`,
    ),
    negatable: true,
    statement: true,
  },
  {
    type: 'has_agent',
    pattern: w(`(?:working|work|going|went|workin) with (?:[a-z]+ )?(?:from|at|with|of)? ?${BROKERAGE}`),
    negatable: true,
    statement: true,
    notFor: ['seller'],
  },
  // listed_with_other
  {
    type: 'listed_with_other',
    pattern: w(
      `(?:its|it is|its been|house is|home is|property is|were|we are|already|were already|its already)(?: already)? (?:listed|on the market|on the mls|in the mls)`,
    ),
    statement: true,
    notFor: ['buyer'],
    // "we were listed at 849 but I'd take 825", "the listing expired": ended ("were" is "we're").
    unless: /\bwe were (?:listed|on the market)\b|\bexpired\b/,
  },
  {
    type: 'listed_with_other',
    pattern: w(
      `(?:we|i) (?:just |already )?listed (?:it|the house|our house|the home|our home|last|yesterday|already)|(?:its|it is|house is|home is|its already) (?:up )?on (?:zillow|redfin|realtor com|the mls|mls)|(?:ya )?esta (?:en el mercado|listada|publicada)|(?:put|putting|puts) (?:it|the house|the home|our house) (?:on the market|on the mls|up for sale|on zillow)`,
    ),
    negatable: true,
    statement: true,
    notFor: ['buyer'],
  },
  {
    type: 'listed_with_other',
    pattern: w(
      `(?:listed|listing|going to list|gonna list|will list|(?:is|its) listed) (?:it |the house |the home |our house |our home )?(?:with|w) (?:another|other|a different|an other|a|an|our|my|someone|somebody|${BROKERAGE})|(?:signed|sign) (?:a |the )?listing (?:agreement|contract)|listing agreement|(?:signed|sign) (?:with|up with) (?:another|a different|other|an other) (?:${AGENT}|brokerage|company|firm)|(?:signed|listed) with ${BROKERAGE}|(?:goes|going|went|go|is) live (?:on|in) (?:the )?mls`,
    ),
    negatable: true,
    statement: true,
    // "It was listed with KW but the contract ended, so no agent now": free to talk.
    unless:
      /\b(?:contract|listing|agreement) (?:ended|expired|ran out|is over|was cancell?ed)|no agent now\b/,
  },
  {
    type: 'listed_with_other',
    pattern: w(
      `(?:our|my|the) listing (?:expires|ends|runs out|is up)|${KIN}(?: who is an? ${AGENT})? (?:is|s|will be|gonna be|going to be) (?:listing|selling|handling|gonna list|going to list|gonna sell|going to sell) (?:it|the house|our house|the home|ours|the sale)|(?:nos|me) (?:la|lo) (?:esta|estan|va a|van a) (?:vender|vendiendo|listar|llevar)|(?:la|lo) (?:tenemos|tengo|tiene|pusimos|puse)(?: listed| listada| en venta)? con (?:otro|otra|un|una|mi|nuestro|nuestra) (?:agente|agenta|realtor|corredor|corredora)|(?:for sale |realtor |a )?sign (?:is )?(?:already )?(?:up|in (?:the|our|my) (?:yard|lawn|front)|on (?:the|our|my) (?:lawn|yard))|(?:opendoor|offerpad|an ibuyer|a cash buyer|an investor) (?:made|gave|sent|offered) (?:us|me)|(?:trying|try|doing|do|selling|sell|listing|list|handling|handle) (?:it |the house )?(?:ourselves|myself|on (?:our|my) own)|facebook marketplace|craigslist|en venta por (?:dueno|el dueno|nuestra cuenta|mi cuenta)|por dueno`,
    ),
    negatable: true,
    statement: true,
    notFor: ['buyer'],
  },
  {
    type: 'listed_with_other',
    pattern: w(
      `sell(?:ing)? (?:it |the house |the home |our house )?(?:myself|ourselves|on (?:my|our) own|by owner|without (?:an |a )?${AGENT})|for sale by owner|fsbo|(?:vendiendo|vender|vendemos|vendo)(?: la| lo| la casa)? (?:nosotros mismos|nosotras mismas|yo mismo|yo misma|por nuestra cuenta|por mi cuenta|por dueno|por el dueno)|(?:listada|listado|enlistada|publicada|en venta|a la venta) con (?:otro|otra|un|una|${BROKERAGE})|(?:la|lo) (?:estoy|estamos) vendiendo (?:yo|nosotros|nosotras)`,
    ),
    negatable: true,
    statement: true,
  },
  {
    type: 'listed_with_other',
    pattern: w(`(?:its|it is|house is|home is|were|we are)(?: already)? (?:with|listed with) ${BROKERAGE}`),
    statement: true,
    notFor: ['buyer'],
  },
  // already_bought
  {
    type: 'already_bought',
    pattern: w(
      `(?:already|just|finally|we) (?:bought|purchased)(?: (?:a|an|our|the|one|another))?(?: new)?(?= (?:house|home|place|condo|townhouse|townhome|property|build|one|in|last|yesterday|already|thanks|thank|sorry|lol|recently|closed|and closed|we closed)\\b|$)|(?:already|just|finally) closed on (?:a|an|our|the)|(?:bought|purchased) (?:already|one already|a (?:house|home|place|condo|townhouse|townhome|new build))|ya (?:compramos|compre|cerramos)|(?:compramos|compre) (?:ya|una casa|casa)`,
    ),
    negatable: true,
    statement: true,
    unless: new RegExp(`${SELLING_TOO.source}|${LONG_AGO.source}`),
    notFor: ['seller'],
  },
  {
    type: 'already_bought',
    pattern: w(
      `in (?:escrow|contract)(?: right now| now| already)? (?:on|for) (?:a|an|the|our)|(?:opened|open|in) escrow (?:on|for) (?:a|an|the|our)|(?:got|found) (?:a|our|the) (?:house|home|place|condo) already|already (?:got|found) (?:a|one|our|the) (?:house|home|place|condo)|(?:our|my) offer (?:got|was) accepted|(?:got|had|have) (?:our|my|an|the) offer accepted|ya (?:encontramos|tenemos) casa|under contract on|closing (?:on (?:a|our|the) (?:house|home|place|condo)|next week|this week|next month|soon)|closed on (?:a|an|our|the)(?: new)? (?:house|home|place|condo|townhome|townhouse|build)|estamos en (?:escrow|contrato|proceso de compra)`,
    ),
    negatable: true,
    statement: true,
    unless: SELLING_TOO,
    notFor: ['seller'],
  },
  {
    type: 'already_bought',
    pattern: w(
      '(?:were|we are|im|i am) (?:already )?(?:in escrow|under contract|in contract)|already (?:closed|in escrow|in contract)|found (?:one|a (?:house|home|place)|our (?:house|home|place)) already|already found (?:one|a|our|the)',
    ),
    negatable: true,
    statement: true,
    notFor: ['seller', 'lead'],
  },
  // already_sold
  {
    type: 'already_sold',
    pattern: w(
      `(?:already|just) sold|sold (?:it|already|the house|the home|the place|our house|my house|to (?:an? |the )?[a-z]+|last (?:week|month|year|${SEASON})|(?:in|back in) ${MONTH}|a (?:week|month|few weeks) ago|yesterday)|(?:house|home|it|its|place|property)(?: has| is| was)?(?: already)? sold|(?:house|home|escrow|it) closed (?:yesterday|last|already|today|on)|closed escrow|already closed(?! on)|already in (?:escrow|contract)(?! on| for)|accepted (?:an|a|the) offer|(?:got|received|had|have) (?:an|a|the) offer (?:and )?(?:took|accepted|we took|we accepted)|took (?:an|a) offer|(?:i|we) sold|(?:its|house is|were|we are|home is) (?:in escrow|under contract|in contract)(?! on| for)|ya (?:la |lo )?(?:vendimos|vendi|vendieron)|ya se vendio|(?:la |lo )?vendimos|aceptamos (?:una|la) oferta|ya esta vendida`,
    ),
    negatable: true,
    statement: true,
    unless: new RegExp(
      `\\b(?:neighbou?rs?(?: house| home| place)? (?:just )?sold|next door|down the street|across the street|sold us|who sold|(?<!we )buy(?! houses)|buying|comprar|looking for|(?:want|wants|need|needs|like|get|gets|getting|have|hope to have|see|help) (?:it|the house|the home|the place|ours|our house|our home) sold|(?:hope|hoping|hopefully|wish|planning|expecting|ojala)(?: [a-z]+){0,3} sold|sold (?:by|before|within|in the next|no later than))\\b|${LONG_AGO.source}`,
    ),
    notFor: ['buyer'],
  },
  // not_interested
  {
    type: 'not_interested',
    pattern: w(
      `not (?:really |even |at all )?interested(?! in (?!selling|buying|sell|buy|moving|your|you|any|anything|it|that|this|working|talking|real estate|using|hearing|doing|listing|a realtor|an agent|agents|realtors|the service|services|offers|an offer|cash offers))|no interest|not interest|no (?:me|nos|le) interesa|no (?:estoy|estamos) interesad[oa]s?|sin interes|(?:i|we) dont need (?:a|an|your|any)(?: real estate)? (?:${AGENT}|help|services|service)|no (?:necesito|necesitamos) (?:un |una )?(?:agente|realtor|ayuda|sus servicios)`,
    ),
    statement: true,
  },
  {
    type: 'not_interested',
    pattern: w(
      `not (?:looking|in the market|on the market for (?:a|one))(?: to (?:buy|sell|move)(?: or (?:buy|sell))?)?(?! (?:until|till|yet|for (?!(?:an? )?(?:agent|realtor))|right now|now|before|this year))|not buying(?: anymore| any more)?(?! (?:anytime|any time|yet|until|till|til|for (?:a|another|now|the moment)|right now|this year))|no (?:plans|intention) (?:to|of) (?:sell|selling|buy|buying|move|moving)|(?:happy|staying|good) where (?:we|i) (?:are|am)|(?:happy|content) (?:here|with (?:our|my) (?:house|home))|(?:its|house is|home is) not for sale|no (?:buscamos|estamos buscando|queremos vender|queremos comprar|pensamos vender)`,
    ),
    statement: true,
  },
  {
    type: 'not_interested',
    pattern:
      /^(?:no |nah |nope |oh |lol )?(?:thanks |thank you |appreciate it )?(?:but )?(?:(?:im|i am|were|we are|all|estoy|estamos) (?:good|ok|fine|bien|all set|set)|all good(?: here)?|not at this time|not at the moment|pass|ill pass|well pass|we will pass|i will pass|hard pass)$/,
    whole: true,
    soft: true,
    after: [null, 'buy_or_sell', 'appointment'],
  },
  {
    type: 'not_interested',
    pattern: w(
      `no (?:thanks|thank you|gracias|muchas gracias)|no but (?:thanks|thank you)|thanks but no(?: thanks)?|thank you but no|not for me|(?:well|we will|ill|i will) (?:reach out|let you know|call you|contact you|text you|be in touch) if (?:we|i) (?:need|want) (?:anything|you|something|help)`,
    ),
    soft: true,
    after: [null, 'buy_or_sell', 'appointment'],
  },
  {
    type: 'not_interested',
    pattern: w(
      '(?:dont|do not|doesnt|dont really) (?:want|plan|intend|need) to (?:sell|move|buy)(?! (?:until|till|yet|before|for|right now|now|this year|anytime soon))|not moving(?: anymore| any more)?',
    ),
    statement: true,
    notFor: ['seller'],
  },
  // not_selling_anymore
  {
    type: 'not_selling_anymore',
    pattern: w(
      `(?:dont|do not|doesnt) (?:want|plan|intend) to sell(?! (?:until|till|yet|before|for|right now|now|this year|anytime soon))|not moving(?: anymore| any more| after all)?|(?:were|we are|im|i am|gonna|going to|decided to|will|well|ill|we will|i will) keep(?:ing)? (?:it|the house|the home|the place|our house)|(?:going to|gonna|decided to|will|were|we are) stay(?:ing)? (?:put|after all|instead)|staying after all|hold(?:ing)? (?:onto|on to) (?:it|the house|the home|our house|the place)|ya no (?:la |lo )?(?:vendemos|vendo)|(?:wants|want|decided|decide) to stay$|(?:decidimos|vamos a|queremos|nos vamos a) quedar(?:nos)?(?: con (?:la|ella))?|rent(?:ing)? it out instead|(?:gonna|going to|decided to|will) rent it(?: out)?|refinanc\\w* instead|ya no (?:la |lo )?(?:vamos a|voy a|queremos|quiero|pensamos|planeamos) vender|nos la vamos a quedar|(?:la|lo) vamos a rentar`,
    ),
    statement: true,
    notFor: ['buyer'],
  },
  {
    type: 'not_selling_anymore',
    pattern: w(
      `(?:not|no longer|aint|wont be|never) (?:(?:thinking (?:of|about)|considering) )?(?:selling|gonna sell|going to sell|planning to sell|planning on selling)(?! (?:unless|for less|below|under|if|until|till|yet|before|right now|this year))|sell(?:ing)? (?:it |the house )?(?:anymore|any more|no more)|decided (?:not to|to not|against) sell(?:ing)?|decided to (?:stay|keep (?:it|the house|the home)|rent it|refinance)|ended up (?:staying|keeping|refinancing|renting)|staying put|(?:stay|staying) and refinance|refinance instead|(?:took|taking|take) (?:it|the house|the home) off (?:the )?market|ya no (?:vamos a|voy a|queremos|quiero|pensamos|planeamos) vender|(?:siempre|mejor) no (?:vamos a |voy a )?(?:la |lo )?vend(?:er|emos|o)|decidimos no vender|nos vamos a quedar|cambiamos de (?:opinion|idea|planes)|cambie de (?:opinion|idea)|(?:mi|el) (?:esposo|esposa|marido|mujer|pareja)(?: [a-z]+)? cambio de (?:opinion|idea|planes)`,
    ),
    statement: true,
    notFor: ['buyer'],
    // The market's "houses are not selling" is no lead's decision; "cambiamos de opinión, queremos comprar" a move.
    unless: new RegExp(
      `\\b(?:houses|homes|things|nothing|they|market|it) (?:are |is )?not selling\\b|${CHANGED_MIND_TO_YES.source}`,
    ),
  },
  {
    type: 'not_selling_anymore',
    pattern: w(`(?:changed|change) (?:my|our) minds?|change of plans|plans changed`),
    statement: true,
    requires: /\b(?:sell|selling|sale|list|listing|vender|venta)\b/,
    unless: CHANGED_MIND_TO_YES,
  },
  {
    type: 'just_looking',
    pattern: /^(?:just )?(?:browsing|window shopping|curious is all|curious thats all|solo curiosidad)$/,
    whole: true,
  },
  {
    type: 'already_sold',
    pattern: /^(?:its |it |house |the house |already )?sold(?: already| it)?$/,
    whole: true,
    notFor: ['buyer'],
  },
  {
    type: 'not_selling_anymore',
    pattern: /^(?:were|we are|im|i am|well|we will) (?:staying|stay|keeping it|keep it)(?: here| put)?$/,
    whole: true,
    notFor: ['buyer'],
  },
  // wrong_number
  {
    type: 'wrong_number',
    pattern: w(
      `wrong (?:number|num|person|guy|girl|lady|dude|phone|contact|maria|jorge)|(?:have|got|texted|texting|reached|messaged) (?:the )?wrong(?! (?:house|address|area|city|one|idea|info|price|chat|thread|convo))|numero equivocado|(?:se |te )?equivoc(?:o|aron|aste) de (?:numero|persona)|equivocad[oa]s? de numero|no (?:one|body) (?:here )?(?:by|named|with|called) (?:that|this) name|(?:no one|nobody|no body) (?:here )?(?:named|called|by the name)|(?:isnt|is not|not) (?:his|her|their) (?:number|phone)|(?:doesnt|does not|dont|no longer) (?:live|lives) here|(?:doesnt|does not|no longer) (?:have|has|use|uses) this (?:number|phone)|nobody (?:here )?(?:by|named|called) that|(?:theres|there is) no(?: one| body)? [a-z]+ here|whoever (?:you are|youre|your) (?:looking|trying)|aqui no (?:es|vive|hay|existe)|(?:este|ese) (?:numero|telefono|cel) no es de|no (?:vive aqui|conozco a)|no vive (?:ningun|ninguna|nadie)`,
    ),
  },
  {
    type: 'wrong_number',
    pattern: /^(?:not me|thats not me|no soy yo|no es aqui|not this number)$/,
    whole: true,
    after: [null],
  },
  {
    // "new number, whoever you're looking for isn't here"; "here's my new number" gives one.
    type: 'wrong_number',
    pattern: w('new number|(?:this|its) a new (?:number|phone)'),
    unless: /\b(?:my new number|new number is)\b/,
  },
  // stop_texting
  {
    type: 'stop_texting',
    pattern: w(
      `(?:stop|quit|cease|enough with|enough|quit it with|stop it with)(?: the)? (?:texting|messaging|txting|text|texts|messages|contacting|bugging|bothering|spamming|harassing|pestering|hitting me up|reaching out|sending (?:me )?(?:texts|messages|these|this|all these|stuff))`,
    ),
    negatable: true,
  },
  {
    type: 'stop_texting',
    pattern: w(
      `(?:why|how come) (?:do |are |does |is |would )?(?:you|yall|they|this number)(?: guys| people| all)? (?:keep|keeps|still|continue to|always|keep on) (?:texting|messaging|contacting|calling|bothering|bugging|sending|hitting|text|message|reaching)|(?:you|yall|guys|people) keep (?:texting|messaging|contacting|bothering|bugging|spamming|harassing) me|(?:text|message|texting|messaging) (?:me )?(?:way )?(?:too much|so much|too often|nonstop|constantly|every day)|(?:too many|so many|enough|all these|all the|constant|nonstop|non stop|way too many) (?:texts|messages|text messages|calls)|(?:stop|quit|enough) with (?:the|all the|these|your|all these) (?:texts|messages|questions|spam)|(?:escribes|escriben|mandas|mandan|me escribas|me escriban|me mandes|me manden) (?:mucho|tanto|demasiado|tantos)|text (?:me )?less|less (?:texts|texting|messages)|(?:stop|quit|enough with|no more) (?:asking|the questions|with the questions|questions|interrogating)|(?:this is|thats|its|this) (?:spam|harassment)|spamming|(?:ive|i have|i already|i) (?:told|said to) you (?:(?:like )?(?:\\d+|two|three|four|five|many|several|multiple|a million|a hundred|a thousand) times|twice|like a million|(?:already|before)$)|what part of (?:stop|no|not interested)|(?:dejen|deja|deje|dejes|dejan) de (?:mandar|mandarme|enviar|enviarme|escribir|escribirme|textear|molestar|molestarme|llamar|llamarme|marcar)|(?:para|paren|pare|basta) (?:ya )?con (?:los|tantos|sus) mensajes|(?:muchos|demasiados|tantos) mensajes|(?:2nd|3rd|[4-9]th|second|third|fourth|fifth|sixth) (?:text|txt|message)s? (?:this|today|in)|keep asking (?:me )?(?:the same|all these|so many)|(?:asking|ask) (?:me )?the same (?:questions|thing)`,
    ),
  },
  // hostile
  {
    type: 'hostile',
    pattern: w(
      `go away|get lost|eff off|eff you|lose my number|piss off|f you|get a real job|buzz off|f off|screw you|screw off|eat shit|go to hell|drop dead|bite me|kiss my ass|up yours|(?:youre|you are|your|realtors are|agents are|you people are|you guys are|yall are)(?: all)? (?:the worst|a joke|pathetic|useless|worthless|trash|garbage|scum|parasites|vultures|leeches|clowns|crooks|scammers|liars|sharks|disgusting|annoying|so annoying|a scammer|a scam artist|a fraud|a crook|a liar|a clown|a leech|a vulture|a parasite|a loser|a creep)|vultures|parasites|bloodsuckers|leeches|sharks?(?! tank)|scumbags?|harassment|harassing me|report(?:ing)? (?:you|this number|yall)|(?:calling|call|contact|get|contacting) my (?:lawyer|attorney)|(?:who|what|why) the (?:hell|fuck|heck)|the fuck|(?:sue|suing) you|no chinguen|chinga|vete al diablo|dejenme en paz|buitres|estafadores|(?:you|youre|you are) (?:an? )?(?:idiot|idiots|moron|morons|clown|loser|losers|jerk|creep|creeps)|leave me the (?:fuck|f|hell) alone|vete a la (?:mierda|verga)|pinches? (?:bot|robot|agente|agentes|vendedor|vendedores|realtor|realtors|gente)|(?:lo|los|la|las) voy a (?:reportar|demandar)`,
    ),
  },
  // just_looking
  {
    type: 'just_looking',
    pattern: w(
      `(?:just|only|merely|simply|solo|nomas|nada mas|solamente) (?:looking|browsing|curious|researching|exploring|seeing|window shopping|getting an idea|getting a feel|testing the waters|keeping an eye|starting to look|looking around|poking around|estoy viendo|estamos viendo|viendo|mirando|quiero ver|queremos ver|estoy mirando|estamos mirando|curioseando|checando|chequeando)|window shopping|(?:im|i am|were|we are) (?:just )?browsing|browsing (?:zillow|redfin|online|around|listings)|(?:seeing|see) what(?:s| is)? out there|testing the waters|(?:por|pura|solo por) curiosidad|not serious yet|(?:nomas|solo|nada mas) (?:estoy|estamos) (?:checando|chequeando|curioseando)`,
    ),
    statement: true,
  },
  // too_early
  {
    type: 'too_early',
    pattern: w(
      `too (?:early|soon)|not (?:ready|yet ready)(?! to (?:make|put in|write) (?:an|a) offer)|not (?:for|till|til|until|untill|before) ${FAR}|(?:hold|holding) off|still saving|saving up|(?:todavia|aun|apenas) (?:estamos|estoy|andamos|ando) ahorrando|just moved in|(?:renewed|extended|signed (?:another|a new)) (?:our |my |the )?lease|acabamos de (?:mudarnos|comprar)|give (?:us|me) (?:some )?time|(?:denos|dame|danos|deme) tiempo|hasta (?:el otro ano|el ano que viene|el proximo ano)|not in a (?:position|place) to|(?:muy|demasiado|todavia es|aun es|es muy) pronto|no (?:estoy|estamos) list[oa]s?|(?:ways|long way|far|years) (?:out|off|away)|not (?:anytime|any time) soon`,
    ),
    negatable: false,
    statement: true,
    unless:
      /\b(?:tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+ ?(?:am|pm)|manana|hoy|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/,
  },
  {
    type: 'too_early',
    pattern: w(
      `(?:check back|ask (?:me )?again|ask me|talk to (?:me|us)|text me|call me|give it|reach (?:back )?out|text (?:me )?(?:back|again)|talk|hit me up|contact me|try (?:me )?again|circle back|follow up)(?: with me)?(?: in| after| around| next)? (?:${FAR}|(?:the )?${SEASON}|(?:a few|six|6|some) months|the new year|new years)|(?:maybe|like|probably|possibly|in|maybe in|en) ${FAR_LONG}(?! ago)|${FAR} (?:out|away|off)`,
    ),
    statement: true,
  },
  {
    type: 'too_early',
    pattern:
      /^(?:no |nah |maybe |ok )?(?:later|not now|not right now|not at the moment|not for now|for now no|maybe later|some other time|another time|down the road|in the future|someday|mas adelante|ahorita no|ahora no|luego|despues|mas tarde|en otro momento|por ahora no|no por ahora|el ano que viene|el proximo ano|el otro ano)$/,
    whole: true,
    after: [null, 'buy_or_sell'],
  },
  {
    type: 'too_early',
    pattern: w(
      '(?:maybe|probably|possibly|prob) (?:next year|in a year)|(?:tal vez|quizas|a lo mejor) (?:el proximo ano|el otro ano|el ano que viene|en un ano)',
    ),
    after: [null, 'buy_or_sell', 'appointment'],
  },
  {
    // Waiting on something far off: "gonna wait til rates come down", "not till my lease is up",
    // "not even close to that stage yet", "esperamos a que bajen las tasas".
    type: 'too_early',
    pattern: w(
      '(?:wait|waiting|hold off|holding off) (?:til|till|until|for) (?:the )?(?:rates|interest rates|prices) (?:to )?(?:come down|go down|drop|fall)|(?:not|no) (?:til|till|until) (?:my|our|the) lease (?:is up|ends|runs out)|not (?:even )?close to (?:that|this|the) (?:stage|point|step)|(?:esperar|esperamos|esperando) a que (?:bajen|baje) (?:las tasas|los precios|el interes)',
    ),
    statement: true,
  },
  {
    type: 'too_early',
    pattern: new RegExp(
      `^(?:in |maybe |like |probably |at least |maybe in |in like |not for |prob |en |tal vez en )?${FAR_LONG}(?: from now| or so| or more| at least| out| maybe)?$`,
    ),
    whole: true,
  },
];
